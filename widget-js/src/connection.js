// The widget's line to the server: mints (or resumes) the visitor over REST, opens the SockJS
// event-bus bridge with the stock clients, registers on the visitor's inbox and turns request
// and reply into promises. Reconnects on its own with backoff and jitter.

import EventBus from '@vertx/eventbus-bridge-client.js';
import { reconnectDelay } from './backoff.js';
import { RequestError, failureOf } from './failure.js';

const REQUEST_TIMEOUT_MS = 15000;

export class Connection {
  /**
   * {@code base}: the server origin; {@code store}: a Storage-like object for the token;
   * {@code events}: onOpen(isFirst), onPush(body), onState(connected), onFatal(RequestError).
   */
  constructor(base, site, store, events) {
    this.base = base;
    this.site = site;
    this.store = store;
    this.events = events;
    this.tokenKey = 'plauder.' + site + '.token';
    this.visitorId = null;
    this.token = null;
    this.features = {};
    this.eb = null;
    this.connected = false;
    this.attempt = 0;
    this.timer = null;
    this.pending = new Set();
    this.opens = 0;
    this.stopped = false;
  }

  start() {
    this.mintAndConnect();
    window.addEventListener('online', () => this.reconnectNow());
  }

  async mintAndConnect() {
    try {
      await this.mint();
    } catch (e) {
      if (e.status === 403 || e.status === 404) {
        this.stopped = true;
        this.events.onFatal(e);
      } else {
        this.scheduleReconnect(true);
      }
      return;
    }
    this.connect();
  }

  /** Asks for a (fresh) visitor token, passing the earlier one so the visitor stays the same. */
  async mint() {
    let earlier = null;
    try {
      earlier = this.store.getItem(this.tokenKey);
    } catch (e) {
      // storage blocked: a new visitor per page, still better than no chat
    }
    let response;
    try {
      response = await fetch(this.base + '/api/v1/sites/' + encodeURIComponent(this.site) + '/visitors', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(earlier ? { token: earlier } : {}),
        credentials: 'omit',
      });
    } catch (e) {
      throw new RequestError('network', String(e));
    }
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      const error = body && body.error ? body.error : {};
      throw new RequestError(error.code || 'internal_error', error.message, response.status);
    }
    this.token = body.token;
    this.visitorId = body.visitorId;
    this.features = body.features && typeof body.features === 'object' ? body.features : {};
    try {
      this.store.setItem(this.tokenKey, body.token);
    } catch (e) {
      // see above
    }
  }

  connect() {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = null;
    if (this.eb) {
      const old = this.eb;
      this.eb = null;
      try { old.close(); } catch (e) { /* already closed */ }
    }
    // No iframe-based SockJS transports: they would pull a script from a CDN into the page.
    const eb = new EventBus(this.base + '/eventbus', {
      vertxbus_ping_interval: 20000,
      transports: ['websocket', 'xhr-streaming', 'xhr-polling'],
    });
    this.eb = eb;
    eb.onopen = () => {
      if (this.eb !== eb) return;
      eb.registerHandler('visitor.' + this.visitorId, { token: this.token }, (err, msg) => {
        if (this.eb === eb && !err && msg && msg.body && typeof msg.body === 'object') this.events.onPush(msg.body);
      });
      this.connected = true;
      this.attempt = 0;
      this.events.onState(true);
      this.events.onOpen(this.opens++ === 0);
    };
    eb.onclose = () => {
      if (this.eb !== eb) return;
      this.dropped();
      this.scheduleReconnect(false);
    };
    eb.onerror = (frame) => {
      // A refused registration arrives here, not on a reply: most likely the token went stale.
      // Reconnect with a fresh token, through the backoff so a persistent refusal cannot spin.
      if (this.eb === eb && frame && frame.body === 'access_denied') {
        this.eb = null;
        try { eb.close(); } catch (e) { /* already closed */ }
        this.dropped();
        this.scheduleReconnect(true);
      }
    };
  }

  dropped() {
    this.connected = false;
    for (const p of this.pending) p.reject(new RequestError('disconnected'));
    this.pending.clear();
    this.events.onState(false);
  }

  scheduleReconnect(remint) {
    if (this.stopped || this.timer) return;
    const delay = reconnectDelay(this.attempt++);
    this.timer = setTimeout(() => {
      this.timer = null;
      if (remint || !this.token) this.mintAndConnect();
      else this.connect();
    }, delay);
  }

  /** Back online (the browser says so): skip the rest of the backoff. */
  reconnectNow() {
    if (this.connected || this.stopped) return;
    clearTimeout(this.timer);
    this.timer = null;
    this.attempt = 0;
    this.scheduleReconnect(!this.token);
  }

  /** New token, and a new connection if that changed who we are (or the inbox was refused). */
  async refreshIdentity() {
    if (this.refreshing) return this.refreshing;
    this.refreshing = (async () => {
      const before = this.visitorId;
      await this.mint();
      if (before !== this.visitorId) this.restart();
    })().finally(() => { this.refreshing = null; });
    return this.refreshing;
  }

  restart() {
    if (this.connected) this.dropped();
    this.connect();
  }

  /** Sends an action and resolves with its reply; token errors get one fresh token and one retry. */
  async request(action, body, retried = false) {
    try {
      return await this.send(action, body);
    } catch (e) {
      if (!retried && typeof e.code === 'string' && e.code.startsWith('token_')) {
        await this.refreshIdentity();
        if (!this.connected) throw new RequestError('disconnected');
        return this.request(action, body, true);
      }
      throw e;
    }
  }

  send(action, body) {
    return new Promise((resolve, reject) => {
      if (!this.connected || !this.eb) {
        reject(new RequestError('disconnected'));
        return;
      }
      const entry = { reject };
      const timeout = setTimeout(() => {
        this.pending.delete(entry);
        reject(new RequestError('timeout'));
      }, REQUEST_TIMEOUT_MS);
      entry.reject = (e) => { clearTimeout(timeout); reject(e); };
      this.pending.add(entry);
      try {
        this.eb.send(action, body, { token: this.token }, (err, reply) => {
          clearTimeout(timeout);
          this.pending.delete(entry);
          if (err) reject(failureOf(err));
          else resolve(reply && reply.body ? reply.body : {});
        });
      } catch (e) {
        entry.reject(new RequestError('disconnected'));
        this.pending.delete(entry);
      }
    });
  }
}
