import { test } from 'node:test';
import assert from 'node:assert/strict';
import { offerOf, closedBy } from '../src/offers.js';

test('an offer keeps id, text and the inviting agent\'s name; unusable pushes give null', () => {
  assert.deepEqual(offerOf({ id: 'o1', text: 'Hilfe?', from: 'Anna', extra: 1 }), { id: 'o1', text: 'Hilfe?', from: 'Anna' });
  assert.deepEqual(offerOf({ id: 'o1', text: 'Hilfe?', from: '' }), { id: 'o1', text: 'Hilfe?', from: null });
  assert.equal(offerOf({ id: 'o1', text: '' }), null);
  assert.equal(offerOf({ text: 'Hilfe?' }), null);
  assert.equal(offerOf(null), null);
});

test('offerClosed ends the offer it names, or any offer when it names none', () => {
  const shown = { id: 'o2', text: 'Hilfe?', from: null };
  assert.equal(closedBy(shown, { type: 'offerClosed', offerId: 'o2' }), true);
  assert.equal(closedBy(shown, { type: 'offerClosed' }), true);
});

test('offerClosed about an older offer leaves the one shown now; nothing shown, nothing to end', () => {
  assert.equal(closedBy({ id: 'o2', text: 'Hilfe?', from: null }, { type: 'offerClosed', offerId: 'o1' }), false);
  assert.equal(closedBy(null, { type: 'offerClosed', offerId: 'o1' }), false);
});
