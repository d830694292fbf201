import { test } from 'node:test';
import assert from 'node:assert/strict';
import { failureOf, failureOfResponse, isLineFailure, isTokenFailure, RequestError } from '../../src/client/failure.js';

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

const response = (status, body, statusText = '') => ({
  status, statusText, ok: status < 300, json: async () => (typeof body === 'string' ? JSON.parse(body) : body),
});

test('a REST error carries the contract\'s code and message, and the status', async () => {
  const e = await failureOfResponse(response(409, { error: { code: 'email_taken', message: 'that e-mail is in use' } }));
  assert.ok(e instanceof RequestError);
  assert.deepEqual([e.code, e.message, e.status], ['email_taken', 'that e-mail is in use', 409]);
});

test('a REST error without the contract\'s body is known by its status', async () => {
  const e = await failureOfResponse(response(502, '<html>Bad Gateway</html>', 'Bad Gateway'));
  assert.deepEqual([e.code, e.message, e.status], ['http_502', 'Bad Gateway', 502]);
});

test('token failures may be cured by a fresh token, line failures by a resend', () => {
  assert.ok(isTokenFailure(failureOf({ failureCode: 401, message: 'token_expired: sign in again' })));
  assert.ok(!isTokenFailure(failureOf({ failureCode: 400, message: 'invalid_input: no' })));
  assert.ok(!isTokenFailure(null));
  assert.ok(isLineFailure(new RequestError('disconnected')));
  assert.ok(isLineFailure('timeout'));
  assert.ok(!isLineFailure(new RequestError('busy')));
  // A stopping server answers shutting_down and closes the socket: resend after the reconnect.
  assert.ok(isLineFailure(failureOf({ failureCode: 503, message: 'shutting_down: this server is stopping; reconnect and send again' })));
  assert.ok(!isLineFailure(undefined));
});
