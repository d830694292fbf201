// The history view: closed chats and offline messages of the site, filtered by date range, agent
// and text, each with a read-only transcript that can be downloaded.
//
// With text, the server searches the messages (GET /api/v1/messages) and the agents' notes
// (GET /api/v1/wrap-ups); with a tag only, the conversations carrying it are listed; without
// either, the newest conversations of the kind are listed (GET /api/v1/conversations) and
// filtered here. The open conversation's tags and notes are in its wrap-up panel (wrapup.js).

import { $, el, show, dateTime } from './dom.js';
import { t } from './strings.js';
import { api } from './api.js';
import { isTokenFailure } from '../client-core.js';
import { dateField, periodOf } from './dates.js';
import { TranscriptView, conversationTitle } from './transcript.js';
import { EmailAnswer } from './emailanswer.js';
import { WrapUpPanel, findWrapUps, loadTagSuggestions } from './wrapup.js';

const SEARCH_LIMIT = 100;
const SNIPPET_BEFORE = 30;
const SNIPPET_LENGTH = 110;

/** The text around the first match of `q`, with the match in a <mark>; all of it as text nodes. */
function snippet(text, q) {
  const span = el('span', 'chat-item-preview');
  const at = q ? text.toLowerCase().indexOf(q.toLowerCase()) : -1;
  if (at < 0) {
    span.textContent = text;
    return span;
  }
  const start = Math.max(0, at - SNIPPET_BEFORE);
  const end = Math.min(text.length, start + Math.max(SNIPPET_LENGTH, q.length + SNIPPET_BEFORE));
  span.append(
    document.createTextNode((start > 0 ? '…' : '') + text.slice(start, at)),
    el('mark', null, text.slice(at, at + q.length)),
    document.createTextNode(text.slice(at + q.length, end) + (end < text.length ? '…' : '')),
  );
  return span;
}

export class History {
  constructor(ctx) {
    this.ctx = ctx; // {bus, session, failed, toast}
    this.kind = 'closed';
    this.selectedId = null;
    this.transcript = new TranscriptView(ctx, 'transcript');
    this.emailAnswer = new EmailAnswer(ctx, (conv) => this.transcript.show(conv));
    this.wrapUp = new WrapUpPanel(ctx, 'history-wrapup');
    $('history-closed').addEventListener('click', () => this.switchKind('closed'));
    $('history-offline').addEventListener('click', () => this.switchKind('offline'));
    $('history-filter').addEventListener('submit', (event) => {
      event.preventDefault();
      this.refresh();
    });
    dateField($('history-from'));
    dateField($('history-to'));
    $('history-reset').addEventListener('click', () => {
      $('history-filter').reset();
      this.refresh();
    });
  }

  switchKind(kind) {
    this.kind = kind;
    $('history-closed').setAttribute('aria-pressed', String(kind === 'closed'));
    $('history-offline').setAttribute('aria-pressed', String(kind === 'offline'));
    this.refresh();
  }

  /** What the filter asks for; the period's `error` when its dates are no period. */
  filter() {
    const period = periodOf($('history-from'), $('history-to'), false);
    return {
      q: $('history-q').value.trim(),
      tag: $('history-tag').value.trim(),
      agentId: $('history-agent').value,
      from: period.from,
      to: period.to,
      error: period.error,
    };
  }

  async loadAgents() {
    const select = $('history-agent');
    const chosen = select.value;
    let agents;
    try {
      agents = (await api('GET', '/api/v1/agents', this.ctx.session.token)).agents;
    } catch (e) {
      if (e.status === 401) this.ctx.failed(e);
      return;
    }
    select.replaceChildren(el('option', null, t('anyAgent')));
    select.firstChild.value = '';
    for (const agent of agents) {
      const option = el('option', null, agent.name);
      option.value = agent.id;
      select.append(option);
    }
    select.value = agents.some((a) => a.id === chosen) ? chosen : '';
  }

  async refresh() {
    const filter = this.filter();
    const count = $('history-count');
    if (filter.error) {
      count.textContent = filter.error;
      count.className = 'muted empty error';
      show(count, true);
      return;
    }
    await this.loadAgents();
    loadTagSuggestions(this.ctx.session.token);
    // A search of a large history takes seconds: it says so meanwhile, and only the latest one's answer is shown.
    const run = (this.runs = (this.runs || 0) + 1);
    if (filter.q) {
      count.textContent = t('searching');
      count.className = 'muted empty';
      show(count, true);
    }
    $('history-list').setAttribute('aria-busy', 'true');
    let entries;
    try {
      entries = filter.q ? await this.search(filter) : filter.tag ? await this.tagged(filter) : await this.list(filter);
    } catch (e) {
      if (run !== this.runs) return;
      $('history-list').removeAttribute('aria-busy');
      if (e.status === 401 || isTokenFailure(e)) this.ctx.failed(e);
      count.textContent = e.message || t('genericError', { code: e.code });
      count.className = 'muted empty error';
      return;
    }
    if (run !== this.runs) return;
    $('history-list').removeAttribute('aria-busy');
    this.render(entries.items, filter.q);
    const filtered = filter.q || filter.tag || filter.agentId || filter.from || filter.to;
    count.className = 'muted empty';
    count.textContent = !filtered ? ''
      : entries.capped ? t('resultsCapped', { n: entries.items.length, max: SEARCH_LIMIT }) : t('results', { n: entries.items.length });
    show(count, !!filtered);
  }

