import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatSize, isImageType } from '../../src/client/files.js';
import { FILE_STRINGS } from '../../src/filestrings.js';

test('only the four image types the server accepts are shown as pictures', () => {
  for (const type of ['image/png', 'image/jpeg', 'image/gif', 'image/webp']) assert.equal(isImageType(type), true, type);
  for (const type of ['application/pdf', 'image/svg+xml', 'text/html', undefined]) assert.equal(isImageType(type), false, String(type));
});

test('sizes read as bytes, kilobytes or megabytes, with a decimal comma in German', () => {
  assert.equal(formatSize(820, 'en'), '820 B');
  assert.equal(formatSize(14 * 1024 + 100, 'en'), '14 KB');
  assert.equal(formatSize(2.4 * 1024 * 1024, 'en'), '2.4 MB');
  assert.equal(formatSize(2.4 * 1024 * 1024, 'de'), '2,4 MB');
});

test('every file string exists in German and English', () => {
  const keys = (o) => Object.keys(o).sort();
  assert.deepEqual(keys(FILE_STRINGS.de), keys(FILE_STRINGS.en));
  assert.deepEqual(keys(FILE_STRINGS.de.error), keys(FILE_STRINGS.en.error));
});
