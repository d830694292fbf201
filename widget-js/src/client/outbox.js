// Messages written here that the server has not acknowledged yet, in the order they were written.
// Each keeps the clientMsgId it got when it was written, however often it is resent: the server
// stores a message once per clientMsgId, so a resend after a dropped line can never duplicate it.

import { isLineFailure } from './failure.js';

/** A fresh id for a message, unique enough per conversation and within the server's alphabet. */
export function newClientMsgId(prefix = 'c', random = Math.random, now = Date.now) {
  let suffix = '';
  for (let i = 0; i < 10; i++) suffix += Math.floor(random() * 36).toString(36);
  return prefix + '-' + now().toString(36) + '-' + suffix;
}

export class Outbox {
  /**
   * {@code storage} is a Storage-like object (getItem/setItem/removeItem) to keep the entries
   * across page loads under {@code key}, or null to keep them in memory only. {@code sender}
   * ("visitor" or "agent") and {@code prefix} (of the clientMsgIds) say whose messages they are.
   */
  constructor(storage, key, { sender = 'visitor', prefix = 'w' } = {}) {
    this.storage = storage;
    this.key = key;
    this.sender = sender;
    this.prefix = prefix;
    this.flushing = false;
    this.entries = this.load();
  }

  load() {
    try {
      const raw = this.storage && this.storage.getItem(this.key);
      const parsed = raw ? JSON.parse(raw) : [];
      return Array.isArray(parsed)
        ? parsed.filter((e) => e && typeof e.clientMsgId === 'string' && typeof e.text === 'string')
          .map((e) => ({ sender: this.sender, ...e }))
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

  /**
   * Queues a message; {@code conversationId} is null for the message that starts a chat;
   * {@code fields} are kept with it (a sender's name, say).
   */
  add(text, conversationId, fields = {}) {
    const entry = {
      clientMsgId: newClientMsgId(this.prefix), time: new Date().toISOString(), ...fields,
      text, conversationId: conversationId || null, sender: this.sender,
    };
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

  /** Stored messages that came back (pushed, read from history, acknowledged): the own ones among them have arrived. */
  acknowledged(storedMessages) {
    for (const m of storedMessages) {
      if (m && m.sender === this.sender && m.clientMsgId) this.remove(m.clientMsgId);
    }
  }

  /**
   * Notes why the last try of an entry failed (a RequestError's code), or clears it with null.
   * An entry refused for a reason other than the line stays out of {@link flush} until cleared.
   */
  markFailed(clientMsgId, code) {
    const entry = this.entries.find((e) => e.clientMsgId === clientMsgId);
    if (!entry) return;
    if (code) entry.failure = code;
    else delete entry.failure;
    this.save();
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

  /**
   * Sends the entries in order, one at a time, each under its own clientMsgId:
   * {@code deliver(entry)} sends one and resolves true to go on with the next (the entry was
   * acknowledged and removed, or refused and marked), false to stop (the line is down; the next
   * connect flushes again). Entries refused for another reason than the line are passed over.
   * A flush while one is running does nothing: the running one takes what was added meanwhile.
   */
  async flush(deliver) {
    if (this.flushing) return;
    this.flushing = true;
    try {
      let previous = null;
      let entry;
      while ((entry = this.entries.find((e) => !e.failure || isLineFailure(e.failure))) && entry !== previous) {
        previous = entry;
        if (!(await deliver(entry))) break;
      }
    } finally {
      this.flushing = false;
    }
  }
}
