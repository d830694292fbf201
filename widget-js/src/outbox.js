// Messages the visitor wrote that the server has not acknowledged yet. Kept in localStorage so
// they survive a reload or a dropped connection, and resent with the same clientMsgId: the
// server stores a message once per clientMsgId, so a resend can never duplicate it.

/** A fresh id for a message, unique enough per conversation and within the server's alphabet. */
export function newClientMsgId(random = Math.random, now = Date.now) {
  let suffix = '';
  for (let i = 0; i < 10; i++) suffix += Math.floor(random() * 36).toString(36);
  return 'w-' + now().toString(36) + '-' + suffix;
}

export class Outbox {
  /** {@code storage} is a Storage-like object (getItem/setItem/removeItem), or null to keep it in memory only. */
  constructor(storage, key) {
    this.storage = storage;
    this.key = key;
    this.entries = this.load();
  }

  load() {
    try {
      const raw = this.storage && this.storage.getItem(this.key);
      const parsed = raw ? JSON.parse(raw) : [];
      return Array.isArray(parsed)
        ? parsed.filter((e) => e && typeof e.clientMsgId === 'string' && typeof e.text === 'string')
        : [];
    } catch (e) {
      return []; // storage blocked or garbled: start empty rather than break the page
    }
  }

  save() {
    try {
      if (!this.storage) return;
      if (this.entries.length) this.storage.setItem(this.key, JSON.stringify(this.entries));
      else this.storage.removeItem(this.key);
    } catch (e) {
      // storage full or blocked: the outbox still works in memory for this page
    }
  }

  /** Queues a message; {@code conversationId} is null for the message that starts a chat. */
  add(text, conversationId, clientMsgId = newClientMsgId(), time = new Date().toISOString()) {
    const entry = { clientMsgId, text, conversationId: conversationId || null, time };
    this.entries.push(entry);
    this.save();
    return entry;
  }

  /** Once a chat exists, the messages written before it belong to it. */
  assignConversation(conversationId) {
    let changed = false;
    for (const e of this.entries) {
      if (!e.conversationId) {
        e.conversationId = conversationId;
        changed = true;
      }
    }
    if (changed) this.save();
  }

  remove(clientMsgId) {
    const before = this.entries.length;
    this.entries = this.entries.filter((e) => e.clientMsgId !== clientMsgId);
    if (this.entries.length !== before) this.save();
  }

  /** The oldest unsent message, or undefined. */
  first() {
    return this.entries[0];
  }

  pending() {
    return this.entries.slice();
  }

  get size() {
    return this.entries.length;
  }
}
