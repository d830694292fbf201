import { test } from 'node:test';
import assert from 'node:assert/strict';
import { askedFields, prechatDue, prechatAnswers } from '../src/prechat.js';
import { STRINGS } from '../src/strings.js';

const FORM = { enabled: true, name: 'optional', email: 'required', consentRequired: true, privacyUrl: 'https://shop/privacy' };

test('the form shows only the fields the site asks, name before e-mail', () => {
  assert.deepEqual(askedFields(FORM), ['name', 'email']);
  assert.deepEqual(askedFields({ ...FORM, name: 'off' }), ['email']);
  assert.deepEqual(askedFields(null), []);
});

test('the form is due only for an unverified visitor who has not answered it and is not chatting', () => {
  const base = { form: FORM, verified: false, answered: false, chatting: false, starting: false };
  assert.equal(prechatDue(base), true);
  assert.equal(prechatDue({ ...base, verified: true }), false, 'a verified user is never asked');
  assert.equal(prechatDue({ ...base, answered: true }), false);
  assert.equal(prechatDue({ ...base, chatting: true }), false);
  assert.equal(prechatDue({ ...base, starting: true }), false, 'a first message is on its way');
  assert.equal(prechatDue({ ...base, form: null }), false);
  assert.equal(prechatDue({ ...base, form: { ...FORM, enabled: false } }), false);
});

test('answers leave blank and unasked fields out and carry consent as a boolean', () => {
  assert.deepEqual(prechatAnswers(FORM, { name: '  Eva ', email: '', consent: true }), { consent: true, name: 'Eva' });
  assert.deepEqual(prechatAnswers({ ...FORM, name: 'off' }, { name: 'Eva', email: 'e@x.org', consent: 'yes' }),
    { consent: false, email: 'e@x.org' });
});

test('the storage notice names what is kept and for how long, in both languages', () => {
  assert.equal(STRINGS.de.prechatStored(['name', 'email'], 90),
    'Wir speichern Ihren Namen, Ihre E-Mail-Adresse und den Chatverlauf. Den Chatverlauf löschen wir 90 Tage nach dem Chat, Ihre Angaben auf Ihre Anfrage.');
  assert.equal(STRINGS.en.prechatStored(['email'], null), 'We store your e-mail address and the conversation until you ask us to delete them.');
  assert.equal(STRINGS.en.prechatStored([], 1), 'We store the conversation. We delete the conversation one day after the chat.');
});
