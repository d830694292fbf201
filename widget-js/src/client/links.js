// Links in message texts: which parts of a text are web or mail addresses. Pure: the widget and
// the dashboard build text nodes and <a> elements from the parts, never HTML, so a text cannot
// make markup, and a scheme other than http, https and mailto (javascript:, data:) stays text.

const CANDIDATE = /\b(?:https?:\/\/|mailto:)[^\s<>"]+/gi;
const SCHEMES = ['http:', 'https:', 'mailto:'];

/** What every link in a message carries: a new tab, and nothing of the chat handed to the target. */
export const LINK_REL = 'noopener noreferrer nofollow';

/** A candidate without the punctuation that ends the sentence around it; a ')' stays when the address opened one. */
function trimmed(candidate) {
  let end = candidate.length;
  for (;;) {
    const c = candidate[end - 1];
    const opened = candidate.slice(0, end).split('(').length - 1;
    const closed = candidate.slice(0, end).split(')').length - 1;
    if ('.,;:!?\'»'.includes(c) || (c === ')' && closed > opened)) end--;
    else return candidate.slice(0, end);
  }
}

/** The address a link may point at, or null: http(s) with a host, or mailto with an address. */
export function safeHref(candidate) {
  let url;
  try {
    url = new URL(candidate);
  } catch (e) {
    return null;
  }
  if (!SCHEMES.includes(url.protocol)) return null;
  if (url.protocol === 'mailto:') return /^[^@\s]+@[^@\s]+$/.test(decodeURIComponent(url.pathname)) ? url.href : null;
  return url.hostname ? url.href : null;
}

/** The text as parts, in order: {text} for plain text, {text, href} for a link. Joined, the texts are the text. */
export function linkParts(text) {
  const parts = [];
  let plain = 0;
  for (const match of String(text).matchAll(CANDIDATE)) {
    const candidate = trimmed(match[0]);
    const href = candidate ? safeHref(candidate) : null;
    if (!href) continue;
    if (match.index > plain) parts.push({ text: text.slice(plain, match.index) });
    parts.push({ text: candidate, href });
    plain = match.index + candidate.length;
  }
  if (plain < text.length) parts.push({ text: text.slice(plain) });
  return parts;
}
