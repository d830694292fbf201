// The site's file setting (admins): the largest file a chat takes, through GET/PUT /api/v1/site/files.

import { $ } from './dom.js';
import { api } from './api.js';

export class FileSettings {
  constructor(ctx) {
    this.ctx = ctx;
  }

  async refresh() {
    const files = await api('GET', '/api/v1/site/files', this.ctx.session.token);
    $('site-file-mb').value = String(files.maxFileSizeMb);
  }

  /** Saves the limit; the server refuses anything but a whole number from 1 to 50 with its own words. */
  async save() {
    const raw = $('site-file-mb').value.trim();
    const mb = /^\d+$/.test(raw) ? Number.parseInt(raw, 10) : raw;
    const files = await api('PUT', '/api/v1/site/files', this.ctx.session.token, { maxFileSizeMb: mb });
    $('site-file-mb').value = String(files.maxFileSizeMb);
  }
}
