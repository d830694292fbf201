// The reports' table of the FAQ bot's first answers per help article: offered, and accepted
// ("That answers it"), most accepted first, as the server sorts them.

import { $, el, show } from './dom.js';
import { integer } from './format.js';

export function renderBotArticles(articles) {
  const body = $('report-bot-articles');
  body.replaceChildren();
  for (const a of articles) {
    const row = el('tr');
    row.dataset.articleId = a.articleId;
    const offered = el('td', 'number', integer(a.offered));
    offered.dataset.figure = 'offered';
    const accepted = el('td', 'number', integer(a.accepted));
    accepted.dataset.figure = 'accepted';
    row.append(el('th', null, a.title || a.articleId), offered, accepted);
    body.append(row);
  }
  show($('report-no-bot'), articles.length === 0);
  show($('report-bot-table'), articles.length > 0);
}
