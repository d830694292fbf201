// The agent's parallel chats: their messages (deduplicated by seq), outbox, unread counts,
// drafts and typing state, and how they are drawn. The network is reached through `ctx.bus`.

import { $, el, show, clockTime } from './dom.js';
import { t } from './strings.js';

const TYPING_SEND_EVERY_MS = 3000;
const TYPING_IDLE_MS = 4000;
const VISITOR_TYPING_SHOWN_MS = 8000;

function visitorLabel(conv) {
  return conv.visitorName || t('anonymous', { id: (conv.visitorId || conv.id || '').slice(-4) });
}

function newClientMsgId() {
  const random = crypto.getRandomValues(new Uint32Array(2));
  return 'd-' + Date.now().toString(36) + '-' + random[0].toString(36) + random[1].toString(36);
}

class Chat {
  constructor(conv) {
    this.conv = conv;
    this.messages = [];   // {seq, sender, senderName, text, time, clientMsgId, state}
    this.unread = 0;
    this.draft = '';
    this.visitorTyping = false;
    this.visitorTypingTimer = null;
    this.note = null;     // shown when the chat came by transfer
    this.ended = false;   // the visitor closed it; it stays readable until the agent removes it
    this.typingSentAt = 0;
    this.typingIdleTimer = null;
  }

  get maxSeq() {
    return this.messages.reduce((max, m) => (m.seq && m.seq > max ? m.seq : max), 0);
  }

  get last() {
    return this.messages[this.messages.length - 1];
  }

  /** Adds a stored message unless its seq is known; merges it into our own outbox entry. Returns true if new. */
  addStored(message) {
    if (this.messages.some((m) => m.seq === message.seq)) return false;
    const own = this.messages.find((m) => m.seq == null && m.clientMsgId === message.clientMsgId && message.sender === 'agent');
    if (own) {
      Object.assign(own, message, { state: 'sent' });
      this.sortMessages();
      return false;
    }
    this.messages.push({ ...message, state: 'sent' });
    this.sortMessages();
    return true;
  }

  sortMessages() {
    // stored messages by seq; unsent ones stay at the end in the order they were written
    const stored = this.messages.filter((m) => m.seq != null).sort((a, b) => a.seq - b.seq);
    const unsent = this.messages.filter((m) => m.seq == null);
    this.messages = stored.concat(unsent);
  }
}

export class Chats {
  constructor(ctx) {
    this.ctx = ctx;           // {bus, me, alerts, toast, onChange, onActiveChat}
    this.chats = new Map();   // conversationId -> Chat
    this.activeId = null;
    this.shownConv = null;   // the conversation the pane (and the visitor panel) last showed
    this.bindComposer();
  }

  get order() {
    return [...this.chats.values()].sort((a, b) => (a.conv.assignedAt || '').localeCompare(b.conv.assignedAt || ''));
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
      const chat = this.chats.get(conv.id) || new Chat(conv);
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
    let afterSeq = chat.maxSeq;
    for (let page = 0; page < 20; page++) {
      const reply = await this.ctx.bus.request('agent.history', { conversationId: chat.conv.id, afterSeq });
      let fresh = 0;
      for (const message of reply.messages || []) {
        if (chat.addStored(message) && message.sender === 'visitor') fresh++;
      }
      if (countUnread && !this.isInFront(chat)) chat.unread += fresh;
      if (!reply.hasMore || !reply.messages || reply.messages.length === 0) break;
      afterSeq = chat.maxSeq;
    }
    this.render();
  }

  onAssigned(push) {
    const conv = push.conversation;
    const chat = this.chats.get(conv.id) || new Chat(conv);
    chat.conv = conv;
    if (push.transferredFrom) {
      chat.note = t('transferredFrom', { name: push.transferredFrom.name }) + (push.note ? ' — ' + t('noteLabel', { note: push.note }) : '');
    }
    this.chats.set(conv.id, chat);
    if (!this.activeId) this.activeId = conv.id;
    this.ctx.alerts.chime('chat');
    this.ctx.alerts.notify(t('newChat', { name: visitorLabel(conv) }), push.note || '', () => this.select(conv.id));
    this.render();
    this.fetchHistory(chat, true).catch((e) => this.ctx.failed(e));
  }

  onMessage(push) {
    const message = push.message;
    const chat = this.chats.get(message.conversationId);
    if (!chat) return;
    const isNew = chat.addStored(message);
    if (isNew && message.sender === 'visitor') {
      chat.visitorTyping = false;
      if (!this.isInFront(chat)) chat.unread++;
      this.ctx.alerts.chime('message');
      this.ctx.alerts.notify(t('newMessage', { name: visitorLabel(chat.conv) }), message.text, () => this.select(chat.conv.id));
    }
    this.render();
  }

