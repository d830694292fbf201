// The line to the server's event-bus bridge: SockJS through the stock Vert.x client, one inbox
// registered on every connect, requests as promises with a timeout, a keepalive ping, and
// reconnects with backoff and jitter.

import EventBus from '@vertx/eventbus-bridge-client.js';
import { BACKOFF, reconnectDelay } from './backoff.js';
import { RequestError, failureOf, isTokenFailure } from './failure.js';

/**
 * How often each kind of client pings. The bridge closes a visitor's socket that sent no ping for
 * 60 s and an agent's after 15 s (Bridge.PING_TIMEOUT_MS and AgentSockets.PING_TIMEOUT_MS on the server):
 * visitors are many and idle, so they ping seldom and cost the server little; agents are few, and a
 * vanished dashboard must be noticed before routing gives it new chats.
 */
export const PING_INTERVAL_MS = { visitor: 25000, agent: 5000 };
export const REQUEST_TIMEOUT_MS = 15000;

// No iframe-based SockJS transports: they would pull a script from a CDN into the page.
const TRANSPORTS = ['websocket', 'xhr-streaming', 'xhr-polling'];

// A registration the bridge refuses (a stale token, most likely) is answered with an error frame
// that belongs to no request; these are its words.
const REFUSALS = ['rejected', 'access_denied'];

// A socket that kept sending over its budget is cut off by the bridge: it says "flooding" in an
// error frame, and the raw WebSocket closes with 4429 (docs/protocol.md, "Limits per socket").
// Coming straight back would only be cut off again, so the next socket waits a cool-down first.
const FLOODING = 'flooding';
const FLOODING_CLOSE_CODE = 4429;
export const FLOODING_COOL_DOWN_MS = 60000;

function stockEventBus(url, pingIntervalMs) {
  return new EventBus(url, { vertxbus_ping_interval: pingIntervalMs, transports: TRANSPORTS });
}

function disconnected(why) {
  return new RequestError('disconnected', 'disconnected: ' + why);
}

function closeQuietly(eventBus) {
  try {
    eventBus.close();
  } catch (e) {
    // closed already
  }
}

export class BridgeConnection {
  /**
   * {@code url}: the bridge's SockJS endpoint (https://chat.example.com/eventbus). Options:
   * - {@code token()}: the token each frame carries; {@code inbox()}: the address to receive on;
   * - {@code backoff}: {@link BACKOFF}.visitor or .agent; {@code pingIntervalMs}: {@link PING_INTERVAL_MS}.visitor or .agent;
   * - {@code identify()}: optional, async: gets (fresh) credentials before the first connect and
   *   after the bridge refused the inbox; when it fails, it is tried again through the backoff
   *   (call {@link close} from it to give up for good);
   * - {@code refreshToken()}: optional, async: called when a request fails with a token_* error,
   *   after which the request is sent once more;
   * - {@code openBus(url, pingIntervalMs)}: the transport, an object like the stock EventBus (tests pass a fake);
   *   {@code random}: the jitter's source.
   * Listeners, set as properties: {@code onstate(state)} ("open", "reconnecting", "closed"),
   * {@code onopen(first)} after the inbox is registered, {@code onpush(body)}, {@code onrefused()}.
   */
  constructor(url, options) {
    this.url = url;
    this.options = { backoff: BACKOFF.visitor, pingIntervalMs: PING_INTERVAL_MS.visitor, openBus: stockEventBus, random: Math.random, ...options };
    this.state = 'connecting';
    this.eventBus = null;
    this.attempt = 0;
    this.retryTimer = null;
    this.pending = new Set();
    this.opens = 0;
    this.stopped = true;
    this.identifying = false;
    this.needsIdentity = typeof this.options.identify === 'function';
    this.onstate = () => {};
    this.onopen = () => {};
    this.onpush = () => {};
    this.onrefused = () => {};
  }

  get isOpen() {
    return this.state === 'open';
  }

  open() {
    this.stopped = false;
    this.connect();
  }

  /** For good: no reconnect; requests still waiting fail as "disconnected". */
  close() {
    this.stopped = true;
    this.cancelRetry();
    this.dropBus();
    this.failPending();
    this.setState('closed');
  }

  /** The line is probably back (the browser says so): skip the rest of the backoff. */
  reconnectNow() {
    if (this.stopped || this.isOpen) return;
    this.cancelRetry();
    this.attempt = 0;
    this.retryLater();
  }

