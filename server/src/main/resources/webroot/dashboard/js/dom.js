// Tiny DOM helpers. Text from the network only ever goes through textContent.

import { LINK_REL, linkParts } from '../client-core.js';

export const $ = (id) => document.getElementById(id);

/** Marks a form field as wrong and gives it the focus; answers its label's text, to name it in the error. */
export function markWrong(input) {
  input.setAttribute('aria-invalid', 'true');
  input.focus();
  const label = document.querySelector(`label[for="${input.id}"]`);
  return (label ? label.textContent : input.getAttribute('aria-label') || '').trim();
}

/** The first of these fields that breaks its own rules (required, type, min/max, pattern), or null; earlier marks are cleared. */
export function firstWrong(fields) {
  for (const field of fields) field.removeAttribute('aria-invalid');
  return fields.find((field) => !field.validity.valid) || null;
}

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

// Dates, times and waiting times are formatted in format.js, in the agent's language; kept
// importable from here for the modules that always did.
export { clockTime, dateTime, dateText, elapsed } from './format.js';
