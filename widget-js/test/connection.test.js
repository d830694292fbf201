import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Connection } from '../src/connection.js';

function memoryStore(items = {}) {
  const map = new Map(Object.entries(items));
  return { getItem: (k) => (map.has(k) ? map.get(k) : null), setItem: (k, v) => map.set(k, String(v)), removeItem: (k) => map.delete(k), map };
}

/** Plays the visitor mint: answers each POST with the next of {@code replies} and records the bodies sent. */
function fakeServer(replies) {
  const bodies = [];
  globalThis.fetch = async (url, init) => {
    bodies.push(JSON.parse(init.body));
    const { status = 200, json } = replies.shift();
    return new Response(JSON.stringify(json), { status, headers: { 'Content-Type': 'application/json' } });
  };
  return bodies;
}

const minted = (visitorId, verified) => ({ json: { visitorId, token: 't-' + visitorId, verified, features: {} } });

function connection(store, claim) {
  return new Connection('https://chat.example', 'demo', store, { claim: () => claim, onState() {}, onOpen() {}, onPush() {} });
}

test('a signed user is minted by its claim, not by the earlier anonymous token, and remembered as the token\'s owner', async () => {
  const store = memoryStore({ 'plauder.demo.token': 't-anon' });
  const sent = fakeServer([minted('v-user', true)]);
  const c = connection(store, { userId: 'cust-42', userHash: 'ab'.repeat(32) });
  await c.mint();
  assert.deepEqual(sent, [{ userId: 'cust-42', userHash: 'ab'.repeat(32) }]);
  assert.equal(c.visitorId, 'v-user');
  assert.equal(c.verified, true);
  assert.equal(store.getItem('plauder.demo.token'), 't-v-user');
  assert.equal(store.getItem('plauder.demo.user'), 'cust-42');
});

test('a refused signature falls back to a new anonymous visitor and never hands on the user\'s token', async () => {
  const store = memoryStore({ 'plauder.demo.token': 't-v-user', 'plauder.demo.user': 'cust-42' });
  const sent = fakeServer([
    { status: 401, json: { error: { code: 'identity_invalid', message: 'the userHash is not this userId\'s HMAC-SHA256' } } },
    minted('v-new', false),
  ]);
  const warn = console.warn;
  const warnings = [];
  console.warn = (m) => warnings.push(m);
  try {
    await connection(store, { userId: 'cust-42', userHash: 'forged' }).mint();
  } finally {
    console.warn = warn;
  }
  assert.deepEqual(sent, [{ userId: 'cust-42', userHash: 'forged' }, {}]);
  assert.equal(store.getItem('plauder.demo.token'), 't-v-new');
  assert.equal(store.getItem('plauder.demo.user'), null);
  assert.match(warnings[0], /identity_invalid/);
});

test('without a claim the earlier anonymous token is passed on, a verified user\'s is not', async () => {
  let sent = fakeServer([minted('v-anon', false)]);
  await connection(memoryStore({ 'plauder.demo.token': 't-anon' }), null).mint();
  assert.deepEqual(sent, [{ token: 't-anon' }]);

  sent = fakeServer([minted('v-new', false)]);
  const store = memoryStore({ 'plauder.demo.token': 't-v-user', 'plauder.demo.user': 'cust-42' });
  await connection(store, null).mint();
  assert.deepEqual(sent, [{}]);
  assert.equal(store.getItem('plauder.demo.user'), null);
});

test('other failures of a signed mint are not hidden by an anonymous one', async () => {
  const sent = fakeServer([{ status: 503, json: { error: { code: 'shutting_down', message: 'stopping' } } }]);
  await assert.rejects(connection(memoryStore(), { userId: 'u', userHash: 'h' }).mint(), (e) => e.code === 'shutting_down');
  assert.equal(sent.length, 1);
});
