// The admin view: create agents, see every agent's status and load, set their limits, languages and
// skills, and the widget's embed snippet.

import { $, el } from './dom.js';
import { t } from './strings.js';
import { showFace } from '../client-core.js';
import { api } from './api.js';

export class Admin {
  constructor(ctx) {
    this.ctx = ctx; // {session, failed}
    $('agent-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.create();
    });
    $('copy-snippet').addEventListener('click', () => this.copySnippet());
  }

  snippet() {
    return `<script src="${location.origin}/widget.js" data-site="${this.ctx.session.siteKey}" async></script>`;
  }

  async refresh() {
    $('embed-snippet').textContent = this.snippet();
    let reply;
    try {
      reply = await api('GET', '/api/v1/agents', this.ctx.session.token);
    } catch (e) {
      this.ctx.failed(e);
      return;
    }
    const body = $('agents-body');
    body.replaceChildren();
    for (const agent of reply.agents) {
      const row = el('tr');
      row.dataset.agentId = agent.id;
      row.append(nameCell(agent), el('td', null, agent.email), el('td', null, t({ admin: 'roleAdmin', supervisor: 'roleSupervisor' }[agent.role] || 'roleAgent')));
      const status = el('td');
      // online by choice, but without an open dashboard it gets no chats: say so
      const unreachable = agent.status === 'online' && agent.connected === false;
      status.append(el('span', 'dot ' + (unreachable ? 'unreachable' : agent.status)), document.createTextNode(t(agent.status)
        + (unreachable ? ' · ' + t('notConnected') : '') + (agent.disabled ? ' · ' + t('disabled') : '')));
      row.append(status, el('td', null, t('loadOf', { load: agent.load, max: agent.maxChats })));
      const limitCell = el('td');
      const limit = el('input', 'max-chats row-max');
      limit.type = 'number';
      limit.min = '0';
      limit.max = '50';
      limit.value = String(agent.maxChats);
      limit.setAttribute('aria-label', t('maxChatsOf', { name: agent.name }));
      limit.addEventListener('change', () => {
        const value = Number.parseInt(limit.value, 10);
        // a half-typed or out-of-range value is left alone; only a valid one is sent
        if (Number.isInteger(value) && value >= 0 && value <= 50 && value !== agent.maxChats) this.update(agent, { maxChats: value });
      });
      limitCell.append(limit);
      const languagesCell = el('td');
      languagesCell.append(this.tagsInput(agent, 'languages', 'languagesOf', 'de, en'));
      const skillsCell = el('td');
      skillsCell.append(this.tagsInput(agent, 'skills', 'skillsOf', 'billing, technik'));
      const accountCell = el('td');
      if (agent.id !== this.ctx.session.agentId) {
        const toggle = el('button', agent.disabled ? 'enable' : 'disable danger', t(agent.disabled ? 'enable' : 'disable'));
        toggle.type = 'button';
        toggle.setAttribute('aria-label', t(agent.disabled ? 'enable' : 'disable') + ': ' + agent.name);
        toggle.addEventListener('click', () => this.update(agent, { disabled: !agent.disabled }));
        accountCell.append(toggle);
      }
      row.append(limitCell, languagesCell, skillsCell, accountCell);
      body.append(row);
    }
  }

  /** A comma-separated list (the agent's languages or skills) that is sent when it changes; the server checks it. */
  tagsInput(agent, field, labelKey, placeholder) {
    const input = el('input', 'tags');
    input.type = 'text';
    input.value = agent[field].join(', ');
    input.placeholder = placeholder;
    input.setAttribute('aria-label', t(labelKey, { name: agent.name }));
    input.addEventListener('change', () => {
      const tags = input.value.split(',').map((tag) => tag.trim()).filter(Boolean);
      if (tags.join(',') !== agent[field].join(',')) this.update(agent, { [field]: tags });
    });
    return input;
  }

  /** PATCH one agent (maxChats, disabled, languages or skills), then show the list as the server has it now. */
  async update(agent, change) {
    const result = $('agents-result');
    try {
      const updated = await api('PATCH', '/api/v1/agents/' + encodeURIComponent(agent.id), this.ctx.session.token, change);
      result.className = 'ok';
      result.textContent = t('agentUpdated', { name: updated.name });
    } catch (e) {
      result.className = 'error';
      result.textContent = e.message;
      if (e.status === 401) this.ctx.failed(e);
    }
    this.refresh();
  }

  async create() {
    const result = $('agent-form-result');
    const body = {
      name: $('agent-name').value.trim(),
      email: $('agent-email').value.trim(),
      password: $('agent-password').value,
      maxChats: Number.parseInt($('agent-max').value, 10),
      role: $('agent-role').value,
    };
    if (!Number.isInteger(body.maxChats)) delete body.maxChats;
    try {
      const agent = await api('POST', '/api/v1/agents', this.ctx.session.token, body);
      result.className = 'ok';
      result.textContent = t('agentCreated', { name: agent.name });
      $('agent-form').reset();
      this.refresh();
    } catch (e) {
      result.className = 'error';
      result.textContent = e.code === 'email_taken' ? t('emailTaken') : e.message;
      if (e.status === 401) this.ctx.failed(e);
    }
  }

  async copySnippet() {
    const text = this.snippet();
    try {
      await navigator.clipboard.writeText(text);
      $('copy-result').textContent = t('copied');
    } catch {
      const range = document.createRange();
      range.selectNodeContents($('embed-snippet'));
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      $('copy-result').textContent = t('copyFailed');
    }
  }
}

/** The agent's face and the name visitors read, with the account's name beside it when they differ. */
function nameCell(agent) {
  const cell = el('td', 'agent-name-cell');
  const face = el('span', 'face');
  face.setAttribute('aria-hidden', 'true');
  const shown = agent.displayName || agent.name;
  showFace(face, shown, agent.avatarUrl);
  cell.append(face, ' ', shown);
  if (agent.displayName && agent.displayName !== agent.name) cell.append(el('span', 'muted', ' (' + agent.name + ')'));
  return cell;
}
