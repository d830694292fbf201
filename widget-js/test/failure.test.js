import { test } from 'node:test';
import assert from 'node:assert/strict';
import { failureOf, RequestError } from '../src/failure.js';

test('the code is the part of the bridge message before the colon', () => {
  const e = failureOf({ failureCode: 401, message: 'token_expired: the token was refused (token_expired), sign in again' });
  assert.ok(e instanceof RequestError);
  assert.equal(e.code, 'token_expired');
  assert.equal(e.status, 401);
  assert.equal(e.message, 'token_expired: the token was refused (token_expired), sign in again');
});

test('a message without a colon is its own code; a missing one is an internal error', () => {
  assert.equal(failureOf({ failureCode: 500, message: 'busy' }).code, 'busy');
  assert.equal(failureOf({}).code, 'internal_error');
  assert.equal(failureOf(null).code, 'internal_error');
  assert.equal(failureOf({ message: ': odd' }).code, ': odd');
});
