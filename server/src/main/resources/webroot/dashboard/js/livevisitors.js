// Live visitors: who is on the site now (agent.visitors, then `visitors` / `visitorLeft` pushes),
// on which page and for how long, how many pages they saw, new or returning; and an invitation
// to chat in the agent's own words (agent.invite). While the view is open the list is watched
// (renewed every 25 s, ended when the view closes): changes come within a quarter second, else
// within a few seconds (enough for the count on the tab and the presence beside a chat).
// A big shop has thousands online: the list shows the latest ROWS of them (the server sends that
// many in full, the others by id) and the count on the tab all; pushes are drawn at most once a
// frame, and only the rows whose visitor changed are built again.

import { $, el, show, elapsed } from './dom.js';
import { integer } from './format.js';
import { t } from './strings.js';
import { isTokenFailure } from '../client-core.js';
import { Watch } from './watch.js';

/** The most rows the list shows: as many as agent.visitors sends in full (LiveVisitorsJson.IN_FULL on the server). */
const ROWS = 100;

/** A visitor known to be online only by its id (`others`, `visitorsOnline`): counted, not listed. */
function byIdOnly(visitorId) {
  return { visitorId, idOnly: true };
}

/** A page address as a link only when it is http(s); anything else stays text. */
function address(url) {
  if (typeof url === 'string' && /^https?:\/\//i.test(url)) {
    const link = el('a', 'page-url', url);
    link.href = url;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    return link;
  }
  return el('span', 'page-url', url || '');
}

