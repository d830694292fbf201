// Building the widget's DOM: elements with attributes and text, never parsed HTML.

import { LINK_REL, linkParts } from './client/links.js';

/** An element; the attribute {@code text} becomes its textContent, false or null ones are left out. */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === false || value == null) continue;
    if (name === 'text') node.textContent = value;
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) if (child) node.appendChild(child);
  return node;
}

/** A 24×24 icon of one SVG path, hidden from assistive technology: the button around it carries the name. */
export function icon(pathData) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', pathData);
  svg.appendChild(path);
  return svg;
}

/** Puts {@code text} into {@code node} as text, its http(s) and mailto addresses as links to a new tab. */
export function setLinkedText(node, text) {
  node.replaceChildren(...linkParts(text).map((part) => (part.href
    ? el('a', { href: part.href, target: '_blank', rel: LINK_REL, text: part.text })
    : document.createTextNode(part.text))));
}