  onTyping(push) {
    const chat = this.chats.get(push.conversationId);
    if (!chat || push.from !== 'visitor') return;
    chat.visitorTyping = push.typing === true;
    clearTimeout(chat.visitorTypingTimer);
    if (chat.visitorTyping) {
      chat.visitorTypingTimer = setTimeout(() => {
        chat.visitorTyping = false;
        this.render();
      }, VISITOR_TYPING_SHOWN_MS);
    }
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
    chat.visitorTyping = false;
    clearTimeout(chat.typingIdleTimer);
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
    const entry = { seq: null, sender: 'agent', senderName: this.ctx.me.name, text, time: new Date().toISOString(),
      clientMsgId: newClientMsgId(), state: 'sending' };
    chat.messages.push(entry);
    box.value = '';
    chat.draft = '';
    this.stopTyping(chat);
    this.render(true);
    this.deliver(chat, entry);
  }

  deliver(chat, entry) {
    entry.state = 'sending';
    entry.failure = null;
    this.ctx.bus.request('agent.send', { conversationId: chat.conv.id, text: entry.text, clientMsgId: entry.clientMsgId })
      .then((ack) => {
        if (chat.messages.some((m) => m !== entry && m.seq === ack.seq)) {
          chat.messages = chat.messages.filter((m) => m !== entry); // the pushed copy arrived first
        } else {
          Object.assign(entry, { seq: ack.seq, time: ack.time, state: 'sent' });
        }
        chat.sortMessages();
        this.render();
      })
      .catch((error) => {
        entry.state = 'failed';
        entry.failure = error.code;
        this.render();
        this.ctx.failed(error);
      });
  }

  /** After a reconnect, messages that failed only because the line was down go out again (same clientMsgId). */
  retryUnsent() {
    for (const chat of this.chats.values()) {
      for (const entry of chat.messages) {
        if (entry.state === 'failed' && (entry.failure === 'disconnected' || entry.failure === 'timeout')) {
          this.deliver(chat, entry);
        }
      }
    }
  }

  /** Typing: at most one "typing" frame per 3 s, and "stopped" after 4 s without a key. */
  onComposerInput() {
    const chat = this.active;
    if (!chat || chat.ended) return;
    chat.draft = $('composer-text').value;
    const now = Date.now();
    if (chat.draft.trim() !== '' && now - chat.typingSentAt > TYPING_SEND_EVERY_MS) {
      chat.typingSentAt = now;
      this.sendTyping(chat, true);
    }
    clearTimeout(chat.typingIdleTimer);
    chat.typingIdleTimer = setTimeout(() => this.stopTyping(chat), TYPING_IDLE_MS);
  }

  stopTyping(chat) {
    clearTimeout(chat.typingIdleTimer);
    if (chat.typingSentAt !== 0) {
      chat.typingSentAt = 0;
      this.sendTyping(chat, false);
    }
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
      if (chat.ended) top.append(el('span', 'badge', t('ended')));
      const last = chat.last;
      top.append(el('span', 'chat-item-time muted', last ? clockTime(last.time) : ''));
      const bottom = el('span', 'chat-item-bottom');
      const preview = chat.visitorTyping ? t('isTyping', { name: visitorLabel(chat.conv) }) : last ? last.text : '';
      bottom.append(el('span', 'chat-item-preview' + (chat.visitorTyping ? ' is-typing' : ''), preview));
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
    const meta = [chat.conv.visitorEmail, t('since', { time: clockTime(chat.conv.assignedAt || chat.conv.createdAt) })];
    $('chat-meta').textContent = meta.filter(Boolean).join(' · ');
    $('chat-note').textContent = chat.note || '';
    show($('chat-note'), !!chat.note);
    $('typing-indicator').textContent = chat.visitorTyping ? t('isTyping', { name: visitorLabel(chat.conv) }) : '';
    show($('chat-ended'), chat.ended);
    show($('composer'), !chat.ended);
    show($('transfer-button'), !chat.ended);
    show($('close-button'), !chat.ended);
    show($('dismiss-button'), chat.ended);
    if (switched) $('composer-text').value = chat.draft;
    renderMessages($('message-log'), chat.messages, { onRetry: (entry) => this.deliver(chat, entry) }, switched);
  }
}

/** Draws a message list (chat or transcript); keeps the view at the bottom when it was there. */
export function renderMessages(log, messages, { onRetry } = {}, forceBottom = true) {
  const atBottom = forceBottom || log.scrollHeight - log.scrollTop - log.clientHeight < 40;
  log.replaceChildren();
  for (const m of messages) {
    const item = el('li', 'message from-' + m.sender);
    if (m.seq != null) item.dataset.seq = m.seq;
    const head = el('div', 'message-head');
    const who = m.sender === 'visitor' ? (m.senderName || t('visitor')) : m.sender === 'system' ? t('system') : (m.senderName || t('you'));
    head.append(el('span', 'message-sender', who));
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
    item.append(head, el('div', 'message-text', m.text));
    log.append(item);
  }
  if (atBottom) log.scrollTop = log.scrollHeight;
}
