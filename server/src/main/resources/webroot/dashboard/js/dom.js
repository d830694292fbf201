// Tiny DOM helpers. Text from the network only ever goes through textContent.

import { LINK_REL, linkParts } from '../client-core.js';

export const $ = (id) => document.getElementById(id);

/** A new element with an optional class and text (set as textContent, never parsed as HTML). */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

/** Like {@link el}, with the text's http(s) and mailto addresses as links to a new tab (other schemes stay text). */
export function linkedEl(tag, className, text) {
  const node = el(tag, className);
  for (const part of linkParts(String(text))) {
    if (!part.href) {
      node.append(part.text);
      continue;
    }
    const link = el('a', null, part.text);
    link.href = part.href;
    link.target = '_blank';
    link.rel = LINK_REL;
    node.append(link);
  }
  return node;
}

export function show(node, visible) {
  node.hidden = !visible;
}

const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dateAndClock = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export function clockTime(iso) {
  return iso ? clock.format(new Date(iso)) : '';
}

export function dateTime(iso) {
  return iso ? dateAndClock.format(new Date(iso)) : '';
}

export function dateText(date) {
  return date ? dateOnly.format(date) : '';
}

/** "4:07" or "1:02:09" since `iso`. */
export function elapsed(iso, now = Date.now()) {
  const seconds = Math.max(0, Math.floor((now - new Date(iso).getTime()) / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
