// The agent's parallel chats: their messages (each seq once, through the client core's Transcript),
// outbox, unread counts, drafts and typing state, and how they are drawn. The network is reached
// through `ctx.bus`.

import { $, el, linkedEl, show, clockTime, elapsed } from './dom.js';
import { t } from './strings.js';
import { attachmentEl } from './files.js';
import { isParked, workStatusBadge } from './workstatus.js';
import { Outbox, RemoteTyping, Transcript, TypingNotices, isLineFailure, longestWaitFirst, readAllPages, storedFromAck, waitingSince } from '../client-core.js';

function visitorLabel(conv) {
  return conv.visitorName || t('anonymous', { id: (conv.visitorId || conv.id || '').slice(-4) });
}

class Chat {
  constructor(conv, chats) {
    this.conv = conv;
    this.transcript = new Transcript();
    // In memory only: after a reload the server's history is what counts.
    this.outbox = new Outbox(null, null, { sender: 'agent', prefix: 'd' });
    this.unread = 0;
    this.draft = '';
    this.note = null;     // shown when the chat came by transfer
    this.ended = false;   // the visitor closed it; it stays readable until the agent removes it
    this.typing = new TypingNotices((typing) => chats.sendTyping(this, typing));
    this.visitorTyping = new RemoteTyping(() => chats.render());
  }

  /** Stored messages by seq, then the own ones still on their way ("sending" or "failed"). */
  get messages() {
    return this.transcript.view(this.outbox.pending());
  }

  get last() {
    const messages = this.messages;
    return messages[messages.length - 1];
  }

  /** Since when the visitor waits for an answer (null: an agent spoke last, or the chat ended). */
  get waitingSince() {
    return this.ended ? null : waitingSince(this.messages);
  }

  /** Adds stored messages; returns those that were new. Own messages that came back leave the outbox. */
  addStored(messages) {
    const added = this.transcript.merge(messages);
    this.outbox.acknowledged(added);
    return added;
  }
}

export class Chats {
  constructor(ctx) {
    this.ctx = ctx;           // {bus, me, alerts, toast, onChange, onActiveChat}
    this.chats = new Map();   // conversationId -> Chat
    this.activeId = null;
    this.shownConv = null;   // the conversation the pane (and the visitor panel) last showed
    // "arrival" or "waiting" (longest waiting first), remembered per agent in this browser
    this.sortKey = 'plauder.dashboard.chatOrder.' + ctx.me.agentId;
    this.sortBy = localStorage.getItem(this.sortKey) === 'waiting' ? 'waiting' : 'arrival';
    this.bindComposer();
    this.bindSort();
  }

  get order() {
    const arrival = [...this.chats.values()].sort((a, b) => (a.conv.assignedAt || '').localeCompare(b.conv.assignedAt || ''));
    return this.sortBy === 'waiting' ? longestWaitFirst(arrival, (chat) => chat.waitingSince) : arrival;
  }

  bindSort() {
    const select = $('chat-sort');
    select.value = this.sortBy;
    select.addEventListener('change', () => {
      this.sortBy = select.value === 'waiting' ? 'waiting' : 'arrival';
      localStorage.setItem(this.sortKey, this.sortBy);
      this.renderList();
    });
  }

  get active() {
    return this.activeId ? this.chats.get(this.activeId) : null;
  }

  get totalUnread() {
    let total = 0;
    for (const chat of this.chats.values()) total += chat.unread;
    return total;
  }

  // ---- from the server ----

  /** The full list after (re)connecting: adds new chats, drops gone ones, fetches what was missed. */
  async load(activeConversations, countMissedAsUnread = false) {
    const ids = new Set(activeConversations.map((c) => c.id));
    for (const id of [...this.chats.keys()]) {
      if (!ids.has(id)) this.chats.delete(id);
    }
    for (const conv of activeConversations) {
      const chat = this.chats.get(conv.id) || new Chat(conv, this);
      chat.conv = conv;
      this.chats.set(conv.id, chat);
    }
    if (this.activeId && !this.chats.has(this.activeId)) this.activeId = null;
    if (!this.activeId && this.chats.size > 0) this.activeId = this.order[0].conv.id;
    this.render();
    await Promise.all(activeConversations.map((c) => this.fetchHistory(this.chats.get(c.id), countMissedAsUnread)));
    this.retryUnsent();
  }

