// An article's HTML as the widget shows it: the server sends it sanitised, and the widget copies
// it once more through its own allow-list into new elements — structure and text only, links only
// to http(s) and mailto (opened in a new tab), no attribute of the original survives.

import { LINK_REL, safeHref } from './client/links.js';

const KEPT = new Set(['P', 'H2', 'H3', 'H4', 'UL', 'OL', 'LI', 'STRONG', 'EM', 'B', 'I', 'CODE', 'PRE', 'BLOCKQUOTE', 'HR', 'BR', 'A']);
const DROPPED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'MATH', 'NOSCRIPT']);

/** Whether an element of this tag is copied (else only its text is, or nothing for script-like ones). */
export function keptTag(tagName) {
  return KEPT.has(String(tagName).toUpperCase());
}

function copyChildren(from, into, doc) {
  for (const node of from.childNodes) {
    if (node.nodeType === 3) {
      into.appendChild(doc.createTextNode(node.nodeValue));
    } else if (node.nodeType === 1 && !DROPPED.has(node.tagName)) {
      if (!keptTag(node.tagName)) {
        copyChildren(node, into, doc);
        continue;
      }
      const href = node.tagName === 'A' ? safeHref(node.getAttribute('href') || '') : null;
      if (node.tagName === 'A' && !href) {
        copyChildren(node, into, doc);
        continue;
      }
      const copy = doc.createElement(node.tagName.toLowerCase());
      if (href) {
        copy.setAttribute('href', href);
        copy.setAttribute('target', '_blank');
        copy.setAttribute('rel', LINK_REL);
      }
      copyChildren(node, copy, doc);
      into.appendChild(copy);
    }
  }
}

/** The article's content as a fragment of new elements of {@code doc}. Parsing with DOMParser runs no script. */
export function articleContent(html, doc = document) {
  const parsed = new DOMParser().parseFromString(String(html), 'text/html');
  const fragment = doc.createDocumentFragment();
  copyChildren(parsed.body, fragment, doc);
  return fragment;
}
