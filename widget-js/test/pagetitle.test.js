import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageTitle } from '../src/pagetitle.js';

test('an ordinary title goes out as it is', () => {
  assert.equal(pageTitle('Kasse – Demo-Shop 🛒'), 'Kasse – Demo-Shop 🛒');
});

test('control characters, U+FFFD and lone surrogates become spaces, runs of space one', () => {
  assert.equal(pageTitle('Kasse\u0007\u0000Shop'), 'Kasse Shop');
  assert.equal(pageTitle('Caf\ufffd  Paris'), 'Caf Paris');
  assert.equal(pageTitle('a\ud800b\udc00c'), 'a b c');
  assert.equal(pageTitle(' \n Zeile\nZeile \t'), 'Zeile Zeile');
});

test('at most 300 characters, never cutting an emoji in half', () => {
  const title = pageTitle('x'.repeat(299) + '🙂🙂');
  assert.equal(Array.from(title).length, 300);
  assert.ok(title.endsWith('🙂'));
  assert.equal(pageTitle(undefined), '');
});
