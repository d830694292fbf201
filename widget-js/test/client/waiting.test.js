import { test } from 'node:test';
import assert from 'node:assert/strict';
import { longestWaitFirst, waitingSince } from '../../src/client/waiting.js';

const at = (minute) => `2026-12-03T10:${String(minute).padStart(2, '0')}:00Z`;
const msg = (sender, minute) => ({ sender, time: at(minute), text: sender + ' ' + minute });

test('a visitor waits from the first of its messages after the last agent message', () => {
  assert.equal(waitingSince([msg('visitor', 1), msg('agent', 2), msg('visitor', 5), msg('visitor', 7)]), at(5));
  assert.equal(waitingSince([msg('visitor', 1), msg('visitor', 3)]), at(1));
});

test('nobody waits when an agent wrote last, or nothing was written', () => {
  assert.equal(waitingSince([msg('visitor', 1), msg('agent', 2)]), null);
  assert.equal(waitingSince([]), null);
  // the agent's own reply still on its way answers as well
  assert.equal(waitingSince([msg('visitor', 1), { sender: 'agent', text: 'Moment', state: 'sending' }]), null);
});

test('system lines and the bot are no answer from a person', () => {
  assert.equal(waitingSince([msg('agent', 1), msg('visitor', 2), msg('bot', 3), msg('system', 4)]), at(2));
  assert.equal(waitingSince([msg('bot', 1), msg('system', 2)]), null);
});

test('the longest waiting come first, then those not waiting, ties in their order', () => {
  const chats = [
    { id: 'answered', since: null },
    { id: 'since-9', since: at(9) },
    { id: 'also-answered', since: null },
    { id: 'since-3', since: at(3) },
    { id: 'also-since-3', since: at(3) },
  ];
  assert.deepEqual(longestWaitFirst(chats, (c) => c.since).map((c) => c.id),
    ['since-3', 'also-since-3', 'since-9', 'answered', 'also-answered']);
});
