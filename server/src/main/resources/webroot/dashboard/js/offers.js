// Proactive offer rules (admins): when the server offers a lingering visitor a chat, in which
// words, and how each rule has fared; through GET / PUT /api/v1/offer-rules. PUT replaces every
// rule at once, so the editor keeps the whole list and sends it whole.

import { $, el, show } from './dom.js';
import { t } from './strings.js';
import { api } from './api.js';

// the languages the editor has a text field for; texts in other languages are kept as they are
const EDITED_LANGUAGES = ['de', 'en'];

let fieldCounter = 0;

/** A labelled input bound to one field of a rule. */
function field(labelText, input, className) {
  const id = 'offer-field-' + ++fieldCounter;
  input.id = id;
  const label = el('label', null, labelText);
  label.htmlFor = id;
  const box = el('div', 'offer-field' + (className ? ' ' + className : ''));
  box.append(label, input);
  return box;
}

function numberInput(value, min, max) {
  const input = el('input');
  input.type = 'number';
  input.min = String(min);
  input.max = String(max);
  input.step = '1';
  input.value = value == null ? '' : String(value);
  return input;
}

/** Empty → null, a whole number → the number, anything else → the text (the server says what is wrong). */
function numberOrNull(input) {
  const raw = input.value.trim();
  if (raw === '') return null;
  return /^-?\d+$/.test(raw) ? Number.parseInt(raw, 10) : raw;
}

