import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Suggester, suggestionQuery, suggestionsOf } from '../src/suggestions.js';
import { botChoiceDue } from '../src/botview.js';

/** Timers the test moves by hand. */
function manualTimers() {
  let next = 1;
  const due = new Map();
  return {
    setTimeout(fn) { due.set(next, fn); return next++; },
    clearTimeout(id) { due.delete(id); },
    fire() { const fns = [...due.values()]; due.clear(); fns.forEach((fn) => fn()); },
    get pending() { return due.size; },
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

test('a text is worth a search from three characters, as one trimmed line of at most 200', () => {
  assert.equal(suggestionQuery('  Wie  lange\ndauert  '), 'Wie lange dauert');
  assert.equal(suggestionQuery('ab'), null);
  assert.equal(suggestionQuery(' a  '), null);
  assert.equal(suggestionQuery(null), null);
  assert.equal(suggestionQuery('x'.repeat(300)).length, 200);
});

test('at most three well-formed articles of a reply are shown', () => {
  const reply = { articles: [{ id: 'a', title: 'A', excerpt: 'eA', url: 'u' }, { id: '', title: 'no id' }, { id: 'b', title: 'B' },
    { id: 'c', title: 'C', excerpt: 3 }, { id: 'd', title: 'D' }, null] };
  assert.deepEqual(suggestionsOf(reply), [{ id: 'a', title: 'A', excerpt: 'eA' }, { id: 'b', title: 'B', excerpt: '' },
    { id: 'c', title: 'C', excerpt: '' }]);
  assert.deepEqual(suggestionsOf(null), []);
  assert.deepEqual(suggestionsOf({ articles: 'x' }), []);
});

test('typing searches once after the pause, with the latest text', async () => {
  const timers = manualTimers();
  const asked = [];
  const shown = [];
  const s = new Suggester(async (q) => { asked.push(q); return [{ id: q }]; }, (list) => shown.push(list), { timers });
  s.input('Wie');
  s.input('Wie lange');
  s.input('Wie lange dauert der Versand?');
  assert.equal(timers.pending, 1, 'one search waits, the earlier ones were dropped');
  timers.fire();
  await settle();
  assert.deepEqual(asked, ['Wie lange dauert der Versand?']);
  assert.deepEqual(shown, [[{ id: 'Wie lange dauert der Versand?' }]]);
  s.input('Wie lange dauert der Versand? ');
  assert.equal(timers.pending, 0, 'the same question is not asked twice');
});

test('a slow answer to an older question never replaces the newer one, and a cleared text shows nothing', async () => {
  const timers = manualTimers();
  const replies = {};
  const shown = [];
  const s = new Suggester((q) => new Promise((resolve) => { replies[q] = resolve; }), (list) => shown.push(list), { timers });
  s.input('Versand');
  timers.fire();
  s.input('Rücksendung');
  timers.fire();
  replies['Rücksendung']([{ id: 'returns' }]);
  await settle();
  replies.Versand([{ id: 'shipping' }]);
  await settle();
  assert.deepEqual(shown, [[{ id: 'returns' }]]);
  s.input('');
  assert.deepEqual(shown.at(-1), []);
});

test('a failed search shows no suggestions', async () => {
  const timers = manualTimers();
  const shown = [];
  const s = new Suggester(async () => { throw new Error('429'); }, (list) => shown.push(list), { timers });
  s.input('Versand');
  timers.fire();
  await settle();
  assert.deepEqual(shown, [[]]);
});

test('the bot\'s buttons show while the bot holds the chat and its answer is there', () => {
  const items = [{ sender: 'visitor' }, { sender: 'bot' }];
  const held = { held: true, mode: 'chat', conversation: { status: 'queued' }, items };
  assert.equal(botChoiceDue(held), true);
  assert.equal(botChoiceDue({ ...held, items: [{ sender: 'visitor' }] }), false, 'not before the answer');
  assert.equal(botChoiceDue({ ...held, held: false }), false, 'handed over');
  assert.equal(botChoiceDue({ ...held, conversation: { status: 'closed' } }), false);
  assert.equal(botChoiceDue({ ...held, mode: 'resolved' }), false);
});