  /** Conversations of the kind, newest first, filtered here by time (closed, else created) and agent. */
  async list(filter) {
    const reply = await api('GET', '/api/v1/conversations?status=' + this.kind, this.ctx.session.token);
    const items = reply.conversations.filter((conv) => this.matches(conv, filter)).map((conv) => ({ conv }));
    return { items, capped: false };
  }

  /** Whether a conversation is in the time range (closed, else created) and of the agent. */
  matches(conv, filter) {
    const time = new Date(conv.closedAt || conv.createdAt);
    if (filter.from && time < filter.from) return false;
    if (filter.to && time >= filter.to) return false;
    return !filter.agentId || conv.agentId === filter.agentId;
  }

  /** The conversations carrying the tag, filtered here as a list is. */
  async tagged(filter) {
    const results = await findWrapUps(this.ctx.session.token, { tag: filter.tag });
    return { items: results.filter((r) => r.conversation.status === this.kind && this.matches(r.conversation, filter)).map((r) => ({ conv: r.conversation })), capped: false };
  }

  /** Adds the conversations whose notes hold the text (one entry each, its first matching note); with a tag, keeps only those carrying it. */
  async withNotes(byConversation, filter) {
    const token = this.ctx.session.token;
    const [noted, tagged] = await Promise.all([findWrapUps(token, { q: filter.q, tag: filter.tag }),
      filter.tag ? findWrapUps(token, { tag: filter.tag }) : null]);
    if (tagged) {
      const ids = new Set(tagged.map((r) => r.conversation.id));
      for (const id of [...byConversation.keys()]) if (!ids.has(id)) byConversation.delete(id);
    }
    for (const { conversation, notes } of noted) {
      if (conversation.status !== this.kind || !this.matches(conversation, filter)) continue;
      const entry = byConversation.get(conversation.id);
      if (entry) entry.hits += notes.length;
      else byConversation.set(conversation.id, { conv: conversation, note: notes[0], hits: notes.length });
    }
  }

  /** Messages containing the text; one entry per conversation (its newest match), of this kind only. */
  async search(filter) {
    const params = new URLSearchParams({ q: filter.q });
    if (filter.agentId) params.set('agentId', filter.agentId);
    if (filter.from) params.set('from', filter.from.toISOString());
    if (filter.to) params.set('to', filter.to.toISOString());
    const reply = await api('GET', '/api/v1/messages?' + params, this.ctx.session.token);
    const byConversation = new Map();
    for (const { message, conversation } of reply.results) {
      if (!conversation || conversation.status !== this.kind) continue;
      const entry = byConversation.get(conversation.id);
      if (entry) entry.hits++;
      else byConversation.set(conversation.id, { conv: conversation, message, hits: 1 });
    }
    await this.withNotes(byConversation, filter);
    return { items: [...byConversation.values()], capped: reply.results.length >= SEARCH_LIMIT };
  }

  render(items, q) {
    const list = $('history-list');
    list.replaceChildren();
    for (const entry of items) {
      const { conv, message, note } = entry;
      const item = el('li');
      const button = el('button', 'chat-item');
      button.type = 'button';
      button.dataset.conversationId = conv.id;
      if (conv.id === this.selectedId) button.setAttribute('aria-current', 'true');
      const top = el('span', 'chat-item-top');
      top.append(el('span', 'chat-item-name', conversationTitle(conv)));
      top.append(el('span', 'chat-item-time muted', dateTime(message ? message.time : conv.closedAt || conv.createdAt)));
      const bottom = el('span', 'chat-item-bottom');
      if (message) {
        bottom.append(snippet(message.text, q));
        if (entry.hits > 1) bottom.append(el('span', 'badge', entry.hits));
      } else if (note) {
        bottom.append(el('span', 'badge note-badge', t('noteHit')), snippet(note.text, q));
        if (entry.hits > 1) bottom.append(el('span', 'badge', entry.hits));
      } else {
        const details = [conv.agentName, conv.visitorEmail, conv.rating ? t('rating', { n: conv.rating }) : null];
        bottom.append(el('span', 'chat-item-preview', details.filter(Boolean).join(' · ')));
      }
      button.append(top, bottom);
      button.addEventListener('click', () => this.open(conv, message ? message.seq : null));
      item.append(button);
      list.append(item);
    }
    show($('history-empty'), items.length === 0);
  }

  async open(conv, highlightSeq = null) {
    this.selectedId = conv.id;
    for (const b of $('history-list').querySelectorAll('button')) {
      if (b.dataset.conversationId === conv.id) b.setAttribute('aria-current', 'true');
      else b.removeAttribute('aria-current');
    }
    if (await this.transcript.show(conv, highlightSeq)) {
      this.emailAnswer.showFor(conv);
      this.wrapUp.showFor(conv);
      show($('transcript-empty'), false);
      show($('transcript-pane'), true);
      if (window.matchMedia('(max-width: 640px)').matches) $('transcript-pane').scrollIntoView();
    }
  }
}
