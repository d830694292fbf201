// "Original mails" beside an e-mail conversation: each incoming mail's whole text as it came,
// before quotes and signatures were trimmed (GET /api/v1/conversations/{id}/mails), set as text
// with its web and mail addresses as links, as in a message.

import { $, el, linkedEl } from './dom.js';
import { t } from './strings.js';
import { api } from './api.js';

export class OriginalMails {
  constructor(ctx, activeConv) {
    this.ctx = ctx; // {session, failed}
    $('mails-button').addEventListener('click', () => {
      const conv = activeConv();
      if (conv) this.open(conv.id);
    });
    $('mails-close').addEventListener('click', () => $('mails-dialog').close());
  }

  async open(conversationId) {
    const list = $('mails-list');
    list.replaceChildren();
    try {
      const reply = await api('GET', `/api/v1/conversations/${encodeURIComponent(conversationId)}/mails`, this.ctx.session.token);
      for (const mail of reply.mails) list.append(linkedEl('pre', 'original-mail', mail.text));
      if (reply.mails.length === 0) list.append(el('p', 'muted', t('originalMailsEmpty')));
      $('mails-dialog').showModal();
    } catch (e) {
      this.ctx.failed(e);
    }
  }
}
