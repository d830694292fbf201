// Canned responses: the site's ready-made replies. Agents insert one into the reply box; admins
// add and remove them in the admin view.

import { $, el, show } from './dom.js';
import { t } from './strings.js';
import { api } from './api.js';

/** The shortcut of a response, from its title: "Versand heute" → "versand-heute" (typed as /versand-heute). */
export function shortcutOf(title) {
  return title.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    .trim().replace(/\s+/g, '-').replace(/[^\p{L}\p{N}-]/gu, '');
}

/** The response a reply box holding only "/prefix" stands for: the first whose shortcut starts so. */
export function completion(boxValue, responses) {
  const typed = boxValue.trim();
  if (!/^\/[^\s/]+$/.test(typed)) return null;
  const prefix = shortcutOf(typed.slice(1));
  return responses.find((r) => shortcutOf(r.title).startsWith(prefix)) || null;
}

export class Canned {
  constructor(ctx) {
    this.ctx = ctx; // {session, failed}
    this.responses = [];
    $('canned-select').addEventListener('change', () => this.insertChosen());
    // "/versand" then Tab in an otherwise empty reply box puts that response there.
    $('composer-text').addEventListener('keydown', (event) => {
      if (event.key !== 'Tab' || event.shiftKey || event.altKey || event.ctrlKey) return;
      const box = event.target;
      const response = completion(box.value, this.responses);
      if (!response) return;
      event.preventDefault();
      box.value = response.text;
      box.dispatchEvent(new Event('input'));
    });
    $('canned-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.add();
    });
  }

  async load() {
    try {
      this.responses = (await api('GET', '/api/v1/canned-responses', this.ctx.session.token)).responses;
    } catch (e) {
      if (e.status === 401) this.ctx.failed(e);
      return;
    }
    this.render();
  }

  render() {
    const select = $('canned-select');
    select.replaceChildren(el('option', null, t('cannedPick')));
    select.firstChild.value = '';
    for (const response of this.responses) {
      const option = el('option', null, response.title);
      option.value = response.id;
      option.title = '/' + shortcutOf(response.title);
      select.append(option);
    }
    show($('composer-tools'), this.responses.length > 0);

    const list = $('canned-list');
    list.replaceChildren();
    for (const response of this.responses) {
      const item = el('li', 'canned-item');
      item.dataset.responseId = response.id;
      const words = el('div', 'canned-words');
      words.append(el('strong', null, response.title), el('code', 'canned-shortcut', ' /' + shortcutOf(response.title)),
        el('span', 'muted canned-text', response.text));
      const remove = el('button', 'danger', t('remove'));
      remove.type = 'button';
      remove.setAttribute('aria-label', t('remove') + ': ' + response.title);
      remove.addEventListener('click', () => this.remove(response));
      item.append(words, remove);
      list.append(item);
    }
    show($('canned-empty'), this.responses.length === 0);
  }

  /** Puts the chosen response where the cursor is in the reply box (replacing a selection). */
  insertChosen() {
    const select = $('canned-select');
    const response = this.responses.find((r) => r.id === select.value);
    select.value = '';
    if (!response) return;
    const box = $('composer-text');
    box.setRangeText(response.text, box.selectionStart, box.selectionEnd, 'end');
    box.dispatchEvent(new Event('input'));
    box.focus();
  }

  async add() {
    const result = $('canned-result');
    try {
      const added = await api('POST', '/api/v1/canned-responses', this.ctx.session.token, {
        title: $('canned-title-input').value.trim(),
        text: $('canned-text-input').value,
      });
      result.className = 'ok';
      result.textContent = t('cannedAdded', { title: added.title });
      $('canned-form').reset();
    } catch (e) {
      result.className = 'error';
      result.textContent = e.message;
      if (e.status === 401) this.ctx.failed(e);
    }
    this.load();
  }

  async remove(response) {
    try {
      await api('DELETE', '/api/v1/canned-responses/' + encodeURIComponent(response.id), this.ctx.session.token);
    } catch (e) {
      $('canned-result').className = 'error';
      $('canned-result').textContent = e.message;
      if (e.status === 401) this.ctx.failed(e);
    }
    this.load();
  }
}
