// The transcript as the widget shows it: stored messages ordered by seq, each seq once, followed
// by the visitor's own messages that are still on their way (known only by clientMsgId).

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

  /** The stored message the visitor sent with that clientMsgId, or null. */
  withClientMsgId(clientMsgId) {
    for (const m of this.bySeq.values()) if (m.clientMsgId === clientMsgId) return m;
    return null;
  }

  hasClientMsgId(clientMsgId) {
    return this.withClientMsgId(clientMsgId) !== null;
  }

  /** Stored messages by seq, then the outbox entries not stored yet (state "sending"). */
  view(pending = []) {
    const stored = [...this.bySeq.values()].sort((a, b) => a.seq - b.seq)
      .map((m) => ({ ...m, state: 'sent' }));
    const stillPending = pending
      .filter((p) => !this.hasClientMsgId(p.clientMsgId))
      .map((p) => ({ seq: null, sender: 'visitor', text: p.text, clientMsgId: p.clientMsgId, time: p.time, state: 'sending' }));
    return stored.concat(stillPending);
  }

  clear() {
    this.bySeq.clear();
  }

  get size() {
    return this.bySeq.size;
  }
}