export class OfferRules {
  constructor(ctx) {
    this.ctx = ctx; // {session, failed}
    this.rules = [];
    $('offers-add').addEventListener('click', () => {
      this.collect();
      this.rules.push({ name: '', enabled: true, minSecondsOnPage: 30, messages: {}, stats: null });
      this.render();
      const names = $('offers-list').querySelectorAll('.offer-name input');
      if (names.length) names[names.length - 1].focus();
    });
    $('offers-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.save();
    });
  }

  async refresh() {
    try {
      this.fill(await api('GET', '/api/v1/offer-rules', this.ctx.session.token));
    } catch (e) {
      this.result(e.message, true);
      if (e.status === 401) this.ctx.failed(e);
    }
  }

  fill(settings) {
    $('offers-cooldown').value = String(settings.cooldownMinutes);
    this.rules = settings.rules;
    const inv = settings.invitations || { shown: 0, accepted: 0, dismissed: 0 };
    $('offers-invitations').textContent = t('invitationStats', inv);
    this.render();
  }

  result(message, isError) {
    const box = $('offers-result');
    box.textContent = message;
    box.className = isError ? 'error' : 'ok';
  }

  render() {
    const list = $('offers-list');
    list.replaceChildren();
    this.rules.forEach((rule, index) => list.append(this.ruleEditor(rule, index)));
    show($('offers-empty'), this.rules.length === 0);
  }

  ruleEditor(rule, index) {
    const box = el('fieldset', 'offer-rule');
    box.dataset.index = String(index);
    if (rule.id) box.dataset.ruleId = rule.id;
    const legend = el('legend', null, rule.name || t('newRule'));
    box.append(legend);

    const name = el('input');
    name.maxLength = 80;
    name.required = true;
    name.value = rule.name || '';
    name.dataset.key = 'name';
    const enabled = el('input');
    enabled.type = 'checkbox';
    enabled.checked = rule.enabled !== false;
    enabled.dataset.key = 'enabled';
    const enabledLabel = el('label', 'checkbox offer-enabled');
    enabledLabel.append(enabled, el('span', null, t('ruleEnabled')));

    const onPage = numberInput(rule.minSecondsOnPage, 0, 86400);
    onPage.dataset.key = 'minSecondsOnPage';
    const onSite = numberInput(rule.minSecondsOnSite, 0, 86400);
    onSite.dataset.key = 'minSecondsOnSite';
    const pattern = el('input');
    pattern.maxLength = 200;
    pattern.placeholder = '/checkout*';
    pattern.value = rule.urlPattern || '';
    pattern.dataset.key = 'urlPattern';
    const pages = numberInput(rule.minPagesSeen, 1, 1000);
    pages.dataset.key = 'minPagesSeen';
    const returning = el('select');
    for (const [value, label] of [['', 'either'], ['true', 'returningOnly'], ['false', 'newOnly']]) {
      const option = el('option', null, t(label));
      option.value = value;
      returning.append(option);
    }
    returning.value = rule.returning == null ? '' : String(rule.returning);
    returning.dataset.key = 'returning';
    const language = el('input');
    language.maxLength = 2;
    language.placeholder = 'de';
    language.value = rule.language || '';
    language.dataset.key = 'language';

    const grid = el('div', 'offer-grid');
    grid.append(
      field(t('ruleName'), name, 'offer-name wide'),
      field(t('ruleOnPage'), onPage), field(t('ruleOnSite'), onSite),
      field(t('rulePattern'), pattern, 'wide'),
      field(t('rulePages'), pages), field(t('ruleReturning'), returning),
      field(t('ruleLanguage'), language),
    );
    for (const lang of EDITED_LANGUAGES) {
      const text = el('textarea');
      text.rows = 2;
      text.maxLength = 500;
      text.value = (rule.messages || {})[lang] || '';
      text.dataset.message = lang;
      grid.append(field(t('ruleText', { lang: lang.toUpperCase() }), text, 'wide'));
    }
    const others = Object.keys(rule.messages || {}).filter((lang) => !EDITED_LANGUAGES.includes(lang));
    if (others.length) grid.append(el('p', 'muted wide', t('ruleOtherLanguages', { langs: others.join(', ') })));

    const foot = el('div', 'offer-foot');
    const stats = rule.stats || { shown: 0, accepted: 0, dismissed: 0 };
    foot.append(enabledLabel, el('span', 'muted offer-stats', rule.stats ? t('ruleStats', stats) : t('ruleUnsaved')));
    const remove = el('button', 'danger small', t('remove'));
    remove.type = 'button';
    remove.setAttribute('aria-label', t('remove') + ': ' + (rule.name || t('newRule')));
    remove.addEventListener('click', () => {
      this.collect();
      this.rules.splice(index, 1);
      this.render();
    });
    foot.append(remove);
    box.append(grid, foot);
    return box;
  }

  /** Reads every rule editor back into this.rules (kept fields: id, stats, other languages). */
  collect() {
    for (const box of $('offers-list').querySelectorAll('fieldset.offer-rule')) {
      const rule = this.rules[Number(box.dataset.index)];
      for (const input of box.querySelectorAll('[data-key]')) {
        const key = input.dataset.key;
        if (input.type === 'checkbox') rule[key] = input.checked;
        else if (input.type === 'number') rule[key] = numberOrNull(input);
        else if (key === 'returning') rule[key] = input.value === '' ? null : input.value === 'true';
        else rule[key] = input.value.trim() === '' ? null : input.value.trim();
      }
      const messages = { ...(rule.messages || {}) };
      for (const text of box.querySelectorAll('[data-message]')) {
        const value = text.value.trim();
        if (value) messages[text.dataset.message] = value;
        else delete messages[text.dataset.message];
      }
      rule.messages = messages;
    }
  }

  async save() {
    this.collect();
    const cooldown = numberOrNull($('offers-cooldown'));
    const body = {
      rules: this.rules.map((r) => {
        const wire = { name: r.name, enabled: r.enabled !== false, minSecondsOnPage: r.minSecondsOnPage ?? null,
          minSecondsOnSite: r.minSecondsOnSite ?? null, urlPattern: r.urlPattern ?? null, minPagesSeen: r.minPagesSeen ?? null,
          returning: r.returning ?? null, language: r.language ?? null, messages: r.messages || {} };
        if (r.id) wire.id = r.id;
        return wire;
      }),
    };
    if (cooldown !== null) body.cooldownMinutes = cooldown;
    $('offers-save').disabled = true;
    try {
      this.fill(await api('PUT', '/api/v1/offer-rules', this.ctx.session.token, body));
      this.result(t('offersSaved'), false);
    } catch (e) {
      this.result(e.message || t('genericError', { code: e.code }), true);
      if (e.status === 401) this.ctx.failed(e);
    } finally {
      $('offers-save').disabled = false;
    }
  }
}
