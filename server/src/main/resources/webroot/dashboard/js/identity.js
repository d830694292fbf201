// Identity verification (admins): whether the site has a secret to sign its logged-in users with,
// and a new one on request — shown here once, in the answer that made it, never fetched again.

import { $, dateTime } from './dom.js';
import { t } from './strings.js';
import { api } from './api.js';

const PATH = '/api/v1/site/identity-secret';

export class IdentitySecret {
  constructor(ctx) {
    this.ctx = ctx; // {session, failed}
    this.configured = false;
    $('identity-rotate').addEventListener('click', () => this.rotate());
  }

  async refresh() {
    try {
      this.show(await api('GET', PATH, this.ctx.session.token));
    } catch (e) {
      this.fail(e);
    }
  }

  show(status) {
    this.configured = status.configured === true;
    $('identity-status').textContent = this.configured
      ? t('identitySince', { date: dateTime(status.createdAt) }) : t('identityOff');
    $('identity-rotate').textContent = t(this.configured ? 'identityRotate' : 'identityCreate');
  }

  /** A new secret; replacing one stops every signature made with it, so that is asked first. */
  async rotate() {
    if (this.configured && !window.confirm(t('identityRotateConfirm'))) return;
    $('identity-rotate').disabled = true;
    try {
      const made = await api('POST', PATH, this.ctx.session.token);
      $('identity-secret').textContent = made.secret;
      $('identity-secret-box').hidden = false;
      this.show({ configured: true, createdAt: made.createdAt });
    } catch (e) {
      this.fail(e);
    } finally {
      $('identity-rotate').disabled = false;
    }
  }

  fail(e) {
    $('identity-status').textContent = e.message || t('genericError', { code: e.code });
    if (e.status === 401) this.ctx.failed(e);
  }
}
