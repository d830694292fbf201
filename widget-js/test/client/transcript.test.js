import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Transcript, storedFromAck } from '../../src/client/transcript.js';

const msg = (seq, text, sender = 'agent', clientMsgId = 'id-' + seq) => ({ seq, text, sender, clientMsgId, time: '2026-11-23T23:50:00Z' });

test('each seq is shown once, whether it came as push, ack or history', () => {
  const t = new Transcript();
  assert.equal(t.merge([msg(1, 'a')]).length, 1);
  assert.equal(t.merge([msg(1, 'a'), msg(2, 'b')]).length, 1);
  assert.equal(t.merge([msg(2, 'b')]).length, 0);
  assert.deepEqual(t.view().map((m) => m.seq), [1, 2]);
});

test('messages are ordered by seq even when they arrive out of order', () => {
  const t = new Transcript();
  t.merge([msg(3, 'c'), msg(1, 'a')]);
  t.merge([msg(2, 'b')]);
  assert.deepEqual(t.view().map((m) => m.text), ['a', 'b', 'c']);
  assert.equal(t.highestSeq, 3);
});

test('highest seq is what a reconnect asks for; empty transcript asks from 0', () => {
  const t = new Transcript();
  assert.equal(t.highestSeq, 0);
  t.merge([msg(7, 'x'), msg(5, 'y')]);
  assert.equal(t.highestSeq, 7);
});

test('own pending messages follow the stored ones until their seq arrives', () => {
  const t = new Transcript();
  t.merge([msg(1, 'Hallo', 'agent')]);
  const pending = [{ clientMsgId: 'c-1', text: 'Frage', time: 'x' }, { clientMsgId: 'c-2', text: 'Noch eine', time: 'y' }];
  assert.deepEqual(t.view(pending).map((m) => [m.text, m.state]), [['Hallo', 'sent'], ['Frage', 'sending'], ['Noch eine', 'sending']]);

  t.merge([msg(2, 'Frage', 'visitor', 'c-1')]);
  assert.deepEqual(t.view(pending).map((m) => [m.text, m.state]), [['Hallo', 'sent'], ['Frage', 'sent'], ['Noch eine', 'sending']]);
});

test('entries without a usable seq are ignored', () => {
  const t = new Transcript();
  assert.equal(t.merge([null, { text: 'no seq' }, { seq: 0, text: 'zero' }, { seq: '2', text: 'string' }]).length, 0);
  assert.equal(t.size, 0);
});

test('an own message whose last try failed shows as failed, with why, after those still sending', () => {
  const t = new Transcript();
  t.merge([msg(1, 'Hallo', 'visitor')]);
  const pending = [
    { clientMsgId: 'd-1', text: 'Moment', sender: 'agent', senderName: 'Bea', time: 'x', failure: 'busy' },
    { clientMsgId: 'd-2', text: 'Da bin ich', sender: 'agent', senderName: 'Bea', time: 'y' },
  ];
  assert.deepEqual(t.view(pending).map((m) => [m.text, m.sender, m.senderName, m.state, m.failure]), [
    ['Hallo', 'visitor', undefined, 'sent', undefined],
    ['Moment', 'agent', 'Bea', 'failed', 'busy'],
    ['Da bin ich', 'agent', 'Bea', 'sending', null],
  ]);
});

test('an ack stands for the outbox entry stored under the server\'s seq and time', () => {
  const entry = { clientMsgId: 'd-1', text: 'Hi', sender: 'agent', senderName: 'Bea', time: 'typed', conversationId: 'c1' };
  const stored = storedFromAck(entry, { conversationId: 'c1', seq: 7, clientMsgId: 'd-1', time: 'stored', duplicate: false });
  assert.deepEqual(stored, { seq: 7, sender: 'agent', senderName: 'Bea', text: 'Hi', clientMsgId: 'd-1', time: 'stored' });
  const t = new Transcript();
  t.merge([stored]);
  assert.equal(t.merge([{ ...stored, text: 'pushed copy' }]).length, 0, 'the pushed copy of the same seq is not shown again');
  assert.deepEqual(t.messages().map((m) => m.text), ['Hi']);
});
