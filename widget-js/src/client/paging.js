// Reading a chat's history page by page: the server says "hasMore" while more may follow, and a
// page may be short (even empty) and still have more after it, so the end is only where the
// server says so, never where a page runs short.

const MAX_PAGES = 200;
const EMPTY_PAGE_RETRIES = 3;
const EMPTY_PAGE_DELAY_MS = 400;

/**
 * Fetches pages until the server says there is no more. {@code fetchPage(afterSeq, index)}
 * returns a history reply; {@code onPage(reply)} takes it and returns false to stop (say, the
 * reply is about a chat this page does not show). An empty page that still "hasMore" means the
 * next message is stored but not readable yet: asked again after a short wait, a few times, then
 * left for the next catch-up. Resolves with the highest seq seen.
 */
export async function readAllPages(fetchPage, onPage, afterSeq = 0, options = {}) {
  const maxPages = options.maxPages || MAX_PAGES;
  const wait = options.wait || ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  const delayMs = options.emptyPageDelayMs == null ? EMPTY_PAGE_DELAY_MS : options.emptyPageDelayMs;
  let after = afterSeq;
  let emptyInARow = 0;
  for (let index = 0; index < maxPages; index++) {
    const reply = await fetchPage(after, index);
    if (onPage(reply) === false) return after;
    const messages = Array.isArray(reply.messages) ? reply.messages : [];
    for (const m of messages) if (m && typeof m.seq === 'number' && m.seq > after) after = m.seq;
    if (!reply.hasMore) return after;
    if (messages.length) {
      emptyInARow = 0;
    } else {
      if (++emptyInARow > EMPTY_PAGE_RETRIES) return after;
      await wait(delayMs * emptyInARow);
    }
  }
  return after;
}
