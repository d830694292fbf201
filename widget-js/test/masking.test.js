import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverMasked } from '../src/masking.js';

const typed = 'Karte 4111 1111 1111 1111';
const stored = 'Karte •••• •••• •••• 1111';

test('the server\'s "masked": true decides, whatever the stored text looks like', () => {
  assert.equal(serverMasked({ masked: true }, typed, null), true);
  assert.equal(serverMasked({ masked: true }, 'x', 'x'), true);
});

test('a fresh send ack that says masked: false is believed, even for "•" the visitor typed', () => {
  assert.equal(serverMasked({ masked: false, duplicate: false }, 'a • b', 'a • b'), false);
  assert.equal(serverMasked({ masked: false, duplicate: false }, typed, stored), false);
});

test('without the flag (requestChat) or on a duplicate, a stored text with hidden digits tells', () => {
  assert.equal(serverMasked({ conversation: {} }, typed, stored), true);
  assert.equal(serverMasked({ masked: false, duplicate: true }, typed, stored), true);
});

test('without the flag, an unchanged text, "•" typed by the visitor or an unknown stored text is not masking', () => {
  assert.equal(serverMasked({ conversation: {} }, 'Hallo', 'Hallo'), false);
  assert.equal(serverMasked({ conversation: {} }, 'Punkt • Punkt', 'Punkt • Punkt'), false);
  assert.equal(serverMasked({ conversation: {} }, typed, null), false);
  assert.equal(serverMasked(null, typed, undefined), false);
});
