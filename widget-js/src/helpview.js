// The widget's self-service: suggested help articles above the composer while the visitor writes
// its first message, and one article read inside the panel with a way back to the chat.

import { el } from './dom.js';
import { articleContent } from './articlehtml.js';

export function createHelpView(s, on) {
  const list = el('ul', { class: 'suggest-list' });
  const suggestions = el('section', { class: 'suggest', 'aria-labelledby': 'plauder-suggest-title', hidden: true },
    el('h3', { id: 'plauder-suggest-title', text: s.suggestTitle }), list);
  // Tells screen readers that articles were found, without moving focus away from the composer.
  const found = el('p', { class: 'sr', role: 'status' });

  const back = el('button', { type: 'button', class: 'link back', text: s.articleBack });
  const heading = el('h3', { id: 'plauder-article-title', tabindex: '-1' });
  const content = el('div', { class: 'article-body' });
  const article = el('article', { class: 'article', 'aria-labelledby': 'plauder-article-title', hidden: true }, back, heading, content);
  back.addEventListener('click', () => on.closeArticle());
  article.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      on.closeArticle();
    }
  });

  let shownList = null;
  let shownArticle = null;
  const buttons = new Map();

  function renderSuggestions(items) {
    if (items === shownList) return;
    shownList = items;
    buttons.clear();
    list.replaceChildren(...items.map((a) => {
      const button = el('button', { type: 'button' }, el('span', { class: 'suggest-title', text: a.title }),
        a.excerpt ? el('span', { class: 'suggest-excerpt', text: a.excerpt }) : null);
      button.addEventListener('click', () => on.openArticle(a.id));
      buttons.set(a.id, button);
      return el('li', {}, button);
    }));
    found.textContent = items.length ? s.suggestFound(items.length) : '';
  }

  return {
    suggestions,
    found,
    article,
    /** {@code help}: {suggestions: [...], article: null | {id, title, html} | {id, loading: true}}; {@code shown}: whether suggestions fit the state. */
    render(help, shown) {
      renderSuggestions(help.suggestions);
      suggestions.hidden = !shown || !help.suggestions.length || !!help.article;
      const a = help.article;
      article.hidden = !a;
      if (!a) {
        if (shownArticle) {
          const from = buttons.get(shownArticle.id);
          shownArticle = null;
          if (from && !suggestions.hidden) from.focus();
          else on.focusComposer();
        }
        return;
      }
      if (shownArticle === a) return;
      const opened = !shownArticle;
      shownArticle = a;
      heading.textContent = a.loading ? s.articleLoading : a.title;
      content.replaceChildren(a.loading ? document.createTextNode('') : articleContent(a.html));
      if (opened) heading.focus();
    },
  };
}
