// The visitor panel beside the open chat: who the visitor is, where they are on the site, on
// what device, which pages they saw, and their earlier conversations. Admins can erase the
// visitor's data from here.

import { $, el, show, dateTime, clockTime, elapsed } from './dom.js';
import { t } from './strings.js';
import { api } from './api.js';
import { describeUserAgent } from './useragent.js';
import { TranscriptView } from './transcript.js';

const REFRESH_MS = 15000;
const COLLAPSED_KEY = 'plauder.dashboard.visitorPanelCollapsed';
const STATUS_WORDS = { active: 'statusActive', closed: 'statusClosed', queued: 'statusQueued', offline: 'statusOffline' };

/** A page's address as a link, only for http(s) addresses; anything else stays plain text. */
function pageAddress(url) {
  if (typeof url === 'string' && /^https?:\/\//i.test(url)) {
    const link = el('a', 'page-url', url);
    link.href = url;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    return link;
  }
  return el('span', 'page-url', url || '');
}

function fact(list, label, value, valueClass) {
  list.append(el('dt', null, label), el('dd', valueClass || null, value));
}

export class VisitorPanel {
  constructor(ctx) {
    this.ctx = ctx; // {bus, session, failed, toast, chatsVisible, presenceOf, learnPresence}
    this.conv = null;       // the open chat's conversation
    this.visitor = null;    // the panel's data as the server last sent it
    this.fingerprint = null; // what the panel shows now, to skip redrawing the same
    this.dialogTranscript = new TranscriptView(ctx, 'dialog-transcript');
    this.setCollapsed(localStorage.getItem(COLLAPSED_KEY) === 'true');
    $('visitor-toggle').addEventListener('click', () => this.setCollapsed(!this.collapsed));
    $('erase-dialog').addEventListener('close', () => this.onEraseDialog());
    setInterval(() => this.tick(), 1000);
    setInterval(() => {
      if (this.conv && !this.collapsed && this.ctx.chatsVisible() && !document.hidden) this.load();
    }, REFRESH_MS);
  }

  setCollapsed(collapsed) {
    this.collapsed = collapsed;
    localStorage.setItem(COLLAPSED_KEY, String(collapsed));
    $('visitor-panel').classList.toggle('collapsed', collapsed);
    $('chats-view').classList.toggle('panel-collapsed', collapsed);
    show($('visitor-body'), !collapsed);
    const toggle = $('visitor-toggle');
    toggle.setAttribute('aria-expanded', String(!collapsed));
    toggle.title = t(collapsed ? 'showPanel' : 'hidePanel');
    toggle.setAttribute('aria-label', toggle.title);
    if (!collapsed && this.conv) this.load();
  }

  /** The open chat changed (null: none). */
  showFor(conv) {
    const sameVisitor = this.conv && conv && this.conv.visitorId === conv.visitorId;
    this.conv = conv;
    show($('visitor-panel'), !!conv);
    if (!conv) return;
    if (!sameVisitor) {
      this.visitor = null;
      $('visitor-body').replaceChildren(el('p', 'muted panel-loading', '…'));
    }
    this.load();
  }

  async load() {
    const conv = this.conv;
    if (!conv || !conv.visitorId) return;
    try {
      const visitor = await api('GET', '/api/v1/visitors/' + encodeURIComponent(conv.visitorId), this.ctx.session.token);
      if (this.conv !== conv) return;
      // redrawn only when something changed, so a periodic refresh keeps the agent's scroll and focus
      const fingerprint = JSON.stringify(visitor) + '|' + conv.id;
      if (fingerprint === this.fingerprint && $('visitor-facts')) return;
      this.fingerprint = fingerprint;
      this.visitor = visitor;
      if (visitor.presence) this.ctx.learnPresence(visitor.presence);
      this.render();
    } catch (e) {
      if (this.conv !== conv) return;
      if (e.status === 401) {
        this.ctx.failed(e);
        return;
      }
      this.visitor = null;
      this.fingerprint = null;
      $('visitor-body').replaceChildren(el('p', 'muted', e.code === 'not_found' ? t('visitorGone') : t('genericError', { code: e.code })));
    }
  }

  render() {
    const v = this.visitor;
    const body = $('visitor-body');
    const facts = el('dl', 'facts');
    facts.id = 'visitor-facts';
    fact(facts, t('name'), v.name || t('noName'), v.name ? 'visitor-name' : 'visitor-name muted');
    fact(facts, t('email'), v.email || t('noName'), v.email ? 'visitor-email' : 'visitor-email muted');
    fact(facts, t('device'), describeUserAgent(v.userAgent, t), 'visitor-device');
    fact(facts, t('visits'), v.visits > 1 ? t('returningVisitor', { n: v.visits }) : t('newVisitor'), 'visitor-visits');
    fact(facts, t('presenceNow'), '', 'visitor-presence');
    fact(facts, t('firstSeen'), dateTime(v.createdAt));
    const userAgent = facts.querySelector('.visitor-device');
    if (v.userAgent) userAgent.title = v.userAgent;
    if (v.verified) {
      // signed in on the site, proven by the site's backend (identity verification)
      const badge = el('span', 'verified-badge', t('verifiedBadge'));
      badge.id = 'visitor-verified';
      badge.title = t('verifiedHelp');
      facts.querySelector('.visitor-name').append(' ', badge);
    }

    body.replaceChildren(facts, this.currentPage(v), this.pages(v), this.earlierChats(v));
    if (this.ctx.session.role === 'admin') {
      const erase = el('button', 'danger erase', t('eraseVisitor'));
      erase.type = 'button';
      erase.id = 'erase-visitor';
      erase.addEventListener('click', () => this.askErase());
      body.append(erase);
    }
    this.showPresence();
    this.tick();
  }

