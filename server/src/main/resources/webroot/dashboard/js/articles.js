// Help articles (admins): the site's knowledge base listed by language, and an editor to write,
// preview, publish and delete one, through /api/v1/articles. The server checks every field and
// renders and sanitises the Markdown; the editor shows what it says.

import { $, el, show, dateTime } from './dom.js';
import { t, lang } from './strings.js';
import { api } from './api.js';

const LIST = '/api/v1/articles';

export class Articles {
  constructor(ctx) {
    this.ctx = ctx; // {session, failed}
    this.articles = [];
    this.editingId = null; // the article in the editor, null for a new one
    $('articles-language').addEventListener('change', () => this.render());
    $('article-new').addEventListener('click', () => this.edit(null));
    $('article-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.save();
    });
    $('article-preview-button').addEventListener('click', () => this.preview());
    $('article-cancel').addEventListener('click', () => this.closeEditor());
    $('article-delete').addEventListener('click', () => this.askDelete());
    $('article-delete-dialog').addEventListener('close', () => this.onDeleteDialog());
  }

  get token() {
    return this.ctx.session.token;
  }

  async refresh() {
    try {
      this.articles = (await api('GET', LIST, this.token)).articles;
      this.render();
    } catch (e) {
      this.failed('articles-result', e);
    }
  }

  /** A refused request: the server's words as they are, and a sign-out for a dead session. */
  failed(boxId, e) {
    this.result(boxId, e.message || t('genericError', { code: e.code }), true);
    if (e.status === 401) this.ctx.failed(e);
  }

  result(boxId, message, isError) {
    const box = $(boxId);
    box.textContent = message;
    box.className = isError ? 'error' : 'ok';
  }

  render() {
    const language = $('articles-language').value;
    const shown = this.articles.filter((a) => !language || a.language === language);
    $('articles-list').replaceChildren(...shown.map((a) => this.row(a)));
    show($('articles-empty'), shown.length === 0);
  }

  row(article) {
    const item = el('li', 'article-item');
    item.dataset.articleId = article.id;
    const open = el('button', 'link article-open', article.title);
    open.type = 'button';
    open.setAttribute('aria-label', t('editArticle') + ': ' + article.title);
    open.addEventListener('click', () => this.edit(article.id));
    const state = el('span', 'badge article-state ' + (article.published ? 'published' : 'draft'),
      t(article.published ? 'articlePublishedShort' : 'articleDraft'));
    const toggle = el('button', 'small article-toggle', t(article.published ? 'unpublish' : 'publish'));
    toggle.type = 'button';
    toggle.setAttribute('aria-label', toggle.textContent + ': ' + article.title);
    toggle.addEventListener('click', () => this.setPublished(article, !article.published, toggle));
    const meta = el('span', 'article-meta muted');
    meta.append(el('span', 'badge article-lang', article.language.toUpperCase()), ' ',
      el('span', 'article-updated', t('updatedAt', { time: dateTime(article.updatedAt) })));
    item.append(open, state, meta, toggle);
    return item;
  }

  /** The editor for one article, or for a new one (`id` null). */
  async edit(id) {
    let article = { language: $('articles-language').value || lang, title: '', keywords: [], body: '', published: false };
    if (id) {
      try {
        article = await api('GET', LIST + '/' + id, this.token);
      } catch (e) {
        this.failed('articles-result', e);
        return;
      }
    }
    this.editingId = id;
    $('article-title').value = article.title;
    $('article-lang').value = article.language;
    $('article-keywords').value = article.keywords.join(', ');
    $('article-body').value = article.body;
    $('article-published').checked = article.published;
    $('article-result').textContent = '';
    show($('article-preview-box'), false);
    this.showEditorState();
    show($('article-form'), true);
    $('article-form').scrollIntoView({ block: 'start' });
    $('article-title').focus();
  }

  showEditorState() {
    $('article-editor-title').textContent = t(this.editingId ? 'editArticle' : 'newArticle');
    show($('article-delete'), this.editingId !== null);
  }

  closeEditor() {
    show($('article-form'), false);
    this.editingId = null;
    $('article-new').focus();
  }

  /** The editor's fields as the API takes them; the server says what is wrong with them. */
  fields() {
    return {
      language: $('article-lang').value,
      title: $('article-title').value,
      keywords: $('article-keywords').value.split(',').map((k) => k.trim()).filter(Boolean),
      body: $('article-body').value,
      published: $('article-published').checked,
    };
  }

  showHtml(html) {
    const preview = $('article-preview');
    // The only HTML the dashboard inserts: the server's rendering of the Markdown after its
    // allow-list (no script, no on… attribute, links only to http, https, mailto or relative
    // addresses; ArticleText on the server). The dashboard's CSP refuses inline scripts as well.
    preview.innerHTML = html;
    // a link followed from the preview would leave the editor and what is not saved yet; an empty
    // address (what the server leaves of a refused one, such as javascript:) goes nowhere at all
    for (const link of preview.querySelectorAll('a[href]')) {
      if (link.getAttribute('href') === '') link.removeAttribute('href');
      else link.target = '_blank';
    }
    show($('article-preview-box'), true);
  }

  async preview() {
    const button = $('article-preview-button');
    button.disabled = true;
    try {
      this.showHtml((await api('POST', LIST + '/preview', this.token, this.fields())).html);
      $('article-result').textContent = '';
    } catch (e) {
      show($('article-preview-box'), false);
      this.failed('article-result', e);
    } finally {
      button.disabled = false;
    }
  }

  async save() {
    const body = this.fields();
    $('article-save').disabled = true;
    try {
      const saved = this.editingId
        ? await api('PUT', LIST + '/' + this.editingId, this.token, body)
        : await api('POST', LIST, this.token, body);
      this.editingId = saved.id;
      this.showEditorState();
      if (!$('article-preview-box').hidden) this.showHtml(saved.html);
      this.result('article-result', t(saved.published ? 'articleSavedPublished' : 'articleSavedDraft'), false);
      await this.refresh();
    } catch (e) {
      this.failed('article-result', e);
    } finally {
      $('article-save').disabled = false;
    }
  }

  /** Publishes or takes back one article of the list: PUT replaces the whole, so it is read first. */
  async setPublished(summary, published, button) {
    button.disabled = true;
    try {
      const article = await api('GET', LIST + '/' + summary.id, this.token);
      const { language, title, keywords, body } = article;
      await api('PUT', LIST + '/' + summary.id, this.token, { language, title, keywords, body, published });
      if (this.editingId === summary.id) $('article-published').checked = published;
      this.result('articles-result', t(published ? 'articlePublishedNow' : 'articleUnpublishedNow', { title }), false);
      await this.refresh();
      const again = $('articles-list').querySelector(`[data-article-id="${summary.id}"] .article-toggle`);
      if (again) again.focus();
    } catch (e) {
      button.disabled = false;
      this.failed('articles-result', e);
    }
  }

  askDelete() {
    $('article-delete-title').textContent = t('deleteArticleTitle', { title: $('article-title').value });
    const dialog = $('article-delete-dialog');
    dialog.returnValue = '';
    dialog.showModal();
    $('article-delete-cancel').focus();
  }

  async onDeleteDialog() {
    if ($('article-delete-dialog').returnValue !== 'delete' || !this.editingId) {
      $('article-delete').focus();
      return;
    }
    const title = $('article-title').value;
    try {
      await api('DELETE', LIST + '/' + this.editingId, this.token);
      this.closeEditor();
      this.result('articles-result', t('articleDeleted', { title }), false);
      await this.refresh();
    } catch (e) {
      this.failed('article-result', e);
    }
  }
}
