// The agent's own profile: the display name visitors read and the picture beside it (initials on a
// coloured circle until one is uploaded), set in a dialog opened from the name in the top bar.

import { $, show } from './dom.js';
import { t } from './strings.js';
import { api } from './api.js';
import { failureOfResponse, showFace } from '../client-core.js';

const ERRORS = { file_too_large: 'pictureTooLarge', unsupported_file_type: 'pictureUnsupported' };

export class Profile {
  constructor(ctx) {
    this.ctx = ctx;
    this.agent = null;
    this.removePicture = false;
    $('me-button').addEventListener('click', () => this.open());
    $('profile-cancel').addEventListener('click', () => $('profile-dialog').close());
    $('profile-remove').addEventListener('click', () => {
      this.removePicture = true;
      $('profile-file').value = '';
      this.preview();
    });
    $('profile-file').addEventListener('change', () => {
      this.removePicture = false;
      this.preview();
    });
    $('profile-name').addEventListener('input', () => this.preview());
    $('profile-form').addEventListener('submit', (e) => {
      e.preventDefault();
      this.save();
    });
  }

  /** The agent as the server last said it: its shown name and face in the top bar. */
  showAgent(agent) {
    if (!agent) return;
    this.agent = agent;
    const name = agent.displayName || agent.name;
    this.ctx.me.name = name; // what the agent's own new messages show until the server's copy comes back
    $('me-name').textContent = name;
    showFace($('me-face'), name, agent.avatarUrl);
  }

  open() {
    if (!this.agent) return;
    this.removePicture = false;
    $('profile-name').value = this.agent.displayName || '';
    $('profile-name').placeholder = this.agent.name;
    $('profile-file').value = '';
    show($('profile-error'), false);
    this.preview();
    $('profile-dialog').showModal();
    $('profile-name').focus();
  }

  /** The face as it will look: the chosen file, else the picture kept, else initials. */
  preview() {
    const name = $('profile-name').value.trim() || this.agent.name;
    const file = $('profile-file').files[0];
    if (this.previewUrl) URL.revokeObjectURL(this.previewUrl);
    this.previewUrl = file ? URL.createObjectURL(file) : null;
    showFace($('profile-face'), name, this.previewUrl || (this.removePicture ? null : this.agent.avatarUrl));
    show($('profile-remove'), !!(file || (!this.removePicture && this.agent.avatarUrl)));
  }

  async save() {
    const token = this.ctx.session.token;
    const file = $('profile-file').files[0];
    $('profile-save').disabled = true;
    try {
      let agent = await api('PUT', '/api/v1/profile', token, { displayName: $('profile-name').value.trim() || null });
      if (file) agent = await this.upload(file, token);
      else if (this.removePicture && agent.avatarUrl) agent = await api('DELETE', '/api/v1/profile/avatar', token);
      this.showAgent(agent);
      $('profile-dialog').close();
      this.ctx.toast(t('profileSaved'));
    } catch (e) {
      $('profile-error').textContent = ERRORS[e.code] ? t(ERRORS[e.code]) : e.message;
      show($('profile-error'), true);
    } finally {
      $('profile-save').disabled = false;
    }
  }

  async upload(file, token) {
    const response = await fetch('/api/v1/profile/avatar', {
      method: 'PUT', body: file, credentials: 'omit',
      headers: { Authorization: 'Bearer ' + token, 'Content-Type': 'application/octet-stream' },
    });
    if (!response.ok) throw await failureOfResponse(response);
    return response.json();
  }
}
