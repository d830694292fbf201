import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BridgeConnection, FLOODING_COOL_DOWN_MS, PING_INTERVAL_MS, REQUEST_TIMEOUT_MS } from '../../src/client/bridge.js';
import { BACKOFF } from '../../src/client/backoff.js';
import { RequestError } from '../../src/client/failure.js';
import { FakeClock } from './fake-clock.js';

/** Stands in for the stock EventBus: records what the connection does, and lets the test play the server. */
class FakeEventBus {
  constructor(url) {
    this.url = url;
    this.registrations = [];
    this.sent = [];
    this.closed = false;
  }

  registerHandler(address, headers, handler) {
    this.registrations.push({ address, headers, handler });
  }

  send(address, body, headers, replyHandler) {
    if (this.closed) throw new Error('INVALID_STATE_ERR');
    this.sent.push({ address, body, headers, replyHandler });
  }

  close() {
    this.closed = true;
  }

  // the server's side
  open() {
    this.onopen();
  }

  drop(closeEvent = {}) {
    this.closed = true;
    this.onclose(closeEvent);
  }

  push(body) {
    for (const r of this.registrations) r.handler(null, { type: 'rec', address: r.address, body });
  }

  reply(index, body) {
    this.sent[index].replyHandler(null, { type: 'rec', body });
  }