  /** Whether the visitor is on the site now, as the live-visitors list knows it. */
  showPresence() {
    const line = document.querySelector('#visitor-facts .visitor-presence');
    if (!line || !this.visitor) return;
    const online = this.ctx.presenceOf(this.visitor.id) !== null;
    line.textContent = t(online ? 'onSiteNow' : 'notOnSite');
    line.classList.toggle('ok', online);
    line.classList.toggle('muted', !online);
  }

  /** A visitor came, moved or left (null: the whole list is new): the open one's panel follows. */
  presenceChanged(visitorId) {
    if (!this.visitor || (visitorId !== null && visitorId !== this.visitor.id)) return;
    this.showPresence();
    // a page change is in the visitor record too: fetch it now rather than at the next refresh
    if (visitorId !== null && !this.collapsed) this.load();
  }

  currentPage(v) {
    const section = el('section', 'panel-section');
    section.append(el('h3', null, t('currentPage')));
    const page = v.currentPage;
    if (!page) {
      section.append(el('p', 'muted', t('noPage')));
      return section;
    }
    const box = el('div', 'current-page');
    box.id = 'visitor-current-page';
    box.append(el('span', 'page-title', page.title || page.url), pageAddress(page.url));
    const since = el('span', 'muted on-page');
    since.dataset.onPageSince = page.at;
    box.append(since);
    section.append(box);
    return section;
  }

  pages(v) {
    const section = el('section', 'panel-section');
    const heading = el('h3', null, t('pagesSeen') + ' ');
    const count = el('span', 'muted', `(${v.pageCount})`);
    count.title = t(v.pageCount === 1 ? 'pagesSeenOne' : 'pagesSeenCount', { n: v.pageCount });
    heading.append(count);
    section.append(heading);
    const list = el('ol', 'page-list');
    list.id = 'visitor-pages';
    for (const page of [...v.pages].reverse()) {
      const item = el('li');
      const when = el('time', 'muted', isToday(page.at) ? clockTime(page.at) : dateTime(page.at));
      when.dateTime = page.at;
      const words = el('span', 'page-words');
      words.append(el('span', 'page-title', page.title || page.url), pageAddress(page.url));
      item.append(when, words);
      list.append(item);
    }
    section.append(list);
    return section;
  }

  earlierChats(v) {
    const section = el('section', 'panel-section');
    section.append(el('h3', null, t('earlierChats')));
    // the visitor's own, and what its e-mails follow up (a left message or chat of the widget's visitor)
    const earlier = [...v.conversations, ...(v.followedUp || [])].filter((c) => !this.conv || c.id !== this.conv.id)
      .sort((a, b) => new Date(b.createdAt) - new Date(a.createdAt));
    if (earlier.length === 0) {
      section.append(el('p', 'muted', t('noEarlierChats')));
      return section;
    }
    const list = el('ul', 'earlier-list');
    list.id = 'visitor-conversations';
    for (const conv of earlier) {
      const item = el('li');
      item.dataset.conversationId = conv.id;
      const words = el('span', 'earlier-words');
      words.append(el('span', null, dateTime(conv.createdAt)));
      words.append(el('span', 'muted', [conv.agentName, t(STATUS_WORDS[conv.status] || 'statusClosed')].filter(Boolean).join(' · ')));
      const read = el('button', 'small', t('readTranscript'));
      read.type = 'button';
      read.setAttribute('aria-label', t('readTranscript') + ': ' + dateTime(conv.createdAt));
      read.addEventListener('click', () => this.openTranscript(conv));
      item.append(words, read);
      list.append(item);
    }
    section.append(list);
    return section;
  }

  async openTranscript(conv) {
    if (await this.dialogTranscript.show(conv)) {
      if (!$('transcript-dialog').open) $('transcript-dialog').showModal();
      const log = $('dialog-transcript-log');
      log.scrollTop = log.scrollHeight;
    }
  }

  tick() {
    for (const since of document.querySelectorAll('[data-on-page-since]')) {
      since.textContent = t('onPageFor', { time: elapsed(since.dataset.onPageSince) });
    }
  }

  // ---- erasure (admins) ----

  askErase() {
    const v = this.visitor;
    if (!v) return;
    const name = v.name || v.email || t('anonymous', { id: v.id.slice(-4) });
    $('erase-title').textContent = t('eraseTitle', { name });
    $('erase-what').textContent = t('eraseWhat', { n: v.conversations.length });
    const dialog = $('erase-dialog');
    dialog.dataset.visitorId = v.id;
    dialog.returnValue = '';
    dialog.showModal();
    $('erase-cancel').focus();
  }

  async onEraseDialog() {
    const dialog = $('erase-dialog');
    if (dialog.returnValue !== 'erase') return;
    try {
      const result = await api('DELETE', '/api/v1/visitors/' + encodeURIComponent(dialog.dataset.visitorId), this.ctx.session.token);
      this.ctx.toast(t('erased', { conversations: result.conversations, messages: result.messages }));
      this.load();
    } catch (e) {
      this.ctx.failed(e);
    }
  }
}

function isToday(iso) {
  return new Date(iso).toDateString() === new Date().toDateString();
}
