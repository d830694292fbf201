// The line above an e-mail conversation that follows up an earlier one (`follows`): the customer
// replied to an e-mail answer of a left message, an ended chat or a resolved e-mail. It says which
// and when, and "Read" opens that conversation's transcript.

import { $, show, dateText } from './dom.js';
import { t } from './strings.js';
import { api } from './api.js';

function describe(followed) {
  if (!followed) return t('followsGone');
  const date = dateText(new Date(followed.createdAt));
  if (followed.status === 'offline') return t('followsLeftMessage', { date });
  return t(followed.channel === 'email' ? 'followsEmail' : 'followsChat', { date });
}

export class FollowUpLine {
  constructor(ctx, openTranscript) {
    this.ctx = ctx; // {session, failed}
    this.openTranscript = openTranscript; // (conv) → its transcript in a dialog
    this.known = new Map(); // id → the followed conversation as read (null: it is gone)
    this.conv = null;
    this.followed = null;
    $('chat-follows-read').addEventListener('click', () => {
      if (this.followed) this.openTranscript(this.followed);
    });
  }

  /** The open chat changed (null: none). */
  async showFor(conv) {
    this.conv = conv;
    this.followed = null;
    show($('chat-follows'), false);
    const id = conv ? conv.follows : null;
    if (!id) return;
    const followed = await this.read(id);
    if (this.conv !== conv || followed === undefined) return; // another chat meanwhile, or not readable now
    this.followed = followed;
    const text = describe(followed);
    $('chat-follows-text').textContent = text;
    const read = $('chat-follows-read');
    read.setAttribute('aria-label', t('readTranscript') + ': ' + text);
    show(read, !!followed);
    show($('chat-follows'), true);
  }

  /** The followed conversation (null: deleted; undefined: not readable now), read once. */
  async read(id) {
    if (this.known.has(id)) return this.known.get(id);
    try {
      const reply = await api('GET', '/api/v1/conversations/' + encodeURIComponent(id), this.ctx.session.token);
      this.known.set(id, reply.conversation);
    } catch (e) {
      if (e.status === 401) this.ctx.failed(e);
      if (e.code !== 'not_found') return undefined;
      this.known.set(id, null); // deleted (retention, erasure)
    }
    return this.known.get(id);
  }
}
