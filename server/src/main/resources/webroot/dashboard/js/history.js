// The history view: closed chats and offline messages of the site, with a read-only transcript.

import { $, el, show, dateTime } from './dom.js';
import { t } from './strings.js';
import { api } from './api.js';
import { renderMessages } from './chats.js';

export class History {
  constructor(ctx) {
    this.ctx = ctx; // {bus, session, failed}
    this.kind = 'closed';
    this.selectedId = null;
    $('history-closed').addEventListener('click', () => this.switchKind('closed'));
    $('history-offline').addEventListener('click', () => this.switchKind('offline'));
  }

  switchKind(kind) {
    this.kind = kind;
    $('history-closed').setAttribute('aria-pressed', String(kind === 'closed'));
    $('history-offline').setAttribute('aria-pressed', String(kind === 'offline'));
    this.refresh();
  }

  async refresh() {
    let reply;
    try {
      reply = await api('GET', '/api/v1/conversations?status=' + this.kind, this.ctx.session.token);
    } catch (e) {
      this.ctx.failed(e);
      return;
    }
    const list = $('history-list');
    list.replaceChildren();
    for (const conv of reply.conversations) {
      const item = el('li');
      const button = el('button', 'chat-item');
      button.type = 'button';
      button.dataset.conversationId = conv.id;
      if (conv.id === this.selectedId) button.setAttribute('aria-current', 'true');
      const top = el('span', 'chat-item-top');
      top.append(el('span', 'chat-item-name', conv.visitorName || conv.visitorEmail || t('anonymous', { id: conv.visitorId.slice(-4) })));
      top.append(el('span', 'chat-item-time muted', dateTime(conv.closedAt || conv.createdAt)));
      const bottom = el('span', 'chat-item-bottom');
      const details = [conv.agentName, conv.visitorEmail, conv.rating ? t('rating', { n: conv.rating }) : null];
      bottom.append(el('span', 'chat-item-preview', details.filter(Boolean).join(' · ')));
      button.append(top, bottom);
      button.addEventListener('click', () => this.open(conv));
      item.append(button);
      list.append(item);
    }
    show($('history-empty'), reply.conversations.length === 0);
  }

  async open(conv) {
    this.selectedId = conv.id;
    for (const b of $('history-list').querySelectorAll('button')) {
      if (b.dataset.conversationId === conv.id) b.setAttribute('aria-current', 'true');
      else b.removeAttribute('aria-current');
    }
    const messages = [];
    try {
      let afterSeq = 0;
      for (let page = 0; page < 20; page++) {
        const reply = await this.ctx.bus.request('agent.history', { conversationId: conv.id, afterSeq });
        messages.push(...reply.messages);
        if (!reply.hasMore || reply.messages.length === 0) break;
        afterSeq = reply.messages[reply.messages.length - 1].seq;
      }
    } catch (e) {
      this.ctx.failed(e);
      return;
    }
    show($('transcript-empty'), false);
    show($('transcript-pane'), true);
    $('transcript-title').textContent = conv.visitorName || conv.visitorEmail || t('visitor');
    const meta = conv.status === 'offline'
      ? [t('offlineMessageFrom', { email: conv.visitorEmail || '' }), dateTime(conv.createdAt)]
      : [conv.agentName, dateTime(conv.createdAt), conv.closedAt ? t('closedAt', { time: dateTime(conv.closedAt) }) : null];
    $('transcript-meta').textContent = meta.filter(Boolean).join(' · ');
    renderMessages($('transcript-log'), messages, {}, true);
  }
}
