import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reconnectDelay } from '../../src/client/backoff.js';

const settings = { baseMs: 1000, maxMs: 30000 };

test('delays double per attempt between half and all of the ceiling', () => {
  assert.equal(reconnectDelay(0, () => 0, settings), 500);
  assert.equal(reconnectDelay(0, () => 0.999999, settings), 1000);
  assert.equal(reconnectDelay(1, () => 0, settings), 1000);
  assert.equal(reconnectDelay(3, () => 0, settings), 4000);
  assert.equal(reconnectDelay(3, () => 0.5, settings), 6000);
});

test('delays are capped, also for absurd attempt numbers', () => {
  assert.equal(reconnectDelay(10, () => 0.999999, settings), 30000);
  assert.equal(reconnectDelay(1000, () => 0, settings), 15000);
  assert.equal(reconnectDelay(-3, () => 0, settings), 500);
});

test('jitter spreads widgets that reconnect at the same moment', () => {
  const delays = new Set();
  for (let i = 0; i < 50; i++) delays.add(reconnectDelay(4, Math.random, settings));
  assert.ok(delays.size > 10, 'expected spread, got ' + [...delays]);
  for (const d of delays) assert.ok(d >= 8000 && d <= 16000, 'out of range: ' + d);
});
