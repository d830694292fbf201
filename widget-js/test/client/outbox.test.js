import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Outbox, newClientMsgId } from '../../src/client/outbox.js';

class MemoryStorage {
  constructor() { this.items = new Map(); }
  getItem(k) { return this.items.has(k) ? this.items.get(k) : null; }
  setItem(k, v) { this.items.set(k, String(v)); }
  removeItem(k) { this.items.delete(k); }
}

test('client message ids fit the server rule and differ', () => {
  const ids = new Set();
  for (let i = 0; i < 200; i++) {
    const id = newClientMsgId();
    assert.match(id, /^[A-Za-z0-9_-]{1,64}$/);
    ids.add(id);
  }
  assert.equal(ids.size, 200);
});

test('unsent messages survive a reload with the same clientMsgId', () => {
  const storage = new MemoryStorage();
  const before = new Outbox(storage, 'plauder.demo.outbox');
  const first = before.add('Hallo', null);
  before.add('Noch da?', null);

  const after = new Outbox(storage, 'plauder.demo.outbox');
  assert.equal(after.size, 2);
  assert.equal(after.first().clientMsgId, first.clientMsgId);
  assert.equal(after.first().text, 'Hallo');
});

test('a message leaves the outbox only when acknowledged, in order', () => {
  const storage = new MemoryStorage();
  const outbox = new Outbox(storage, 'k');
  const a = outbox.add('a', 'c1');
  const b = outbox.add('b', 'c1');
  // a resend after a dropped connection offers the same entry again, same id
  assert.equal(outbox.first().clientMsgId, a.clientMsgId);
  assert.equal(outbox.first().clientMsgId, a.clientMsgId);
  outbox.remove(a.clientMsgId);
  assert.equal(outbox.first().clientMsgId, b.clientMsgId);
  outbox.remove(b.clientMsgId);
  assert.equal(outbox.size, 0);
  assert.equal(storage.getItem('k'), null);
});

test('messages written before the chat existed join it once it does', () => {
  const outbox = new Outbox(new MemoryStorage(), 'k');
  outbox.add('first', null);
  outbox.add('second', 'already');
  outbox.assignConversation('c9');
  assert.deepEqual(outbox.pending().map((e) => e.conversationId), ['c9', 'already']);
});

test('garbled or blocked storage does not break the widget', () => {
  const garbled = new MemoryStorage();
  garbled.setItem('k', '{not json');
  assert.equal(new Outbox(garbled, 'k').size, 0);
  garbled.setItem('k', JSON.stringify([{ clientMsgId: 'x' }, { clientMsgId: 'y', text: 'ok' }]));
  assert.equal(new Outbox(garbled, 'k').size, 1);

  const blocked = { getItem() { throw new Error('denied'); }, setItem() { throw new Error('denied'); }, removeItem() {} };
  const outbox = new Outbox(blocked, 'k');
  outbox.add('still works', null);
  assert.equal(outbox.size, 1);
});

/** A server that stores each clientMsgId once and can lose the line, as the real one does. */
function flakyServer() {
  const stored = new Map();
  return {
    stored,
    lineDown: false,
    tries: [],
    async send(entry) {
      this.tries.push(entry.clientMsgId);
      if (this.lineDown) throw Object.assign(new Error('down'), { code: 'disconnected' });
      if (!stored.has(entry.clientMsgId)) stored.set(entry.clientMsgId, { seq: stored.size + 1, text: entry.text });
      return stored.get(entry.clientMsgId);
    },
  };
}

function deliverTo(server, outbox) {
  return async (entry) => {
    try {
      await server.send(entry);
      outbox.remove(entry.clientMsgId);
      return true;
    } catch (e) {
      outbox.markFailed(entry.clientMsgId, e.code);
      return false;
    }
  };
}

