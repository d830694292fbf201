import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatTime, formatWait } from '../src/time.js';
import { STRINGS } from '../src/strings.js';

test('times are hours and minutes, 24-hour clock, in the given zone', () => {
  assert.equal(formatTime('2026-11-23T23:50:07.120Z', 'de', 'UTC'), '23:50');
  assert.equal(formatTime('2026-11-23T08:05:00Z', 'en', 'UTC'), '08:05');
  assert.equal(formatTime('2026-11-23T23:50:00Z', 'de', 'Europe/Berlin'), '00:50');
});

test('an unreadable time gives an empty string rather than "Invalid Date"', () => {
  assert.equal(formatTime('not a time', 'de'), '');
  assert.equal(formatTime(undefined, 'en'), '');
});

test('no estimate from the server means no sentence about time', () => {
  assert.equal(formatWait(null, STRINGS.de), null);
  assert.equal(formatWait(undefined, STRINGS.en), null);
  assert.equal(formatWait(-5, STRINGS.en), null);
  assert.equal(formatWait(Number.NaN, STRINGS.en), null);
});

test('estimates are rounded to whole minutes, short ones said as such', () => {
  assert.equal(formatWait(20, STRINGS.en), 'Estimated wait: less than a minute.');
  assert.equal(formatWait(60, STRINGS.en), 'Estimated wait: about 1 minute.');
  assert.equal(formatWait(240, STRINGS.de), 'Geschätzte Wartezeit: etwa 4 Minuten.');
  assert.equal(formatWait(150, STRINGS.en), 'Estimated wait: about 3 minutes.');
});
