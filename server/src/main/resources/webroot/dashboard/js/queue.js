// The queue's rows: who waits, in which language and on which topic, what they wrote first (as
// text, never HTML), on which page, and for how long ("wartet seit 2:15", ticking). The rows come
// from the `queue` push and from `agent.conversations`; both carry the same fields.

import { el, elapsed } from './dom.js';
import { t } from './strings.js';
import { needsLabel } from './chats.js';

/** A queue entry from `agent.conversations` (a conversation) in the shape of the `queue` push's rows. */
export function queueEntryOfDesk(c) {
  return {
    conversationId: c.id, visitorName: c.visitorName, waitingSince: c.createdAt, language: c.language, topic: c.topic,
    preview: c.preview, pageUrl: c.pageUrl, pageTitle: c.pageTitle,
  };
}

/** One row of the queue list, with its Take button calling `onTake(conversationId, button)`. */
export function queueRow(entry, onTake) {
  const name = entry.visitorName || t('visitor');
  const item = el('li', 'queue-item');
  item.dataset.conversationId = entry.conversationId;
  const who = el('span', 'queue-who');
  const top = el('span', 'queue-top');
  top.append(el('span', 'queue-name', name));
  const needs = needsLabel(entry);
  if (needs) top.append(el('span', 'queue-needs muted', needs));
  who.append(top);
  if (entry.preview) {
    const preview = el('span', 'queue-preview', entry.preview);
    preview.title = entry.preview;
    who.append(preview);
  }
  if (entry.pageUrl || entry.pageTitle) {
    const page = el('span', 'queue-page muted', t('queuePage', { page: entry.pageTitle || entry.pageUrl }));
    if (entry.pageUrl) page.title = entry.pageUrl;
    who.append(page);
  }
  const wait = el('span', 'queue-wait muted');
  wait.dataset.since = entry.waitingSince;
  who.append(wait);
  const take = el('button', 'take', t('take'));
  take.type = 'button';
  take.setAttribute('aria-label', t('take') + ': ' + name);
  take.addEventListener('click', () => onTake(entry.conversationId, take));
  item.append(who, take);
  return item;
}

/** Sets every waiting time in `root` ("wartet seit 2:15"); called once a second. */
export function tickWaits(root) {
  for (const wait of root.querySelectorAll('[data-since]')) {
    wait.textContent = t('waitingFor', { time: elapsed(wait.dataset.since) });
  }
}