test('what the lost line kept back goes out after the reconnect, in order, with the same clientMsgId', async () => {
  const outbox = new Outbox(new MemoryStorage(), 'k', { sender: 'agent', prefix: 'd' });
  const server = flakyServer();
  const a = outbox.add('a', 'c1');
  const b = outbox.add('b', 'c1');
  assert.match(a.clientMsgId, /^d-/);
  assert.equal(a.sender, 'agent');

  server.lineDown = true;
  await outbox.flush(deliverTo(server, outbox));
  assert.deepEqual(server.tries, [a.clientMsgId], 'the first failure stops the flush');
  assert.equal(outbox.first().failure, 'disconnected');

  server.lineDown = false;
  await outbox.flush(deliverTo(server, outbox));
  assert.deepEqual(server.tries, [a.clientMsgId, a.clientMsgId, b.clientMsgId]);
  assert.deepEqual([...server.stored.values()].map((m) => m.text), ['a', 'b']);
  assert.equal(outbox.size, 0);
});

test('a message stored but not acknowledged is resent under its id and stored once', async () => {
  const storage = new MemoryStorage();
  const server = flakyServer();
  const before = new Outbox(storage, 'k');
  const entry = before.add('Hallo', 'c1');
  await server.send(entry); // stored, but the ack was lost with the page

  const after = new Outbox(storage, 'k');
  await after.flush(deliverTo(server, after));
  assert.deepEqual(server.tries, [entry.clientMsgId, entry.clientMsgId]);
  assert.equal(server.stored.size, 1);
  assert.equal(after.size, 0);
});

test('a message refused for good is passed over until it is retried; the next one still goes', async () => {
  const outbox = new Outbox(null, null);
  const sent = [];
  const refused = outbox.add('too long', 'c1');
  outbox.add('fine', 'c1');
  const deliver = async (entry) => {
    sent.push(entry.text);
    if (entry.text === 'too long' && !entry.retried) {
      outbox.markFailed(entry.clientMsgId, 'invalid_input');
      return true;
    }
    outbox.remove(entry.clientMsgId);
    return true;
  };
  await outbox.flush(deliver);
  assert.deepEqual(sent, ['too long', 'fine']);
  await outbox.flush(deliver);
  assert.deepEqual(sent, ['too long', 'fine'], 'not sent again by itself');
  refused.retried = true;
  outbox.markFailed(refused.clientMsgId, null);
  await outbox.flush(deliver);
  assert.deepEqual(sent, ['too long', 'fine', 'too long']);
  assert.equal(outbox.size, 0);
});

test('one flush at a time: a second one while the first runs sends nothing twice, and what was added meanwhile goes too', async () => {
  const outbox = new Outbox(null, null);
  const sent = [];
  let release;
  const gate = new Promise((resolve) => { release = resolve; });
  const deliver = async (entry) => {
    sent.push(entry.text);
    if (entry.text === 'a') await gate;
    outbox.remove(entry.clientMsgId);
    return true;
  };
  outbox.add('a', 'c1');
  const first = outbox.flush(deliver);
  outbox.add('b', 'c1');
  await outbox.flush(deliver);
  release();
  await first;
  assert.deepEqual(sent, ['a', 'b']);
});

test('own messages that come back stored leave the outbox; the other side\'s do not touch it', () => {
  const outbox = new Outbox(null, null, { sender: 'visitor' });
  const mine = outbox.add('Frage', 'c1');
  outbox.acknowledged([{ seq: 4, sender: 'agent', clientMsgId: mine.clientMsgId }]);
  assert.equal(outbox.size, 1);
  outbox.acknowledged([{ seq: 5, sender: 'visitor', clientMsgId: mine.clientMsgId }]);
  assert.equal(outbox.size, 0);
});

test('entries kept by an earlier version without a sender get the outbox\'s', () => {
  const storage = new MemoryStorage();
  storage.setItem('k', JSON.stringify([{ clientMsgId: 'w-1', text: 'alt', conversationId: 'c1' }]));
  assert.equal(new Outbox(storage, 'k', { sender: 'visitor' }).first().sender, 'visitor');
});