  async fetchHistory(chat, countUnread) {
    await readAllPages((afterSeq) => this.ctx.bus.request('agent.history', { conversationId: chat.conv.id, afterSeq }), (reply) => {
      const fresh = chat.addStored(reply.messages || []).filter((m) => m.sender === 'visitor').length;
      if (countUnread && !this.isInFront(chat)) chat.unread += fresh;
    }, chat.transcript.highestSeq);
    this.render();
  }

  onAssigned(push) {
    const conv = push.conversation;
    const chat = this.chats.get(conv.id) || new Chat(conv, this);
    chat.conv = conv;
    if (push.transferredFrom) {
      const key = push.reason === 'noReply' ? 'transferredNoReply' : push.reason === 'agentLost' ? 'transferredAgentLost' : 'transferredFrom';
      const from = t(key, { name: push.transferredFrom.name });
      chat.note = from + (push.note ? ' — ' + t('noteLabel', { note: push.note }) : '');
    }
    this.chats.set(conv.id, chat);
    if (!this.activeId) this.activeId = conv.id;
    this.ctx.alerts.chime('chat');
    this.ctx.alerts.notify(t('newChat', { name: visitorLabel(conv) }), push.note || '', () => this.select(conv.id));
    if (this.ctx.onChatElsewhere) this.ctx.onChatElsewhere(conv, visitorLabel(conv));
    this.render();
    this.fetchHistory(chat, true).catch((e) => this.ctx.failed(e));
  }

  onMessage(push) {
    const message = push.message;
    const chat = this.chats.get(message.conversationId);
    if (!chat) return;
    const isNew = chat.addStored([message]).length > 0;
    if (isNew && message.sender === 'visitor') {
      chat.visitorTyping.clear();
      // a tone only for what the agent is not looking at: the tab hidden, another view or chat
      if (!this.isInFront(chat)) {
        chat.unread++;
        this.ctx.alerts.chime('message');
      }
      this.ctx.alerts.notify(t('newMessage', { name: visitorLabel(chat.conv) }), message.text, () => this.select(chat.conv.id));
    }
    this.render();
  }

  onTyping(push) {
    const chat = this.chats.get(push.conversationId);
    if (!chat || push.from !== 'visitor') return;
    chat.visitorTyping.notice(push.typing);
    this.render();
  }

  /**
   * The visitor closed a chat: it stays in the list, read-only, so that the agent can finish
   * reading; "Remove from list" (or Alt+C) takes it away.
   */
  markEnded(conversationId) {
    const chat = this.chats.get(conversationId);
    if (!chat) return;
    chat.ended = true;
    chat.visitorTyping.clear();
    chat.typing.cancel();
    this.render();
  }

  /** The chat left this agent (closed by anyone, or handed to a colleague). */
  remove(conversationId, message) {
    if (!this.chats.has(conversationId)) return;
    const order = this.order.map((c) => c.conv.id);
    const index = order.indexOf(conversationId);
    this.chats.delete(conversationId);
    if (this.activeId === conversationId) {
      const rest = order.filter((id) => id !== conversationId);
      this.activeId = rest.length ? rest[Math.min(index, rest.length - 1)] : null;
      if (this.active) this.active.unread = 0;
    }
    if (message) this.ctx.toast(message);
    this.render();
  }

  isInFront(chat) {
    return chat.conv.id === this.activeId && !document.hidden && this.ctx.chatsVisible();
  }

  // ---- from the agent ----

  select(conversationId) {
    if (!this.chats.has(conversationId)) return;
    this.saveDraft();
    this.activeId = conversationId;
    this.active.unread = 0;
    this.render(true);
  }

  step(delta) {
    const order = this.order.map((c) => c.conv.id);
    if (order.length === 0) return;
    const index = order.indexOf(this.activeId);
    this.select(order[(index + delta + order.length) % order.length]);
    $('composer-text').focus();
  }

  /** Called when the agent looks at the dashboard again: what is in front is read. */
  markFrontRead() {
    if (this.active && this.isInFront(this.active)) {
      this.active.unread = 0;
      this.render();
      this.sendReadReceipt(this.active);
    }
  }

  saveDraft() {
    if (this.active) this.active.draft = $('composer-text').value;
  }

