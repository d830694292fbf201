import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AVATAR_COLOURS, colourOf, initialsOf } from '../../src/client/avatar.js';

test('initials come from the first and the last word, upper-cased', () => {
  assert.equal(initialsOf('Anna'), 'A');
  assert.equal(initialsOf('anna maria schmidt'), 'AS');
  assert.equal(initialsOf('  Ben   Öztürk '), 'BÖ');
  assert.equal(initialsOf('😀 Team'), '😀T', 'an emoji stays whole');
  assert.equal(initialsOf(''), '?');
  assert.equal(initialsOf(null), '?');
});

test('the same name always gets the same colour of the palette, and names spread over it', () => {
  assert.equal(colourOf('Anna'), colourOf('Anna'));
  assert.ok(AVATAR_COLOURS.includes(colourOf('Anna')));
  const used = new Set(['Anna', 'Ben', 'Clara', 'David', 'Eva', 'Frank', 'Gül', 'Hans', 'Ida', 'Jonas'].map(colourOf));
  assert.ok(used.size >= 4, 'ten names use at least four colours, got ' + used.size);
});
