// The FAQ bot's settings (admins): its mode and how sure the article search must be before it answers.

import { $ } from './dom.js';
import { t } from './strings.js';
import { api } from './api.js';

const PATH = '/api/v1/bot';

export class BotSettings {
  constructor(ctx) {
    this.ctx = ctx; // {session, failed}
    $('bot-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.save();
    });
  }

  async refresh() {
    try {
      this.show(await api('GET', PATH, this.ctx.session.token));
    } catch (e) {
      this.fail(e);
    }
  }

  show(bot) {
    $('bot-mode').value = bot.mode;
    $('bot-min-score').value = String(bot.minScore);
  }

  async save() {
    const result = $('bot-result');
    const minScore = Number.parseFloat($('bot-min-score').value);
    const body = { mode: $('bot-mode').value };
    if (Number.isFinite(minScore)) body.minScore = minScore;
    try {
      this.show(await api('PUT', PATH, this.ctx.session.token, body));
      result.className = 'ok';
      result.textContent = t('botSaved');
    } catch (e) {
      this.fail(e);
    }
  }

  fail(e) {
    const result = $('bot-result');
    result.className = 'error';
    result.textContent = e.message || t('genericError', { code: e.code });
    if (e.status === 401) this.ctx.failed(e);
  }
}
