import { test } from 'node:test';
import assert from 'node:assert/strict';
import { STRINGS, chooseLanguage, stringsFor, errorText } from '../src/strings.js';

test('German and English have exactly the same keys', () => {
  const keys = (o) => Object.keys(o).sort();
  assert.deepEqual(keys(STRINGS.de), keys(STRINGS.en));
  assert.deepEqual(keys(STRINGS.de.error), keys(STRINGS.en.error));
  for (const lang of ['de', 'en']) {
    for (const [key, value] of Object.entries(STRINGS[lang])) {
      assert.ok(typeof value === 'string' || typeof value === 'function' || typeof value === 'object', lang + '.' + key);
      if (typeof value === 'string') assert.notEqual(value.trim(), '', lang + '.' + key + ' is empty');
    }
  }
});

test('the first supported candidate wins: data-lang before the browser language', () => {
  assert.equal(chooseLanguage(['de', 'en-US']), 'de');
  assert.equal(chooseLanguage(['en', 'de-DE']), 'en');
  assert.equal(chooseLanguage([undefined, '', 'de-AT']), 'de');
  assert.equal(chooseLanguage(['DE_ch']), 'de');
  assert.equal(chooseLanguage(['fr', 'it-IT', 'de']), 'de');
});

test('unsupported or missing languages fall back to English', () => {
  assert.equal(chooseLanguage(['fr-FR', 'es']), 'en');
  assert.equal(chooseLanguage([]), 'en');
  assert.equal(stringsFor('xx'), STRINGS.en);
});

test('plural forms and parameters', () => {
  assert.equal(STRINGS.de.unread(1), '1 ungelesene Nachricht');
  assert.equal(STRINGS.de.unread(3), '3 ungelesene Nachrichten');
  assert.equal(STRINGS.en.statusActive('Anna'), 'Anna is here for you');
  assert.equal(STRINGS.de.queuePosition(1), 'Sie sind als Nächstes dran.');
  assert.equal(STRINGS.en.queuePosition(4), 'Position in the queue: 4');
});

test('server error codes become sentences; unknown codes keep the server text', () => {
  assert.equal(errorText(STRINGS.en, 'conversation_closed', 'x'), 'This chat has already ended.');
  assert.equal(errorText(STRINGS.de, 'weird_code', 'weird_code: it broke'), 'Etwas ist schiefgegangen. (weird_code: it broke)');
  assert.equal(errorText(STRINGS.en, 'weird_code'), 'Something went wrong.');
});
