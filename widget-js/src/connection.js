// The widget's line to the server: mints (or resumes) the visitor over REST and keeps the client
// core's bridge connection open on the visitor's inbox, minting afresh when the token goes stale.

import { BridgeConnection } from './client/bridge.js';
import { BACKOFF } from './client/backoff.js';
import { callApi } from './client/rest.js';

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
    this.bridge = new BridgeConnection(base + '/eventbus', {
      backoff: BACKOFF.visitor,
      token: () => this.token,
      inbox: () => 'visitor.' + this.visitorId,
      identify: () => this.mintOrGiveUp(),
      refreshToken: () => this.refreshIdentity(),
    });
    this.bridge.onstate = (state) => events.onState(state === 'open');
    this.bridge.onopen = (first) => events.onOpen(first);
    this.bridge.onpush = (body) => events.onPush(body);
  }

  start() {
    this.bridge.open();
    window.addEventListener('online', () => this.bridge.reconnectNow());
  }

  request(action, body) {
    return this.bridge.request(action, body);
  }

  async mintOrGiveUp() {
    try {
      await this.mint();
    } catch (e) {
      // An unknown site, or a page the site does not allow: asking again would not change that.
      if (e.status === 403 || e.status === 404) {
        this.bridge.close();
        this.events.onFatal(e);
      }
      throw e;
    }
  }

  /** Asks for a (fresh) visitor token, passing the earlier one so the visitor stays the same. */
  async mint() {
    let earlier = null;
    try {
      earlier = this.store.getItem(this.tokenKey);
    } catch (e) {
      // storage blocked: a new visitor per page, still better than no chat
    }
    const body = (await callApi('POST', this.base + '/api/v1/sites/' + encodeURIComponent(this.site) + '/visitors',
      { body: earlier ? { token: earlier } : {} })) || {};
    this.token = body.token;
    this.visitorId = body.visitorId;
    this.features = body.features && typeof body.features === 'object' ? body.features : {};
    this.siteLanguages = body.site && Array.isArray(body.site.languages) ? body.site.languages : null;
    try {
      this.store.setItem(this.tokenKey, body.token);
    } catch (e) {
      // see above
    }
  }

  /** New token, and a new connection if that changed who we are (and so the inbox). */
  async refreshIdentity() {
    if (this.refreshing) return this.refreshing;
    this.refreshing = (async () => {
      const before = this.visitorId;
      await this.mint();
      if (before !== this.visitorId) this.bridge.reconnect();
    })().finally(() => { this.refreshing = null; });
    return this.refreshing;
  }
}
