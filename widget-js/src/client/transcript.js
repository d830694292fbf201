// A conversation as a client shows it: stored messages ordered by seq, each seq once however often
// it arrives (push, ack, history), followed by the own messages still on their way (known only by
// clientMsgId).

export class Transcript {
  constructor() {
    this.bySeq = new Map();
  }

  /** Adds stored messages (from history, pushes or acks); returns those that were new. */
  merge(messages) {
    const added = [];
    for (const m of messages) {
      if (!m || typeof m.seq !== 'number' || m.seq < 1) continue;
      if (this.bySeq.has(m.seq)) continue;
      this.bySeq.set(m.seq, m);
      added.push(m);
    }
    return added;
  }

  /** The highest seq seen: what a reconnect asks history for with afterSeq. */
  get highestSeq() {
    let highest = 0;
    for (const seq of this.bySeq.keys()) if (seq > highest) highest = seq;
    return highest;
  }

  /** The stored message sent with that clientMsgId, or null. */
  withClientMsgId(clientMsgId) {
    for (const m of this.bySeq.values()) if (m.clientMsgId === clientMsgId) return m;
    return null;
  }

  hasClientMsgId(clientMsgId) {
    return this.withClientMsgId(clientMsgId) !== null;
  }

  /** The stored messages by seq, as the server sent them. */
  messages() {
    return [...this.bySeq.values()].sort((a, b) => a.seq - b.seq);
  }

  /**
   * Stored messages by seq (state "sent"), then the outbox entries not stored yet: "sending", or
   * "failed" when the last try was refused ({@code failure} says why).
   */
  view(pending = []) {
    const stored = this.messages().map((m) => ({ ...m, state: 'sent' }));
    const stillPending = pending
      .filter((p) => !this.hasClientMsgId(p.clientMsgId))
      .map((p) => ({
        seq: null, sender: p.sender, senderName: p.senderName, text: p.text, clientMsgId: p.clientMsgId,
        time: p.time, state: p.failure ? 'failed' : 'sending', failure: p.failure || null,
      }));
    return stored.concat(stillPending);
  }

  clear() {
    this.bySeq.clear();
  }

  get size() {
    return this.bySeq.size;
  }
}

/** The stored message an ack stands for: the outbox entry's text under the seq and time the server gave it. */
export function storedFromAck(entry, ack) {
  return {
    seq: ack.seq, sender: entry.sender, senderName: entry.senderName, text: entry.text,
    clientMsgId: entry.clientMsgId, time: ack.time,
  };
}