  /** A fresh socket at once: the identity changed, and with it the inbox. */
  reconnect() {
    if (this.stopped) return;
    this.dropBus();
    this.lineDropped();
    this.connect();
  }

  async connect() {
    if (this.stopped) return;
    this.cancelRetry();
    if (this.needsIdentity) {
      if (this.identifying) return; // the one under way connects when it is done
      this.identifying = true;
      try {
        await this.options.identify();
        this.needsIdentity = false;
      } catch (e) {
        if (this.stopped) return;
        this.lineDropped();
        this.retryLater();
        return;
      } finally {
        this.identifying = false;
      }
      if (this.stopped) return;
    }
    this.dropBus();
    const eventBus = this.options.openBus(this.url, this.options.pingIntervalMs);
    this.eventBus = eventBus;
    let flooding = false;
    eventBus.onopen = () => {
      if (this.eventBus !== eventBus) return;
      eventBus.registerHandler(this.options.inbox(), { token: this.options.token() }, (err, msg) => {
        if (this.eventBus === eventBus && !err && msg && msg.body && typeof msg.body === 'object') this.onpush(msg.body);
      });
      this.attempt = 0;
      this.setState('open');
      this.onopen(this.opens++ === 0);
    };
    eventBus.onclose = (event) => {
      if (this.eventBus !== eventBus) return;
      this.eventBus = null;
      this.lineDropped();
      if (flooding || (event && event.code === FLOODING_CLOSE_CODE)) this.retryAfterCoolDown();
      else this.retryLater();
    };
    eventBus.onerror = (frame) => {
      if (this.eventBus !== eventBus || !frame) return;
      if (frame.body === FLOODING) {
        flooding = true; // the bridge closes the socket next
        return;
      }
      // Through the backoff, so that a refusal that persists cannot spin.
      if (!REFUSALS.includes(frame.body)) return;
      this.dropBus();
      this.lineDropped();
      if (typeof this.options.identify === 'function') this.needsIdentity = true;
      this.onrefused();
      this.retryLater();
    };
  }

  dropBus() {
    const old = this.eventBus;
    this.eventBus = null;
    if (old) closeQuietly(old);
  }

  lineDropped() {
    this.failPending();
    this.setState('reconnecting');
  }

  failPending() {
    for (const p of this.pending) p.reject(disconnected('the connection was lost'));
    this.pending.clear();
  }

  setState(state) {
    if (this.state === state) return;
    this.state = state;
    this.onstate(state);
  }

  cancelRetry() {
    clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  retryLater() {
    if (this.stopped || this.retryTimer) return;
    const delay = reconnectDelay(this.attempt++, this.options.random, this.options.backoff);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connect();
    }, delay);
  }

  /** After a cut-off for flooding: one cool-down (plus up to half of it as jitter), then the usual backoff. */
  retryAfterCoolDown() {
    if (this.stopped || this.retryTimer) return;
    const delay = FLOODING_COOL_DOWN_MS + Math.round(this.options.random() * FLOODING_COOL_DOWN_MS / 2);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connect();
    }, delay);
  }

  /** Sends an action and resolves with its reply's body; a token error gets one fresh token and one more try. */
  async request(address, body = {}) {
    try {
      return await this.send(address, body);
    } catch (e) {
      if (!isTokenFailure(e) || typeof this.options.refreshToken !== 'function') throw e;
      await this.options.refreshToken();
      return this.send(address, body);
    }
  }

  send(address, body) {
    return new Promise((resolve, reject) => {
      if (!this.isOpen || !this.eventBus) {
        reject(disconnected('not connected'));
        return;
      }
      const entry = {};
      const timeout = setTimeout(() => {
        this.pending.delete(entry);
        reject(new RequestError('timeout', 'timeout: no answer from the server'));
      }, REQUEST_TIMEOUT_MS);
      entry.reject = (e) => {
        clearTimeout(timeout);
        reject(e);
      };
      this.pending.add(entry);
      try {
        this.eventBus.send(address, body, { token: this.options.token() }, (err, reply) => {
          clearTimeout(timeout);
          this.pending.delete(entry);
          if (err) reject(failureOf(err));
          else resolve(reply && reply.body ? reply.body : {});
        });
      } catch (e) {
        this.pending.delete(entry);
        entry.reject(disconnected('not connected'));
      }
    });
  }
}
