// The monitor (admins and supervisors): every open chat of the site (and parked e-mails, with their
// work status), live and read-only, with the
// whispers agents and supervisors wrote in it; a whisper box (the visitor never sees a whisper)
// and "Take over". While the view is open the server streams the chats' events (`monitor` pushes);
// the watch is renewed every 25 s and ends when the view closes.

import { $, el, show } from './dom.js';
import { t } from './strings.js';
import { needsLabel, renderMessages } from './chats.js';
import { workStatusBadge, workStatusText } from './workstatus.js';
import { readAllPages } from '../client-core.js';
import { Watch } from './watch.js';

/** A whisper as the message list draws it. */
function asItem(w) {
  return { sender: 'whisper', senderName: w.agentName, text: w.text, time: w.time, clientMsgId: w.clientMsgId };
}

export class Monitor {
  constructor(ctx) {
    this.ctx = ctx; // {bus, failed, toast, onTakenOver}
    this.chats = new Map(); // conversationId → conversation
    this.watched = null;    // {id, messages: Map seq → message, whispers: Map clientMsgId → whisper}
    this.monitoring = new Watch(ctx, 'agent.monitor', () => this.renew());
    $('whisper-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.whisper();
    });
    $('whisper-text').addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey) {
        event.preventDefault();
        this.whisper();
      }
    });
    $('monitor-take-over').addEventListener('click', () => this.takeOver());
  }

  async open() {
    await this.monitoring.start();
  }

  close() {
    this.monitoring.stop();
  }

  async renew() {
    try {
      const reply = await this.ctx.bus.request('agent.monitor', {});
      this.chats = new Map((reply.conversations || []).map((c) => [c.id, c]));
      this.renderList();
    } catch (e) {
      this.ctx.failed(e);
    }
  }

  onPush(push) {
    if (push.conversation) this.chats.set(push.conversationId, push.conversation);
    if (push.event === 'closed') this.chats.delete(push.conversationId);
    if (push.event !== 'message' && push.event !== 'whisper') this.renderList();
    const w = this.watched;
    if (!w || w.id !== push.conversationId) return;
    if (push.message) w.messages.set(push.message.seq, push.message);
    if (push.whisper) w.whispers.set(push.whisper.clientMsgId + push.whisper.agentId, push.whisper);
    this.renderWatched(false);
  }

  renderList() {
    const list = $('monitor-list');
    list.replaceChildren();
    for (const c of this.chats.values()) {
      const item = el('li');
      const button = el('button', 'chat-item');
      button.type = 'button';
      button.dataset.conversationId = c.id;
      if (this.watched && this.watched.id === c.id) button.setAttribute('aria-current', 'true');
      const top = el('span', 'chat-item-top');
      top.append(el('span', 'chat-item-name', c.visitorName || t('anonymous', { id: (c.visitorId || '').slice(-4) })));
      const badge = workStatusBadge(c); // e-mails: open, pending, snoozed (parked ones are listed too)
      if (badge) top.append(badge);
      const bottom = el('span', 'chat-item-bottom');
      bottom.append(el('span', 'chat-item-preview', [c.status === 'queued' ? t('waiting') : c.agentName, needsLabel(c)].filter(Boolean).join(' · ')));
      button.append(top, bottom);
      button.addEventListener('click', () => this.watch(c.id));
      item.append(button);
      list.append(item);
    }
    show($('monitor-empty'), this.chats.size === 0);
  }

  async watch(id) {
    const watched = { id, messages: new Map(), whispers: new Map() };
    this.watched = watched;
    this.renderList();
    try {
      await readAllPages((afterSeq) => this.ctx.bus.request('agent.history', { conversationId: id, afterSeq }), (reply) => {
        for (const m of reply.messages || []) watched.messages.set(m.seq, m);
      }, 0);
      const reply = await this.ctx.bus.request('agent.whispers', { conversationId: id });
      for (const w of reply.whispers || []) watched.whispers.set(w.clientMsgId + w.agentId, w);
    } catch (e) {
      this.ctx.failed(e);
    }
    if (this.watched === watched) this.renderWatched(true);
  }

  renderWatched(jump) {
    const w = this.watched;
    const conv = this.chats.get(w.id);
    show($('monitor-none'), false);
    show($('monitor-pane'), true);
    $('monitor-chat-title').textContent = conv ? conv.visitorName || t('anonymous', { id: (conv.visitorId || '').slice(-4) }) : '';
    $('monitor-chat-meta').textContent = conv ? [conv.agentName, workStatusText(conv), needsLabel(conv)].filter(Boolean).join(' · ')
      : t('chatClosed');
    $('monitor-take-over').disabled = !conv || conv.status !== 'active';
    const items = [...w.messages.values(), ...[...w.whispers.values()].map(asItem)]
      .sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
    renderMessages($('monitor-log'), items, {}, jump);
  }

  async whisper() {
    const box = $('whisper-text');
    const text = box.value.trim();
    if (!text || !this.watched) return;
    try {
      const reply = await this.ctx.bus.request('agent.whisper',
        { conversationId: this.watched.id, text, clientMsgId: 'w-' + crypto.randomUUID() });
      box.value = '';
      this.onPush({ conversationId: reply.whisper.conversationId, event: 'whisper', whisper: reply.whisper });
    } catch (e) {
      this.ctx.failed(e);
    }
  }

  async takeOver() {
    if (!this.watched) return;
    try {
      await this.ctx.bus.request('agent.takeOver', { conversationId: this.watched.id });
      this.ctx.toast(t('takenOver'));
      this.ctx.onTakenOver(this.watched.id);
    } catch (e) {
      this.ctx.failed(e);
    }
  }
}
