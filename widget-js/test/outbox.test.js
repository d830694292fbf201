import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Outbox, newClientMsgId } from '../src/outbox.js';

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
