// The widget's line to the server: mints (or resumes) the visitor over REST and keeps the client
// core's bridge connection open on the visitor's inbox, minting afresh when the token goes stale.
// A page that identifies a logged-in user with the site backend's signature gets that user's
// visitor (the same on every device); a refused signature leaves the visitor anonymous.

import { validTopics } from './topicview.js';
import { BridgeConnection, PING_INTERVAL_MS } from './client/bridge.js';
import { BACKOFF } from './client/backoff.js';
import { callApi } from './client/rest.js';

export class Connection {
  /**
   * {@code base}: the server origin; {@code store}: a Storage-like object for the token;
   * {@code events}: onOpen(isFirst), onPush(body), onState(connected), onFatal(RequestError),
   * claim() (the signed user {userId, userHash} the page identified, or null), onVisitorChanged().
   */
  constructor(base, site, store, events) {
    this.base = base;
    this.site = site;
    this.store = store;
    this.events = events;
    this.tokenKey = 'plauder.' + site + '.token';
    // Whose token is kept: the verified user's id, absent for an anonymous visitor.
    this.userKey = 'plauder.' + site + '.user';
    this.visitorId = null;
    this.token = null;
    this.features = {};
    this.bridge = new BridgeConnection(base + '/eventbus', {
      backoff: BACKOFF.visitor,
      pingIntervalMs: PING_INTERVAL_MS.visitor,
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

  /**
   * Asks for a (fresh) visitor token: the signed user's visitor when the page identified one, else
   * the earlier anonymous visitor (its token passed along), else a new one. A verified user's
   * token is never handed on to an anonymous visitor or another user.
   */
  async mint() {
    const earlier = this.read(this.tokenKey);
    const earlierUser = this.read(this.userKey);
    const claim = this.events.claim ? this.events.claim() : null;
    let body;
    let user = null;
    if (claim) {
      try {
        body = await this.askForVisitor({ userId: claim.userId, userHash: claim.userHash });
        user = claim.userId;
      } catch (e) {
        if (!['identity_invalid', 'identity_not_enabled', 'invalid_input'].includes(e.code)) throw e;
        console.warn('Plauder: the signed user was refused (' + e.code + '): ' + e.message + ' – chatting anonymously');
      }
    }
    if (!body) body = await this.askForVisitor(earlier && !earlierUser ? { token: earlier } : {});
    this.token = body.token;
    this.visitorId = body.visitorId;
    this.verified = body.verified === true;
    this.features = body.features && typeof body.features === 'object' ? body.features : {};
    this.siteLanguages = body.site && Array.isArray(body.site.languages) ? body.site.languages : null;
    this.prechatForm = body.site && body.site.prechatForm && typeof body.site.prechatForm === 'object' ? body.site.prechatForm : null;
    this.retentionDays = body.site && Number.isInteger(body.site.retentionDays) ? body.site.retentionDays : null;
    this.topics = validTopics(body.site && body.site.topics);
    try {
      this.store.setItem(this.tokenKey, body.token);
      if (user) this.store.setItem(this.userKey, user);
      else this.store.removeItem(this.userKey);
    } catch (e) {
      // storage blocked: a new visitor per page, still better than no chat
    }
  }

  async askForVisitor(body) {
    return (await callApi('POST', this.base + '/api/v1/sites/' + encodeURIComponent(this.site) + '/visitors', { body })) || {};
  }

  read(key) {
    try {
      return this.store.getItem(key);
    } catch (e) {
      return null; // storage blocked
    }
  }

  /** New token, and a new connection if that changed who we are (and so the inbox). */
  async refreshIdentity() {
    if (this.refreshing) return this.refreshing;
    this.refreshing = (async () => {
      const before = this.visitorId;
      await this.mint();
      if (before !== this.visitorId) {
        if (before && this.events.onVisitorChanged) this.events.onVisitorChanged();
        this.bridge.reconnect();
      }
    })().finally(() => { this.refreshing = null; });
    return this.refreshing;
  }
}