export class LiveVisitors {
  constructor(ctx) {
    this.ctx = ctx; // {bus, failed, toast, onPresence}
    this.visitors = new Map(); // visitorId -> presence, or byIdOnly
    this.rows = new Map(); // visitorId -> {presence, row}: the rows on screen, each drawn from that presence
    this.drawPending = false;
    this.left = new Set(); // visitors whose leaving came in the last seconds (see learn)
    this.watch = new Watch(ctx, 'agent.visitors', () => this.load());
    $('invite-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.sendInvite();
    });
    $('invite-cancel').addEventListener('click', () => $('invite-dialog').close());
    setInterval(() => this.tick(), 1000);
  }

  /** The view opened: watch the list (fetched afresh) until it closes. */
  open() {
    return this.watch.start();
  }

  close() {
    this.watch.stop();
  }

  /** The whole list from the server (after connecting, on opening the view, while offline); renews the watch while open. */
  async load() {
    let reply;
    try {
      reply = await this.ctx.bus.request('agent.visitors', this.watch.watching ? { watching: true } : {});
    } catch (e) {
      if (isTokenFailure(e)) this.ctx.failed(e);
      return;
    }
    this.visitors = new Map((reply.visitors || []).filter((v) => v && v.visitorId).map((v) => [v.visitorId, v]));
    for (const id of reply.others || []) if (typeof id === 'string' && !this.visitors.has(id)) this.visitors.set(id, byIdOnly(id));
    this.render();
    this.ctx.onPresence(null);
  }

  /** A `visitors` push: the visitors that changed in the last moment, each as it is now. */
  onVisitors(push) {
    const changed = (push.visitors || []).filter((v) => v && v.visitorId);
    if (changed.length === 0) return;
    for (const v of changed) this.visitors.set(v.visitorId, v);
    this.render();
    for (const v of changed) this.ctx.onPresence(v.visitorId);
  }

  /**
   * A `visitorsOnline` push (the list is not watched): these visitors are online and changed. Known
   * only by id until the list is opened and fetched — enough for the count and "on the site now".
   */
  onVisitorsOnline(push) {
    const ids = (push.visitorIds || []).filter((id) => typeof id === 'string');
    if (ids.length === 0) return;
    for (const id of ids) if (!this.visitors.has(id)) this.visitors.set(id, byIdOnly(id));
    this.renderCount();
    for (const id of ids) this.ctx.onPresence(id);
  }

  /**
   * A visitor the server says is online (in the record the visitor panel fetched) and the list does
   * not know yet: she came a moment ago, before the push that tells of her. One whose leaving came
   * in the last seconds is not taken back: that record was read before she left. One known only by
   * id is known in full from then on.
   */
  learn(presence) {
    const id = presence && presence.visitorId;
    const known = this.visitors.get(id);
    if (typeof id !== 'string' || (known && !known.idOnly) || this.left.has(id)) return;
    this.visitors.set(id, presence);
    this.render();
  }

  onVisitorLeft(push) {
    const id = push.visitorId;
    this.left.add(id);
    setTimeout(() => this.left.delete(id), 10000);
    if (this.visitors.delete(push.visitorId)) {
      this.render();
      this.ctx.onPresence(push.visitorId);
    }
  }

  /** The latest ROWS visitors known in full, latest page first, as the server sends the list. */
  get latest() {
    const known = [];
    for (const v of this.visitors.values()) if (!v.idOnly) known.push([Date.parse(v.pageSince) || 0, v]);
    return known.sort((a, b) => b[0] - a[0]).slice(0, ROWS).map(([, v]) => v);
  }

  /** The count now; the list with the next frame, however many changes come before it. */
  render() {
    this.renderCount();
    if (this.drawPending) return;
    this.drawPending = true;
    requestAnimationFrame(() => {
      this.drawPending = false;
      this.draw();
    });
  }

  /** Puts the latest visitors' rows in order, building only those of visitors that changed; keeps the focus in a redrawn row. */
  draw() {
    const list = $('live-list');
    const active = list.contains(document.activeElement) ? document.activeElement : null;
    const focused = active && active.closest('.live-item');
    const refocus = active && (active.matches('a.page-url') ? 'a.page-url' : 'button.invite');
    const rows = new Map();
    this.latest.forEach((v, i) => {
      const shown = this.rows.get(v.visitorId);
      const row = shown && shown.presence === v ? shown.row : this.row(v);
      rows.set(v.visitorId, { presence: v, row });
      if (list.children[i] !== row) list.insertBefore(row, list.children[i] || null);
    });
    while (list.children.length > rows.size) list.lastElementChild.remove();
    this.rows = rows;
    if (focused && !focused.isConnected) {
      const again = rows.get(focused.dataset.visitorId);
      const target = again && again.row.querySelector(refocus);
      if (target) target.focus();
    }
    this.renderCount();
  }

  row(v) {
    const row = el('li', 'live-item');
    row.dataset.visitorId = v.visitorId;
    const who = el('div', 'live-who');
    const name = v.name || t('anonymous', { id: v.visitorId.slice(-4) }); // set only from the server's record, shown as text
    who.append(el('span', 'live-name', name));
    who.append(el('span', 'badge ' + (v.returning ? 'returning' : 'new'), t(v.returning ? 'returningShort' : 'newShort')));
    if (v.language) who.append(el('span', 'muted live-lang', v.language.toUpperCase()));
    const page = el('div', 'live-page');
    page.append(el('span', 'page-title', v.title || v.url || ''), address(v.url));
    const numbers = el('div', 'live-numbers muted');
    const onPage = el('span', 'live-on-page');
    onPage.dataset.since = v.pageSince;
    const online = el('span', 'live-online');
    online.dataset.onlineSince = v.onlineSince;
    numbers.append(onPage, el('span', 'live-pages', t(v.pagesSeen === 1 ? 'pagesSeenOne' : 'pagesSeenCount', { n: v.pagesSeen })), online);
    const action = el('div', 'live-action');
    if (v.offerOpen) {
      action.append(el('span', 'badge offer-open', t('offerOpen')));
    } else {
      const invite = el('button', 'small invite', t('invite'));
      invite.type = 'button';
      invite.setAttribute('aria-label', t('invite') + ': ' + name);
      invite.addEventListener('click', () => this.openInvite(v));
      action.append(invite);
    }
    row.append(who, page, numbers, action);
    this.tickRow(row);
    return row;
  }

  /** The count on the tab (everyone known online) and, when the list shows fewer, how many of them it shows. */
  renderCount() {
    const count = this.visitors.size;
    show($('live-empty'), count === 0);
    $('live-count').textContent = integer(count);
    show($('live-count'), count > 0);
    const listed = this.rows.size;
    $('live-more').textContent = t('liveMore', { shown: integer(listed), total: integer(count) });
    show($('live-more'), listed > 0 && count > listed);
  }

  /** The times on the rows on screen (at most ROWS). */
  tick() {
    for (const { row } of this.rows.values()) this.tickRow(row);
  }

  tickRow(row) {
    const onPage = row.querySelector('[data-since]');
    onPage.textContent = t('onPageFor', { time: elapsed(onPage.dataset.since) });
    const online = row.querySelector('[data-online-since]');
    online.textContent = t('onlineFor', { time: elapsed(online.dataset.onlineSince) });
  }

  openInvite(v) {
    const dialog = $('invite-dialog');
    dialog.dataset.visitorId = v.visitorId;
    $('invite-who').textContent = [t('anonymous', { id: v.visitorId.slice(-4) }), v.title || v.url].filter(Boolean).join(' · ');
    $('invite-text').value = t('inviteDefault');
    show($('invite-error'), false);
    dialog.showModal();
    $('invite-text').focus();
  }

  async sendInvite() {
    const dialog = $('invite-dialog');
    const text = $('invite-text').value.trim();
    if (!text) return;
    $('invite-send').disabled = true;
    try {
      await this.ctx.bus.request('agent.invite', { visitorId: dialog.dataset.visitorId, text });
      dialog.close();
      this.ctx.toast(t('invited'));
      const v = this.visitors.get(dialog.dataset.visitorId);
      if (v && !v.idOnly) {
        this.visitors.set(v.visitorId, { ...v, offerOpen: true }); // a new presence, so that its row is drawn again
        this.render();
      }
    } catch (e) {
      const known = { visitor_chatting: 'visitorChatting', offer_open: 'offerAlreadyOpen', not_found: 'visitorLeftSite' };
      $('invite-error').textContent = known[e.code] ? t(known[e.code]) : (e.message || t('genericError', { code: e.code }));
      show($('invite-error'), true);
      if (isTokenFailure(e)) this.ctx.failed(e);
    } finally {
      $('invite-send').disabled = false;
    }
  }
}
