// Article suggestions while a visitor types its first message: which text is worth a search,
// what of a search reply is shown, and a debounced searcher whose latest question always wins.

export const SUGGEST_DELAY_MS = 300;
export const MAX_SUGGESTIONS = 3;
const MIN_QUERY = 3;
const MAX_QUERY = 200;

/** The question to search for, as typed (one line, trimmed), or null when it is too short to be worth one. */
export function suggestionQuery(text) {
  const q = String(text == null ? '' : text).replace(/\s+/g, ' ').trim();
  return q.length >= MIN_QUERY ? q.slice(0, MAX_QUERY) : null;
}

/** Up to three articles of a search reply, each {id, title, excerpt}; anything malformed is left out. */
export function suggestionsOf(reply) {
  const list = reply && Array.isArray(reply.articles) ? reply.articles : [];
  return list
    .filter((a) => a && typeof a.id === 'string' && a.id && typeof a.title === 'string' && a.title)
    .slice(0, MAX_SUGGESTIONS)
    .map((a) => ({ id: a.id, title: a.title, excerpt: typeof a.excerpt === 'string' ? a.excerpt : '' }));
}

/**
 * Searches once the visitor pauses typing ({@code delay} ms after the last input), never twice for
 * the same question, and reports only the answer to the latest one: a slow reply to an older
 * question is dropped. {@code search(q)} resolves with the articles; {@code show(list)} gets them
 * (an empty list when the text became too short or the search failed).
 */
export class Suggester {
  constructor(search, show, { delay = SUGGEST_DELAY_MS, timers = globalThis } = {}) {
    this.search = search;
    this.show = show;
    this.delay = delay;
    this.timers = timers;
    this.timer = null;
    this.asked = null;
    this.latest = 0;
  }

  input(text) {
    const q = suggestionQuery(text);
    this.timers.clearTimeout(this.timer);
    if (!q) {
      this.clear();
      return;
    }
    if (q === this.asked) return;
    this.timer = this.timers.setTimeout(() => this.run(q), this.delay);
  }

  async run(q) {
    this.asked = q;
    const ticket = ++this.latest;
    let list;
    try {
      list = await this.search(q);
    } catch (e) {
      list = [];
    }
    if (ticket === this.latest) this.show(list);
  }

  /** Nothing to suggest (the chat started, or the text is gone); a reply still on its way is dropped. */
  clear() {
    this.timers.clearTimeout(this.timer);
    this.asked = null;
    this.latest++;
    this.show([]);
  }
}
