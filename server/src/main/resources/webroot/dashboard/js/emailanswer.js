// Answering by e-mail what no chat reaches any more: a message left while nobody was online, or
// an ended chat whose visitor gave an address (POST /api/v1/conversations/{id}/email-answer).
// The answer goes out from the site's support mailbox; the customer's reply comes back as an
// e-mail conversation.

import { $, show } from './dom.js';
import { t } from './strings.js';
import { api } from './api.js';

export class EmailAnswer {
  constructor(ctx, onSent) {
    this.ctx = ctx; // {session, failed}
    this.onSent = onSent; // (conv) → the transcript is drawn again
    this.conv = null;
    $('email-answer').addEventListener('submit', (event) => {
      event.preventDefault();
      this.send();
    });
  }

  /** Shown under a transcript that can be answered by e-mail. */
  showFor(conv) {
    const open = conv.status === 'queued' || conv.status === 'active';
    const answerable = !open && (!!conv.visitorEmail || conv.channel === 'email');
    if (this.conv === null || this.conv.id !== conv.id) {
      $('email-answer-text').value = '';
      $('email-answer-result').textContent = '';
    }
    this.conv = conv;
    $('email-answer-to').textContent = answerable ? t('emailAnswerTo', { email: conv.visitorEmail || '' }) : '';
    show($('email-answer'), answerable);
  }

  async send() {
    const text = $('email-answer-text').value.trim();
    if (!this.conv || !text) return;
    const conv = this.conv;
    $('email-answer-send').disabled = true;
    const result = $('email-answer-result');
    try {
      const clientMsgId = 'email-' + Date.now().toString(36) + '-' + Math.random().toString(36).slice(2, 10);
      await api('POST', `/api/v1/conversations/${encodeURIComponent(conv.id)}/email-answer`, this.ctx.session.token,
        { text, clientMsgId });
      $('email-answer-text').value = '';
      result.className = 'ok';
      result.textContent = t('emailAnswerSent', { email: conv.visitorEmail || '' });
      this.onSent(conv);
    } catch (e) {
      result.className = 'error';
      result.textContent = e.message || t('genericError', { code: e.code });
      if (e.status === 401) this.ctx.failed(e);
    } finally {
      $('email-answer-send').disabled = false;
    }
  }
}
