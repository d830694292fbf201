// Live visitors: who is on the site now (agent.visitors, then `visitors` / `visitorLeft` pushes),
// on which page and for how long, how many pages they saw, new or returning; and an invitation
// to chat in the agent's own words (agent.invite). While the view is open the list is watched
// (renewed every 25 s, ended when the view closes): changes come within a quarter second, else
// within a few seconds (enough for the count on the tab and the presence beside a chat).

import { $, el, show, elapsed } from './dom.js';
import { t } from './strings.js';
import { isTokenFailure } from '../client-core.js';
import { Watch } from './watch.js';

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
    this.visitors = new Map(); // visitorId -> presence
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
    this.visitors = new Map((reply.visitors || []).map((v) => [v.visitorId, v]));
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
    for (const id of ids) if (!this.visitors.has(id)) this.visitors.set(id, { visitorId: id });
    this.renderCount();
    for (const id of ids) this.ctx.onPresence(id);
  }

  /**
   * A visitor the server says is online (in the record the visitor panel fetched) and the list does
   * not know yet: she came a moment ago, before the push that tells of her. One whose leaving came
   * in the last seconds is not taken back: that record was read before she left.
   */
  learn(presence) {
    const id = presence && presence.visitorId;
    if (typeof id !== 'string' || this.visitors.has(id) || this.left.has(id)) return;
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

  /** Latest page first, as the server sends the list. */
  get ordered() {
    return [...this.visitors.values()].sort((a, b) => (b.pageSince || '').localeCompare(a.pageSince || ''));
  }

  render() {
    const list = $('live-list');
    list.replaceChildren();
    for (const v of this.ordered) {
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
      list.append(row);
    }
    this.renderCount();
    this.tick();
  }

  renderCount() {
    const count = this.visitors.size;
    show($('live-empty'), count === 0);
    $('live-count').textContent = String(count);
    show($('live-count'), count > 0);
  }

  tick() {
    for (const span of $('live-list').querySelectorAll('[data-since]')) {
      span.textContent = t('onPageFor', { time: elapsed(span.dataset.since) });
    }
    for (const span of $('live-list').querySelectorAll('[data-online-since]')) {
      span.textContent = t('onlineFor', { time: elapsed(span.dataset.onlineSince) });
    }
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
      if (v) {
        v.offerOpen = true;
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