  fail(index, failureCode, message) {
    this.sent[index].replyHandler({ failureCode, failureType: 'RECIPIENT_FAILURE', message });
  }
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

function connect(t, options = {}) {
  const clock = new FakeClock().install(t);
  const buses = [];
  const events = { states: [], opens: [], pushes: [], refused: 0 };
  let token = 'token-1';
  const connection = new BridgeConnection('https://chat.example/eventbus', {
    backoff: BACKOFF.agent,
    token: () => token,
    inbox: () => 'agent.a1',
    openBus: (url) => {
      const bus = new FakeEventBus(url);
      buses.push(bus);
      return bus;
    },
    random: () => 0,
    ...options,
  });
  connection.onstate = (s) => events.states.push(s);
  connection.onopen = (first) => events.opens.push(first);
  connection.onpush = (body) => events.pushes.push(body);
  connection.onrefused = () => events.refused++;
  return { connection, clock, buses, events, setToken: (t2) => { token = t2; }, last: () => buses[buses.length - 1] };
}

test('the inbox is registered with the token once the socket is open', (t) => {
  const { connection, buses, events } = connect(t);
  connection.open();
  assert.equal(buses.length, 1);
  assert.equal(buses[0].url, 'https://chat.example/eventbus');
  assert.equal(buses[0].registrations.length, 0, 'nothing is sent before the socket is open');
  buses[0].open();
  assert.deepEqual(buses[0].registrations.map((r) => [r.address, r.headers]), [['agent.a1', { token: 'token-1' }]]);
  assert.deepEqual(events.states, ['open']);
  assert.deepEqual(events.opens, [true]);
  assert.ok(connection.isOpen);
  buses[0].push({ type: 'assigned' });
  buses[0].push('not an object');
  assert.deepEqual(events.pushes, [{ type: 'assigned' }]);
});

test('each kind of client pings often enough for the bridge: a visitor silent for 60 s is dropped, an agent after 15 s', () => {
  assert.ok(PING_INTERVAL_MS.visitor * 2 < 60000, 'a lost visitor ping must not cost the socket');
  assert.ok(PING_INTERVAL_MS.agent * 2 < 15000, 'a lost agent ping must not cost the socket');
});

for (const [kind, options, expected] of [['a visitor\'s by default', {}, PING_INTERVAL_MS.visitor],
  ['an agent\'s when asked', { pingIntervalMs: PING_INTERVAL_MS.agent }, PING_INTERVAL_MS.agent]]) {
  test('the transport is opened with the ping interval of the connection\'s kind: ' + kind, async (t) => {
    const intervals = [];
    const openBus = (url, pingIntervalMs) => {
      intervals.push(pingIntervalMs);
      return new FakeEventBus(url);
    };
    connect(t, { openBus, ...options }).connection.open();
    await settle();
    assert.deepEqual(intervals, [expected]);
  });
}

test('a dropped line reconnects after the backoff and registers the inbox again', (t) => {
  const { connection, clock, buses, events, setToken } = connect(t);
  connection.open();
  buses[0].open();
  buses[0].drop();
  assert.deepEqual(events.states, ['open', 'reconnecting']);
  clock.tick(249);
  assert.equal(buses.length, 1, 'the backoff is waited out');
  clock.tick(1);
  assert.equal(buses.length, 2);

  // the server is still down: the next attempt waits twice as long
  buses[1].drop();
  clock.tick(499);
  assert.equal(buses.length, 2);
  clock.tick(1);
  assert.equal(buses.length, 3);

  setToken('token-2');
  buses[2].open();
  assert.deepEqual(buses[2].registrations.map((r) => [r.address, r.headers.token]), [['agent.a1', 'token-2']]);
  assert.deepEqual(events.states, ['open', 'reconnecting', 'open']);
  assert.deepEqual(events.opens, [true, false]);

  // an earlier socket that says something late is not listened to
  buses[0].push({ type: 'stale' });
  buses[2].push({ type: 'fresh' });
  assert.deepEqual(events.pushes, [{ type: 'fresh' }]);

  // once open again, the backoff starts from the beginning
  buses[2].drop();
  clock.tick(250);
  assert.equal(buses.length, 4);
});

test('jitter spreads the reconnects between half and all of the backoff', (t) => {
  const { connection, clock, buses } = connect(t, { random: () => 0.999 });
  connection.open();
  buses[0].drop();
  clock.tick(499);
  assert.equal(buses.length, 1);
  clock.tick(1);
  assert.equal(buses.length, 2);
});

test('requests resolve with the reply body, or reject with the coded failure', async (t) => {
  const { connection, buses } = connect(t);
  connection.open();
  buses[0].open();
  const ok = connection.request('agent.status', { status: 'online' });
  const refused = connection.request('agent.send', { conversationId: 'nope' });
  assert.deepEqual(buses[0].sent.map((s) => [s.address, s.headers]), [['agent.status', { token: 'token-1' }], ['agent.send', { token: 'token-1' }]]);
  buses[0].reply(0, { agent: { status: 'online' } });
  buses[0].fail(1, 400, 'invalid_input: text is missing');
  assert.deepEqual(await ok, { agent: { status: 'online' } });
  const error = await refused.then(() => null, (e) => e);
  assert.ok(error instanceof RequestError);
  assert.equal(error.code + '/' + error.failureCode, 'invalid_input/400');
});

test('a request without an answer times out; one under way when the line drops fails as disconnected', async (t) => {
  const { connection, clock, buses } = connect(t);
  const before = await connection.request('agent.status', {}).catch((e) => e.code);
  assert.equal(before, 'disconnected', 'nothing is sent before the line is up');
  connection.open();
  buses[0].open();
  const unanswered = connection.request('agent.status', {}).catch((e) => e.code);
  clock.tick(REQUEST_TIMEOUT_MS - 1);
  const cut = connection.request('agent.take', {}).catch((e) => e.code);
  clock.tick(1);
  assert.equal(await unanswered, 'timeout');
  buses[0].drop();
  assert.equal(await cut, 'disconnected');
  buses[0].reply(1, { late: true }); // a reply after the fact changes nothing
  assert.equal(connection.pending.size, 0);
});

test('a token error gets one fresh token and one more try', async (t) => {
  let refreshed = 0;
  const { connection, buses, setToken } = connect(t, { refreshToken: async () => { refreshed++; setToken('token-2'); } });
  connection.open();
  buses[0].open();
  const reply = connection.request('visitor.history', {});
  buses[0].fail(0, 401, 'token_expired: the token was refused (token_expired), sign in again');
  await settle();
  assert.equal(refreshed, 1);
  assert.equal(buses[0].sent[1].headers.token, 'token-2');
  buses[0].reply(1, { messages: [] });
  assert.deepEqual(await reply, { messages: [] });

  const again = connection.request('visitor.history', {}).catch((e) => e.code);
  buses[0].fail(2, 401, 'token_invalid: no');
  await settle();
  buses[0].fail(3, 401, 'token_invalid: still no');
  assert.equal(await again, 'token_invalid', 'only one more try');
  assert.equal(refreshed, 2);
});

test('without a way to refresh, a token error reaches the caller', async (t) => {
  const { connection, buses } = connect(t);
  connection.open();
  buses[0].open();
  const reply = connection.request('agent.status', {}).catch((e) => e.code);
  buses[0].fail(0, 401, 'token_expired: sign in again');
  assert.equal(await reply, 'token_expired');
});

test('identify runs before the first connect, and again after the bridge refused the inbox', async (t) => {
  let identified = 0;
  const { connection, clock, buses, events } = connect(t, { identify: async () => { identified++; } });
  connection.open();
  await settle();
  assert.equal(identified, 1);
  assert.equal(buses.length, 1);
  buses[0].open();

  buses[0].onerror({ type: 'err', body: 'rejected' });
  assert.equal(events.refused, 1);
  assert.ok(buses[0].closed, 'the refused socket is given up');
  assert.deepEqual(events.states, ['open', 'reconnecting']);
  clock.tick(250);
  await settle();
  assert.equal(identified, 2);
  assert.equal(buses.length, 2);

  // a plain drop keeps the identity
  buses[1].open();
  buses[1].drop();
  clock.tick(250);
  await settle();
  assert.equal(identified, 2);
  assert.equal(buses.length, 3);
});

test('a failed identify is tried again through the backoff, and close() from it gives up for good', async (t) => {
  let attempts = 0;
  let connection;
  const harness = connect(t, {
    identify: async () => {
      attempts++;
      if (attempts === 1) throw new RequestError('network', 'down');
      connection.close();
      throw new RequestError('not_found', 'no such site', 404);
    },
  });
  connection = harness.connection;
  connection.open();
  await settle();
  assert.deepEqual(harness.events.states, ['reconnecting']);
  harness.clock.tick(250);
  await settle();
  assert.equal(attempts, 2);
  assert.deepEqual(harness.events.states, ['reconnecting', 'closed']);
  harness.clock.tick(60000);
  await settle();
  assert.equal(attempts, 2);
  assert.equal(harness.buses.length, 0);
});

test('close() ends it: no reconnect, requests fail as disconnected', async (t) => {
  const { connection, clock, buses, events } = connect(t);
  connection.open();
  buses[0].open();
  const waiting = connection.request('agent.status', {}).catch((e) => e.code);
  connection.close();
  assert.equal(await waiting, 'disconnected');
  assert.ok(buses[0].closed);
  buses[0].onclose({});
  clock.tick(60000);
  assert.equal(buses.length, 1);
  assert.deepEqual(events.states, ['open', 'closed']);
});

test('reconnectNow skips the rest of a long backoff; reconnect opens a fresh socket at once', (t) => {
  const { connection, clock, buses } = connect(t);
  connection.open();
  for (let i = 0; i < 6; i++) {
    buses[buses.length - 1].drop();
    clock.tick(15000);
  }
  const before = buses.length;
  buses[before - 1].drop();
  connection.reconnectNow();
  clock.tick(250);
  assert.equal(buses.length, before + 1);

  buses[buses.length - 1].open();
  connection.reconnect();
  assert.equal(buses.length, before + 2);
  assert.ok(buses[before].closed);
});

test('a socket the bridge cut off for flooding comes back only after a cool-down, not in a tight loop', async (t) => {
  const { connection, clock, buses, events } = connect(t);
  connection.open();
  buses[0].open();
  const waiting = connection.request('agent.history', {}).catch((e) => e.code);
  buses[0].onerror({ type: 'err', body: 'flooding' });
  assert.equal(events.refused, 0, 'flooding is not a refusal of the identity');
  buses[0].drop({ code: 3000, reason: 'Go away!' });
  assert.equal(await waiting, 'disconnected');
  assert.deepEqual(events.states, ['open', 'reconnecting']);
  clock.tick(FLOODING_COOL_DOWN_MS - 1);
  assert.equal(buses.length, 1, 'no reconnect within the cool-down');
  clock.tick(FLOODING_COOL_DOWN_MS);
  assert.equal(buses.length, 2);

  // the raw WebSocket's close code says the same without the error frame
  buses[1].open();
  buses[1].drop({ code: 4429, reason: 'flooding' });
  clock.tick(FLOODING_COOL_DOWN_MS - 1);
  assert.equal(buses.length, 2);
  clock.tick(FLOODING_COOL_DOWN_MS);
  assert.equal(buses.length, 3);

  // and after that an ordinary drop has the ordinary backoff again
  buses[2].open();
  buses[2].drop();
  clock.tick(250);
  assert.equal(buses.length, 4);
});
