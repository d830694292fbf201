// The sender of e-mailed transcripts (admins): the site's own name and address, or — both empty —
// the server's PLAUDER_SMTP_FROM; the server checks the address and says why when it refuses one.

import { $ } from './dom.js';
import { t } from './strings.js';
import { api } from './api.js';

const PATH = '/api/v1/site/transcript-sender';

export class TranscriptSenderSettings {
  constructor(ctx) {
    this.ctx = ctx; // {session, failed, toast}
    $('sender-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.save();
    });
  }

  async refresh() {
    try {
      this.show(await api('GET', PATH, this.ctx.session.token));
    } catch (e) {
      this.fail(e);
    }
  }

  show(sender) {
    $('sender-name').value = sender.name || '';
    $('sender-address').value = sender.address || '';
    $('sender-from').className = 'muted';
    $('sender-from').textContent = sender.from ? t('senderFrom', { from: sender.from }) : t('senderNone');
  }

  async save() {
    const address = $('sender-address').value.trim();
    const name = $('sender-name').value.trim();
    $('sender-save').disabled = true;
    try {
      const body = address ? { address, name: name || null } : { address: null };
      this.show(await api('PUT', PATH, this.ctx.session.token, body));
      this.ctx.toast(t('senderSaved'));
    } catch (e) {
      this.fail(e);
    } finally {
      $('sender-save').disabled = false;
    }
  }

  fail(e) {
    $('sender-from').className = 'error';
    $('sender-from').textContent = e.message || t('genericError', { code: e.code });
    if (e.status === 401) this.ctx.failed(e);
  }
}
