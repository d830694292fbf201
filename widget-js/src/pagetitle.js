// The host page's title as the server takes it (docs/protocol.md, free text): one line of at most
// 300 characters, without control characters, U+FFFD or lone surrogates. The title belongs to
// someone else's page, so the widget cleans it rather than losing the page view over it.

const MAX = 300;
const UNWANTED = /[\u0000-\u001f\u007f-\u009f\ufffd]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function pageTitle(raw) {
  const cleaned = String(raw ?? '').replace(UNWANTED, ' ').replace(/\s+/g, ' ').trim();
  return Array.from(cleaned).slice(0, MAX).join('');
}
