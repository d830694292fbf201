import { test } from 'node:test';
import assert from 'node:assert/strict';
import { topicLabel, validTopics } from '../src/topicview.js';

const BILLING = { skill: 'billing', labels: { de: 'Rechnung und Zahlung', en: 'Billing and payment' } };

test('a topic is named in the widget language, else in the other one, else by its skill', () => {
  assert.equal(topicLabel(BILLING, 'de'), 'Rechnung und Zahlung');
  assert.equal(topicLabel(BILLING, 'en'), 'Billing and payment');
  assert.equal(topicLabel({ skill: 'technik', labels: { de: 'Technik' } }, 'en'), 'Technik');
  assert.equal(topicLabel({ skill: 'technik', labels: {} }, 'en'), 'technik');
});

test('only well-formed topics from the server are offered', () => {
  assert.deepEqual(validTopics([BILLING, null, { skill: 3, labels: {} }, { skill: 'x' }, 'billing']), [BILLING]);
  assert.deepEqual(validTopics(undefined), []);
  assert.deepEqual(validTopics({ skill: 'billing' }), []);
});
