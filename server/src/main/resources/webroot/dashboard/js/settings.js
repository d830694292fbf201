// Site settings (admins): allowed origins, default max chats, offline message, retention, card
// masking, languages and the pre-chat form through GET/PATCH /api/v1/site; the identity secret
// (identity.js); and the bulk export of a period's messages.

import { $, firstWrong, markWrong, show } from './dom.js';
import { t } from './strings.js';
import { api } from './api.js';
import { dateField, lastDays, periodOf } from './dates.js';
import { fetchFile, saveBlob, sizeText } from './download.js';
import { IdentitySecret } from './identity.js';
import { TranscriptSenderSettings } from './transcriptsender.js';
import { FileSettings } from './filesettings.js';
import { ChatTopics } from './topics.js';
import { MailboxSettings } from './mailbox.js';

const LANGUAGES = ['de', 'en'];

export class SiteSettings {
  constructor(ctx) {
    this.ctx = ctx; // {session, failed}
    this.identity = new IdentitySecret(ctx);
    this.files = new FileSettings(ctx);
    this.topics = new ChatTopics(ctx);
    this.mailbox = new MailboxSettings(ctx);
    this.sender = new TranscriptSenderSettings(ctx);
    $('site-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.save();
    });
    for (const choice of ['shared', 'own']) $('site-email-slots-' + choice).addEventListener('change', () => this.showEmailSlots());
    $('export-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.exportMessages();
    });
    const range = lastDays(30);
    dateField($('export-from'), range.from);
    dateField($('export-to'), range.to);
  }

  async refresh() {
    this.identity.refresh();
    this.mailbox.refresh();
    this.sender.refresh();
    try {
      const site = await api('GET', '/api/v1/site', this.ctx.session.token);
      this.fill(site);
      this.topics.fill(site); // its own form: a save of the other settings leaves unsaved topics alone
      await this.files.refresh();
    } catch (e) {
      this.result(e.message, true);
      if (e.status === 401) this.ctx.failed(e);
    }
  }

  fill(site) {
    $('site-origins').value = (site.allowedOrigins || []).join('\n');
    $('site-max-chats').value = String(site.defaultMaxChats);
    $('site-offline-message').value = site.offlineMessage || '';
    $('site-retention').value = site.retentionDays == null ? '' : String(site.retentionDays);
    $('site-mask').checked = site.maskCardNumbers === true;
    $('site-sticky').checked = site.stickyAgent === true;
    $('site-time-zone').value = site.timeZone || '';
    $('site-reassign').value = site.reassignAfterSeconds == null ? '' : String(site.reassignAfterSeconds);
    this.hasAgentGrace = site.agentGraceSeconds != null;
    $('site-agent-grace').value = this.hasAgentGrace ? String(site.agentGraceSeconds) : '';
    $('site-auto-away').value = site.agentAutoAwayMinutes == null ? '' : String(site.agentAutoAwayMinutes);
    this.hasMaxEmails = 'maxEmails' in site; // a server without the setting gets none back
    $('site-email-slots-own').checked = site.maxEmails != null;
    $('site-email-slots-shared').checked = site.maxEmails == null;
    $('site-max-emails').value = site.maxEmails == null ? '' : String(site.maxEmails);
    this.showEmailSlots();
    // the widget's languages; the first listed is the one used when the visitor's is not there
    this.languages = Array.isArray(site.languages) ? site.languages : null;
    for (const lang of LANGUAGES) $('site-lang-' + lang).checked = !this.languages || this.languages.includes(lang);
    // the pre-chat form; a server without it sends none, and then none is sent back
    this.hasPrechat = !!site.prechatForm;
    const form = site.prechatForm || {};
    $('prechat-enabled').checked = form.enabled === true;
    $('prechat-name').value = form.name || 'optional';
    $('prechat-email').value = form.email || 'required';
    $('prechat-consent').checked = form.consentRequired !== false;
    $('prechat-privacy').value = form.privacyUrl || '';
  }

  prechatForm() {
    return {
      enabled: $('prechat-enabled').checked,
      name: $('prechat-name').value,
      email: $('prechat-email').value,
      consentRequired: $('prechat-consent').checked,
      privacyUrl: $('prechat-privacy').value.trim() || null,
    };
  }

  /** The checked languages, in the order the site had them, newly checked ones after. */
  chosenLanguages() {
    const checked = LANGUAGES.filter((lang) => $('site-lang-' + lang).checked);
    const kept = (this.languages || []).filter((lang) => checked.includes(lang));
    return kept.concat(checked.filter((lang) => !kept.includes(lang)));
  }

  /** The number of e-mail slots is asked for only while e-mails have slots of their own. */
  showEmailSlots() {
    const own = $('site-email-slots-own').checked;
    $('site-max-emails').disabled = !own;
    $('site-max-emails').required = own;
  }

  result(message, isError) {
    const box = $('site-result');
    box.textContent = message;
    box.className = isError ? 'error' : 'ok';
  }

  /**
   * The first number field whose value is missing (where one is needed), not whole or out of its
   * range is marked, gets the focus and is named in the error, in the agent's language (the form
   * is `novalidate`: the browser's own bubble speaks the browser's language and is gone in a moment).
   */
  numbersInRange() {
    const wrong = firstWrong([...$('site-form').querySelectorAll('input[type="number"]')].filter((field) => !field.disabled));
    if (!wrong) return true;
    this.result(t('numberRange', { field: markWrong(wrong), min: wrong.min, max: wrong.max }), true);
    return false;
  }

  /** A whole number from the field, null for an empty one, NaN for anything else. */
  static number(id) {
    const raw = $(id).value.trim();
    if (raw === '') return null;
    return /^-?\d+$/.test(raw) ? Number.parseInt(raw, 10) : Number.NaN;
  }

  async save() {
    if (!this.numbersInRange()) return;
    const maxChats = SiteSettings.number('site-max-chats');
    const retention = SiteSettings.number('site-retention');
    if (maxChats === null || Number.isNaN(maxChats)) {
      this.result(t('notANumber', { field: t('defaultMaxChats') }), true);
      return;
    }
    if (Number.isNaN(retention)) {
      this.result(t('notANumber', { field: t('retentionDays') }), true);
      return;
    }
    const reassign = SiteSettings.number('site-reassign');
    if (reassign === null || Number.isNaN(reassign)) {
      this.result(t('notANumber', { field: t('reassignAfter') }), true);
      return;
    }
    const agentGrace = SiteSettings.number('site-agent-grace');
    if (this.hasAgentGrace && (agentGrace === null || Number.isNaN(agentGrace))) {
      this.result(t('notANumber', { field: t('agentGrace') }), true);
      return;
    }
    const autoAway = SiteSettings.number('site-auto-away');
    if (this.hasAgentGrace && (autoAway === null || Number.isNaN(autoAway))) {
      this.result(t('notANumber', { field: t('autoAway') }), true);
      return;
    }
    // no slots of their own: null, an e-mail takes a chat slot
    const maxEmails = $('site-email-slots-own').checked ? SiteSettings.number('site-max-emails') : null;
    const languages = this.chosenLanguages();
    if (languages.length === 0) {
      this.result(t('noLanguage'), true);
      return;
    }
    // the server checks every value and answers with what is wrong; it is shown as it says it
    const body = {
      allowedOrigins: $('site-origins').value.split('\n').map((line) => line.trim()).filter(Boolean),
      defaultMaxChats: maxChats,
      offlineMessage: $('site-offline-message').value,
      retentionDays: retention,
      maskCardNumbers: $('site-mask').checked,
      reassignAfterSeconds: reassign,
      stickyAgent: $('site-sticky').checked,
    };
    if ($('site-time-zone').value.trim()) body.timeZone = $('site-time-zone').value.trim();
    if (this.languages) body.languages = languages; // only to a server that has the setting
    if (this.hasPrechat) body.prechatForm = this.prechatForm();
    if (this.hasMaxEmails) body.maxEmails = maxEmails;
    if (this.hasAgentGrace) {
      body.agentGraceSeconds = agentGrace;
      body.agentAutoAwayMinutes = autoAway;
    }
    $('site-save').disabled = true;
    try {
      this.fill(await api('PATCH', '/api/v1/site', this.ctx.session.token, body));
      await this.files.save();
      this.result(t('saved'), false);
    } catch (e) {
      this.result(e.message || t('genericError', { code: e.code }), true);
      if (e.status === 401) this.ctx.failed(e);
    } finally {
      $('site-save').disabled = false;
    }
  }

  async exportMessages() {
    const period = periodOf($('export-from'), $('export-to'));
    const box = $('export-result');
    if (period.error) {
      box.textContent = period.error;
      box.className = 'error';
      return;
    }
    const { from, to } = period;
    const choice = $('export-format').value;
    const format = choice === 'csv-excel' ? 'csv' : choice;
    const params = new URLSearchParams({ from: from.toISOString(), to: to.toISOString(), format });
    if (choice === 'csv-excel') params.set('bom', '1'); // a byte-order mark, so that Excel reads UTF-8
    $('export-download').disabled = true;
    box.className = 'muted';
    box.textContent = t('exporting', { size: '' });
    try {
      const { blob, name } = await fetchFile('/api/v1/exports/messages?' + params, this.ctx.session.token,
        `messages-${this.ctx.session.siteKey}.${format}`, (bytes) => {
          box.textContent = t('exporting', { size: sizeText(bytes) });
        });
      saveBlob(blob, name);
      box.className = 'ok';
      box.textContent = t('exported', { size: sizeText(blob.size) });
    } catch (e) {
      box.className = 'error';
      box.textContent = e.message || t('downloadFailed', { code: e.code });
      if (e.status === 401) this.ctx.failed(e);
    } finally {
      $('export-download').disabled = false;
    }
  }
}
