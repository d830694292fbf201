// Topics and skill routing (admins): the topics a visitor may pick before the first message, each
// with the skill it needs and its German and English label, and how long a chat waits for an agent
// who speaks its language and has that skill before anyone with room may take it. GET/PATCH /api/v1/site.

import { $, el } from './dom.js';
import { t } from './strings.js';
import { api } from './api.js';

export class ChatTopics {
  constructor(ctx) {
    this.ctx = ctx; // {session, failed}
    $('topics-add').addEventListener('click', () => {
      this.addRow({ skill: '', labels: {} });
      $('topics-body').lastElementChild.querySelector('input').focus();
    });
    $('topics-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.save();
    });
  }

  /** Shows the site's topics and fallback time, as GET /api/v1/site has them (the site settings fetch it). */
  fill(site) {
    $('topics-body').replaceChildren();
    (site.topics || []).forEach((topic) => this.addRow(topic));
    $('topics-fallback').value = site.skillFallbackSeconds == null ? '60' : String(site.skillFallbackSeconds);
    this.updateEmpty();
  }

  /** One topic: its skill and its label in each language, with a button that removes it. */
  addRow(topic) {
    const row = el('tr');
    const cells = [['skill', topic.skill, 'topicSkill'], ['de', topic.labels.de || '', 'topicLabelDe'], ['en', topic.labels.en || '', 'topicLabelEn']];
    for (const [name, value, labelKey] of cells) {
      const input = el('input');
      input.name = name;
      input.value = value;
      input.maxLength = name === 'skill' ? 40 : 60;
      input.setAttribute('aria-label', t(labelKey));
      const cell = el('td');
      cell.append(input);
      row.append(cell);
    }
    const remove = el('button', 'danger', t('topicRemove'));
    remove.type = 'button';
    remove.addEventListener('click', () => {
      row.remove();
      this.updateEmpty();
      $('topics-add').focus();
    });
    const cell = el('td');
    cell.append(remove);
    row.append(cell);
    $('topics-body').append(row);
    this.updateEmpty();
  }

  updateEmpty() {
    $('topics-empty').hidden = $('topics-body').children.length > 0;
  }

  /** The rows as the server takes them; blank rows are left out, a missing label is not sent. */
  topics() {
    const topics = [];
    for (const row of $('topics-body').children) {
      const value = (name) => row.querySelector(`input[name=${name}]`).value.trim();
      if (!value('skill') && !value('de') && !value('en')) continue;
      const labels = {};
      if (value('de')) labels.de = value('de');
      if (value('en')) labels.en = value('en');
      topics.push({ skill: value('skill'), labels });
    }
    return topics;
  }

  async save() {
    const raw = $('topics-fallback').value.trim();
    if (!/^\d+$/.test(raw)) {
      this.result(t('notANumber', { field: t('skillFallback') }), true);
      return;
    }
    // the server checks every topic and says what is wrong; it is shown as it says it
    try {
      this.fill(await api('PATCH', '/api/v1/site', this.ctx.session.token,
        { topics: this.topics(), skillFallbackSeconds: Number.parseInt(raw, 10) }));
      this.result(t('saved'), false);
    } catch (e) {
      this.result(e.message || t('genericError', { code: e.code }), true);
      if (e.status === 401) this.ctx.failed(e);
    }
  }

  result(text, isError) {
    const box = $('topics-result');
    box.className = isError ? 'error' : 'ok';
    box.textContent = text;
  }
}
