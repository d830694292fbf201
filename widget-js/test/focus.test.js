import { test } from 'node:test';
import assert from 'node:assert/strict';
import { trappedFocusIndex } from '../src/focus.js';

test('Tab on the last element goes to the first, Shift+Tab on the first to the last', () => {
  assert.equal(trappedFocusIndex(4, 3, false), 0);
  assert.equal(trappedFocusIndex(4, 0, true), 3);
});

test('in between, the browser moves focus itself', () => {
  assert.equal(trappedFocusIndex(4, 1, false), -1);
  assert.equal(trappedFocusIndex(4, 2, true), -1);
});

test('focus outside the list enters it at the near end; nothing focusable, nothing to do', () => {
  assert.equal(trappedFocusIndex(3, -1, false), 0);
  assert.equal(trappedFocusIndex(3, -1, true), 2);
  assert.equal(trappedFocusIndex(0, -1, false), -1);
  assert.equal(trappedFocusIndex(1, 0, false), 0);
});
