import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EMOJI, insertAt, step } from '../src/emojiview.js';

test('an emoji goes in at the cursor, in place of a selection, with the caret after it', () => {
  assert.deepEqual(insertAt('Danke', 5, 5, '🙏'), { text: 'Danke🙏', caret: 7 });
  assert.deepEqual(insertAt('Hallo Welt', 5, 5, '👋'), { text: 'Hallo👋 Welt', caret: 7 });
  assert.deepEqual(insertAt('gut schlecht', 4, 12, '👍'), { text: 'gut 👍', caret: 6 });
  assert.deepEqual(insertAt('abc', undefined, undefined, '☕'), { text: 'abc☕', caret: 4 }, 'no cursor: at the end');
  assert.deepEqual(insertAt('abc', 99, 120, '☕'), { text: 'abc☕', caret: 4 });
});

test('arrow keys move within the grid and stop at its edges', () => {
  assert.equal(step(0, 'ArrowRight', 32, 8), 1);
  assert.equal(step(0, 'ArrowLeft', 32, 8), 0);
  assert.equal(step(3, 'ArrowDown', 32, 8), 11);
  assert.equal(step(3, 'ArrowUp', 32, 8), 3);
  assert.equal(step(31, 'ArrowDown', 32, 8), 31);
  assert.equal(step(5, 'Tab', 32, 8), 5);
});

test('the picker offers each emoji once', () => {
  assert.equal(new Set(EMOJI).size, EMOJI.length);
});
