import { test } from 'node:test';
import assert from 'node:assert/strict';
import { endedConversationOf, visibleEarlier } from '../src/earlier.js';
import { formatDate } from '../src/time.js';

const msgs = (n) => Array.from({ length: n }, (_, i) => ({ seq: i + 1, sender: 'visitor', text: 'm' + (i + 1) }));

test('only an ended conversation counts as an earlier one', () => {
  const closed = { id: 'c1', status: 'closed' };
  assert.equal(endedConversationOf({ conversation: closed, messages: [] }), closed);
  assert.equal(endedConversationOf({ conversation: { id: 'c2', status: 'offline' } }).id, 'c2');
  assert.equal(endedConversationOf({ conversation: { id: 'c3', status: 'active' } }), null);
  assert.equal(endedConversationOf({ conversation: { id: 'c4', status: 'queued' } }), null);
  assert.equal(endedConversationOf({ conversation: null, messages: [] }), null);
  assert.equal(endedConversationOf({ status: 'offline' }), null);
  assert.equal(endedConversationOf({ conversation: { status: 'closed' } }), null);
  assert.equal(endedConversationOf(null), null);
});

test('a short conversation shows whole, a long one its last messages until expanded', () => {
  assert.deepEqual(visibleEarlier(msgs(4), false, 3), { shown: msgs(4), hidden: 0 }, 'hiding one message is not worth a button');
  const collapsed = visibleEarlier(msgs(10), false, 3);
  assert.deepEqual(collapsed.shown.map((m) => m.seq), [8, 9, 10]);
  assert.equal(collapsed.hidden, 7);
  assert.deepEqual(visibleEarlier(msgs(10), true, 3), { shown: msgs(10), hidden: 0 });
  assert.deepEqual(visibleEarlier(undefined, false), { shown: [], hidden: 0 });
});

test('the day of an earlier chat, in the widget language', () => {
  assert.equal(formatDate('2026-11-23T23:50:01Z', 'de', 'UTC'), '23. November 2026');
  assert.equal(formatDate('2026-11-23T23:50:01Z', 'en', 'UTC'), '23 November 2026');
  assert.equal(formatDate('2026-11-23T23:50:01Z', 'de', 'Europe/Berlin'), '24. November 2026');
  assert.equal(formatDate('nonsense', 'de'), '');
});