  send() {
    const chat = this.active;
    const box = $('composer-text');
    const text = box.value.trim();
    if (!chat || chat.ended || text === '') return;
    chat.outbox.add(text, chat.conv.id, { senderName: this.ctx.me.name });
    box.value = '';
    chat.draft = '';
    chat.typing.stop();
    this.render(true);
    return this.flush(chat);
  }

  /** Sends the chat's unsent messages in order, each under the clientMsgId it got when written. */
  flush(chat) {
    return chat.outbox.flush((entry) => this.deliver(chat, entry));
  }

  async deliver(chat, entry) {
    chat.outbox.markFailed(entry.clientMsgId, null);
    try {
      const ack = await this.ctx.bus.request('agent.send', { conversationId: chat.conv.id, text: entry.text, clientMsgId: entry.clientMsgId });
      chat.addStored([storedFromAck(entry, ack)]); // nothing new when the pushed copy came first
      chat.outbox.remove(entry.clientMsgId);
      this.render();
      return true;
    } catch (error) {
      chat.outbox.markFailed(entry.clientMsgId, error.code);
      this.render();
      this.ctx.failed(error);
      // The line is down: this one and those after it go out after the reconnect. Any other
      // refusal waits for the agent's click, and the next message may go.
      return !isLineFailure(error);
    }
  }

  /** "Not sent — click to retry": the same clientMsgId again, so the server stores it once. */
  retry(chat, clientMsgId) {
    chat.outbox.markFailed(clientMsgId, null);
    this.render();
    this.flush(chat);
  }

  /** After a reconnect, messages that failed only because the line was down go out again (same clientMsgId). */
  retryUnsent() {
    for (const chat of this.chats.values()) this.flush(chat);
  }

  onComposerInput() {
    const chat = this.active;
    if (!chat || chat.ended) return;
    chat.draft = $('composer-text').value;
    chat.typing.input(chat.draft);
  }

  sendTyping(chat, typing) {
    if (!this.chats.has(chat.conv.id)) return;
    this.ctx.bus.request('agent.typing', { conversationId: chat.conv.id, typing }).catch(() => {});
  }

