// Wrapping a conversation up, for agents only: its tags (added with suggestions from the site's
// tags in use, removed one by one), its internal notes and the visitor's rating comment. One panel
// in the chat view and one in history, each a <details> built into `${prefix}-wrapup`. What
// colleagues add arrives as `wrapUp` pushes (`onPush`).

import { $, el, show, dateTime } from './dom.js';
import { t } from './strings.js';
import { api } from './api.js';

let suggestionList = null; // one <datalist> of the site's tags in use, shared by every tag field

/** Fills the shared <datalist id="tag-suggestions"> from GET /api/v1/tags. */
export async function loadTagSuggestions(token) {
  try {
    const reply = await api('GET', '/api/v1/tags', token);
    if (!suggestionList) suggestionList = $('tag-suggestions');
    suggestionList.replaceChildren(...reply.tags.map((entry) => {
      const option = el('option');
      option.value = entry.tag;
      return option;
    }));
  } catch {
    // suggestions are a help only
  }
}

/** A labelled field: the <label> for it and the element. */
function labelled(id, text, field) {
  field.id = id;
  const label = el('label', null, text);
  label.htmlFor = id;
  return [label, field];
}

export class WrapUpPanel {
  /** `prefix`: the id of an empty <details> in the page (`chat-wrapup`, `history-wrapup`); the parts get ids `${prefix}-…`. */
  constructor(ctx, prefix) {
    this.ctx = ctx; // {session, failed}
    this.prefix = prefix;
    this.conv = null;
    this.tags = [];
    this.noteCount = 0;
    this.build();
    this.part('tag-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.addTag();
    });
    this.part('note-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.addNote();
    });
    this.part('note-text').addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        this.addNote();
      }
    });
  }

  part(name) {
    return $(`${this.prefix}-${name}`);
  }

  build() {
    const id = (name) => `${this.prefix}-${name}`;
    const node = (tag, name, className, text) => {
      const made = el(tag, className, text);
      made.id = id(name);
      return made;
    };
    const summary = node('summary', 'summary', 'wrapup-summary');
    const tagInput = el('input');
    tagInput.type = 'text';
    tagInput.maxLength = 30;
    tagInput.autocomplete = 'off';
    tagInput.placeholder = t('tagPlaceholder');
    tagInput.setAttribute('list', 'tag-suggestions');
    const tagButton = el('button', 'small', t('addTag'));
    tagButton.type = 'submit';
    const tagForm = node('form', 'tag-form', 'wrapup-row');
    tagForm.append(...labelled(id('tag-input'), t('addTag'), tagInput), tagButton);
    tagForm.firstChild.className = 'visually-hidden';
    const noteText = el('textarea');
    noteText.rows = 2;
    noteText.maxLength = 2000;
    noteText.placeholder = t('notePlaceholder');
    const noteButton = el('button', 'small', t('addNote'));
    noteButton.type = 'submit';
    const noteForm = node('form', 'note-form', 'wrapup-row');
    noteForm.append(...labelled(id('note-text'), t('notePlaceholder'), noteText), noteButton);
    noteForm.firstChild.className = 'visually-hidden';
    const comment = node('p', 'comment', 'wrapup-comment');
    comment.append(el('strong', null, t('ratingComment') + ': '), node('span', 'comment-text', 'wrapup-comment-text'));
    const error = node('p', 'error', 'error');
    error.setAttribute('role', 'alert');
    error.hidden = true;
    $(this.prefix).append(summary,
      el('h3', 'wrapup-heading', t('tags')), node('ul', 'tags', 'tag-list'), node('p', 'no-tags', 'muted', t('noTags')), tagForm,
      el('h3', 'wrapup-heading', t('notes')), el('p', 'muted small-note', t('notesHelp')), node('ol', 'notes', 'wrapup-notes'),
      node('p', 'no-notes', 'muted', t('noNotes')), noteForm, comment, error);
  }

  async showFor(conv) {
    this.conv = conv;
    show($(this.prefix), !!conv);
    if (!conv) return;
    this.render({ tags: [], notes: [], ratingComment: null });
    loadTagSuggestions(this.ctx.session.token);
    try {
      const wrapUp = await api('GET', `/api/v1/conversations/${conv.id}/wrap-up`, this.ctx.session.token);
      if (this.conv && this.conv.id === conv.id) this.render(wrapUp);
    } catch (e) {
      this.failed(e);
    }
  }

  render(wrapUp) {
    this.renderTags(wrapUp.tags);
    this.renderNotes(wrapUp.notes);
    const comment = this.part('comment');
    show(comment, !!wrapUp.ratingComment);
    this.part('comment-text').textContent = wrapUp.ratingComment || '';
    this.updateSummary();
  }

  renderNotes(notes) {
    this.notes = notes;
    this.part('notes').replaceChildren(...notes.map((note) => {
      const item = el('li', 'wrapup-note');
      item.append(el('span', 'wrapup-note-who muted', t('noteBy', { name: note.agentName || '', time: dateTime(note.time) })),
        el('span', 'wrapup-note-text', note.text));
      return item;
    }));
    show(this.part('no-notes'), notes.length === 0);
    this.noteCount = notes.length;
    this.updateSummary();
  }

  /** A `wrapUp` push: a colleague (or another tab) changed the tags or wrote a note; shown if this conversation is open. */
  onPush(push) {
    if (!this.conv || this.conv.id !== push.conversationId) return;
    if (push.tags) this.renderTags(push.tags);
    const note = push.note;
    if (note && !(this.notes || []).some((n) => n.agentId === note.agentId && n.clientMsgId === note.clientMsgId)) {
      this.renderNotes([...(this.notes || []), note]);
    }
  }

  renderTags(tags) {
    this.tags = tags;
    const list = this.part('tags');
    list.replaceChildren(...tags.map((tag) => {
      const item = el('li', 'tag-chip');
      const remove = el('button', 'tag-remove', '×');
      remove.type = 'button';
      remove.setAttribute('aria-label', t('removeTag', { tag }));
      remove.title = t('removeTag', { tag });
      remove.addEventListener('click', () => this.removeTag(tag));
      item.append(el('span', 'tag-name', tag), remove);
      return item;
    }));
    show(this.part('no-tags'), tags.length === 0);
    this.updateSummary();
  }

  updateSummary() {
    this.part('summary').textContent = t('wrapUpSummary', { tags: (this.tags || []).length, notes: this.noteCount });
  }

  async addTag() {
    const input = this.part('tag-input');
    const tag = input.value.trim();
    if (!tag || !this.conv) return;
    try {
      const reply = await api('POST', `/api/v1/conversations/${this.conv.id}/tags`, this.ctx.session.token, { tag });
      input.value = '';
      this.renderTags(reply.tags);
      loadTagSuggestions(this.ctx.session.token);
    } catch (e) {
      this.failed(e);
    }
  }

  async removeTag(tag) {
    try {
      const reply = await api('DELETE', `/api/v1/conversations/${this.conv.id}/tags/${encodeURIComponent(tag)}`, this.ctx.session.token);
      this.renderTags(reply.tags);
      this.part('tag-input').focus();
    } catch (e) {
      this.failed(e);
    }
  }

  async addNote() {
    const box = this.part('note-text');
    const text = box.value.trim();
    if (!text || !this.conv) return;
    const conv = this.conv;
    const clientMsgId = 'n-' + Date.now().toString(36) + '-' + Math.random().toString(36).slice(2, 8);
    try {
      await api('POST', `/api/v1/conversations/${conv.id}/notes`, this.ctx.session.token, { text, clientMsgId });
      box.value = '';
      if (this.conv && this.conv.id === conv.id) await this.showFor(conv);
      this.part('note-text').focus();
    } catch (e) {
      this.failed(e);
    }
  }

  failed(e) {
    if (e.status === 401) {
      this.ctx.failed(e);
      return;
    }
    const error = this.part('error');
    error.textContent = e.message || t('genericError', { code: e.code });
    show(error, true);
    setTimeout(() => show(error, false), 6000);
  }
}

/** GET /api/v1/wrap-ups: the site's conversations with the tag and/or a note holding `q`, each with its tags and matching notes. */
export async function findWrapUps(token, { tag, q }) {
  const params = new URLSearchParams();
  if (tag) params.set('tag', tag);
  if (q) params.set('q', q);
  return (await api('GET', '/api/v1/wrap-ups?' + params, token)).results;
}
