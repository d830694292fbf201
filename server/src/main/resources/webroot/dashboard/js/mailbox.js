// The site's support mailbox (admins): where mail is fetched (IMAP) and sent (SMTP), through
// GET/PUT /api/v1/mailbox. The password is never sent back: an empty field keeps the stored one.
// The form is `novalidate`: a wrong field is named in the agent's language, not in the browser's
// passing bubble; its checks (required, ranges, patterns in index.html) are the server's.

import { $, firstWrong, markWrong } from './dom.js';
import { t } from './strings.js';
import { api } from './api.js';

const PATH = '/api/v1/mailbox';

export class MailboxSettings {
  constructor(ctx) {
    this.ctx = ctx; // {session, failed}
    $('mailbox-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.save();
    });
  }

  /** Reads the stored mailbox into the form, which says it is busy until then (what is typed before would be overwritten). */
  async refresh() {
    $('mailbox-form').setAttribute('aria-busy', 'true');
    try {
      this.fill(await api('GET', PATH, this.ctx.session.token));
    } catch (e) {
      this.fail(e);
    } finally {
      $('mailbox-form').setAttribute('aria-busy', 'false');
    }
  }

  fill(box) {
    for (const field of this.fields()) field.removeAttribute('aria-invalid');
    $('mailbox-enabled').checked = box.enabled === true;
    $('mailbox-address').value = box.address || '';
    $('mailbox-imap-host').value = box.imapHost || '';
    $('mailbox-imap-port').value = String(box.imapPort || 993);
    $('mailbox-imap-security').value = box.imapSecurity || 'ssl';
    $('mailbox-smtp-host').value = box.smtpHost || '';
    $('mailbox-smtp-port').value = String(box.smtpPort || 465);
    $('mailbox-smtp-security').value = box.smtpSecurity || 'ssl';
    $('mailbox-username').value = box.username || '';
    $('mailbox-password').value = '';
    $('mailbox-password').placeholder = box.passwordSet ? t('mailboxPasswordKept') : '';
    $('mailbox-poll').value = String(box.pollSeconds || 60);
  }

  /** The fields an admin types into: the checkbox aside, it cannot be wrong. */
  fields() {
    return [...$('mailbox-form').querySelectorAll('input:not([type="checkbox"])')];
  }

  /** The first wrong field (spaces alone count as empty) is marked, gets the focus and is named in the error; true when none is. */
  valid() {
    const fields = this.fields();
    for (const field of fields) {
      if (field.type === 'text' || field.type === 'email') field.value = field.value.trim();
    }
    const wrong = firstWrong(fields);
    if (!wrong) return true;
    const values = { field: markWrong(wrong), min: wrong.min, max: wrong.max };
    if (wrong.validity.valueMissing) this.result(t('fieldMissing', values), true);
    else if (wrong.type === 'number') this.result(t('numberRange', values), true);
    else this.result(t(wrong.type === 'email' ? 'notAnAddress' : 'notAHost', values), true);
    return false;
  }

  async save() {
    if (!this.valid()) return;
    const body = {
      enabled: $('mailbox-enabled').checked,
      address: $('mailbox-address').value.trim(),
      imapHost: $('mailbox-imap-host').value.trim(),
      imapPort: Number($('mailbox-imap-port').value),
      imapSecurity: $('mailbox-imap-security').value,
      smtpHost: $('mailbox-smtp-host').value.trim(),
      smtpPort: Number($('mailbox-smtp-port').value),
      smtpSecurity: $('mailbox-smtp-security').value,
      username: $('mailbox-username').value.trim(),
      pollSeconds: Number($('mailbox-poll').value),
    };
    if ($('mailbox-password').value) body.password = $('mailbox-password').value;
    $('mailbox-save').disabled = true;
    try {
      this.fill(await api('PUT', PATH, this.ctx.session.token, body));
      this.result(t('saved'), false);
    } catch (e) {
      this.fail(e);
    } finally {
      $('mailbox-save').disabled = false;
    }
  }

  result(message, isError) {
    const box = $('mailbox-result');
    box.textContent = message;
    box.className = isError ? 'error' : 'ok';
  }

  fail(e) {
    this.result(e.message || t('genericError', { code: e.code }), true);
    if (e.status === 401) this.ctx.failed(e);
  }
}