  bindComposer() {
    const box = $('composer-text');
    $('composer').addEventListener('submit', (event) => {
      event.preventDefault();
      this.send();
      box.focus();
    });
    box.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        this.send();
      }
    });
    box.addEventListener('input', () => this.onComposerInput());
  }

  // ---- drawing ----

  render(switched = false) {
    this.renderList();
    this.renderPane(switched);
    this.ctx.onChange();
  }

  renderList() {
    const list = $('chat-list');
    list.replaceChildren();
    for (const chat of this.order) {
      const item = el('li');
      const button = el('button', 'chat-item' + (chat.ended ? ' ended' : ''));
      button.type = 'button';
      button.dataset.conversationId = chat.conv.id;
      if (chat.conv.id === this.activeId) button.setAttribute('aria-current', 'true');
      const top = el('span', 'chat-item-top');
      top.append(el('span', 'chat-item-name', visitorLabel(chat.conv)));
      if (chat.conv.channel === 'email') top.append(el('span', 'badge channel-email', t('channelEmail')), workStatusBadge(chat.conv));
      if (chat.ended) top.append(el('span', 'badge', t('ended')));
      const last = chat.last;
      top.append(el('span', 'chat-item-time muted', last ? clockTime(last.time) : ''));
      const bottom = el('span', 'chat-item-bottom');
      const typing = chat.visitorTyping.shown;
      const preview = typing ? t('isTyping', { name: visitorLabel(chat.conv) }) : last ? last.text : '';
      bottom.append(el('span', 'chat-item-preview' + (typing ? ' is-typing' : ''), preview));
      const since = chat.waitingSince;
      if (since) {
        const wait = el('span', 'chat-item-wait muted');
        wait.dataset.since = since;
        wait.textContent = t('waitingFor', { time: elapsed(since) });
        bottom.append(wait);
      }
      if (chat.unread > 0) {
        const badge = el('span', 'badge unread', chat.unread);
        badge.setAttribute('aria-label', t('unread', { n: chat.unread }));
        bottom.append(badge);
      }
      button.append(top, bottom);
      button.addEventListener('click', () => {
        this.select(chat.conv.id);
        if (window.matchMedia('(max-width: 640px)').matches) $('conversation').scrollIntoView();
        $('composer-text').focus();
      });
      item.append(button);
      list.append(item);
    }
    show($('no-chats'), this.chats.size === 0);
  }

  renderPane(switched) {
    const chat = this.active;
    const conv = chat ? chat.conv : null;
    if (this.shownConv !== conv) {
      this.shownConv = conv;
      if (this.ctx.onActiveChat) this.ctx.onActiveChat(conv);
    }
    show($('no-selection'), !chat);
    show($('chat-pane'), !!chat);
    if (!chat) return;
    $('chat-title').textContent = visitorLabel(chat.conv);
    const meta = [chat.conv.channel === 'email' ? t('viaEmail') : null, chat.conv.visitorEmail, needsLabel(chat.conv), t('since', { time: clockTime(chat.conv.assignedAt || chat.conv.createdAt) })];
    $('chat-meta').textContent = meta.filter(Boolean).join(' · ');
    $('chat-note').textContent = chat.note || '';
    show($('chat-note'), !!chat.note);
    $('typing-indicator').textContent = chat.visitorTyping.shown ? t('isTyping', { name: visitorLabel(chat.conv) }) : '';
    show($('chat-ended'), chat.ended);
    const parked = isParked(chat.conv); // pending or snoozed: no replies, no transfer until it is open again
    show($('composer'), !chat.ended && !parked);
    show($('transfer-button'), !chat.ended && !parked);
    show($('mails-button'), chat.conv.channel === 'email');
    show($('close-button'), !chat.ended && chat.conv.channel !== 'email'); // an e-mail conversation is resolved instead
    if (this.statusControls) this.statusControls.render(chat);
    show($('dismiss-button'), chat.ended);
    if (switched) $('composer-text').value = chat.draft;
    renderMessages($('message-log'), chat.messages, { onRetry: (m) => this.retry(chat, m.clientMsgId) }, switched);
    this.sendReadReceipt(chat);
  }

  /** Tells the visitor how far the agent has read (its "read" ticks): once for each new seq seen in front. */
  sendReadReceipt(chat) {
    const seq = chat.transcript.highestSeq;
    if (chat.ended || !this.isInFront(chat) || !seq || seq <= (chat.readSent || 0)) return;
    chat.readSent = seq;
    this.ctx.bus.request('agent.read', { conversationId: chat.conv.id, seq }).catch(() => {
      chat.readSent = 0; // said again with the next render
    });
  }
}

/** What a chat asked for, for its header and its queue row: "DE · billing"; empty when nothing. */
export function needsLabel(conv) {
  return [conv.language ? conv.language.toUpperCase() : null, conv.topic].filter(Boolean).join(' · ');
}

/** Draws a message list (chat, transcript or a watched chat with its whispers); keeps the view at the bottom when it was there. */
export function renderMessages(log, messages, { onRetry } = {}, forceBottom = true) {
  const atBottom = forceBottom || log.scrollHeight - log.scrollTop - log.clientHeight < 40;
  log.replaceChildren();
  for (const m of messages) {
    const item = el('li', 'message from-' + m.sender);
    if (m.seq != null) item.dataset.seq = m.seq;
    const head = el('div', 'message-head');
    const who = m.sender === 'visitor' ? (m.senderName || t('visitor')) : m.sender === 'system' ? t('system')
      : m.sender === 'whisper' ? t('whisperFrom', { name: m.senderName || '' }) : (m.senderName || t('you'));
    head.append(el('span', 'message-sender', who));
    if (m.sender === 'bot') head.append(el('span', 'message-kind', t('botKind')));
    const time = el('time', 'message-time', clockTime(m.time));
    if (m.time) time.dateTime = m.time;
    head.append(time);
    if (m.sender === 'agent' && m.state) {
      const state = el(m.state === 'failed' ? 'button' : 'span', 'delivery ' + m.state, t(m.state));
      if (m.state === 'failed' && onRetry) {
        state.type = 'button';
        state.addEventListener('click', () => onRetry(m));
      }
      head.append(state);
    }
    item.append(head, m.attachment ? attachmentEl(m.attachment) : linkedEl('div', 'message-text', m.text));
    log.append(item);
  }
  if (atBottom) log.scrollTop = log.scrollHeight;
}
