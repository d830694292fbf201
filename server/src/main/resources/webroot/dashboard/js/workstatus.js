// The work status of e-mail conversations (open, pending, snoozed until…, resolved): the badge in
// the chat list and the header, the header's controls, the snooze dialog, "Send & pending", and
// the `workStatus` pushes. A parked conversation (pending, snoozed) holds no chat slot and takes no
// reply until it is open again. The network is reached through `ctx.bus`.

import { $, el, show, dateTime, markWrong } from './dom.js';
import { t } from './strings.js';
import { dateField, dateFieldText, dateFieldValue, dateInputValue, dayStart } from './dates.js';

/** open | pending | snoozed | resolved for an e-mail conversation; null for a chat of the widget. */
export function workStatusOf(conv) {
  if (!conv || conv.channel !== 'email') return null;
  if (conv.status === 'pending' || conv.status === 'snoozed') return conv.status;
  return conv.status === 'closed' ? 'resolved' : 'open';
}

export function isParked(conv) {
  const status = workStatusOf(conv);
  return status === 'pending' || status === 'snoozed';
}

/** "Snoozed until 3 Dec 2026, 09:00", "Pending", …: what the badge says. */
export function workStatusText(conv) {
  const status = workStatusOf(conv);
  if (!status) return '';
  return status === 'snoozed' ? t('wsSnoozedUntil', { time: dateTime(conv.snoozedUntil) }) : t('ws_' + status);
}

/** The short status badge of the chat list ("Snoozed"; the time in its title), or null for a chat. */
export function workStatusBadge(conv) {
  const status = workStatusOf(conv);
  if (!status) return null;
  const badge = el('span', 'badge work-status ws-' + status, t('ws_' + status));
  badge.title = workStatusText(conv);
  return badge;
}

/** "17:30" (or "9:05") as [hours, minutes] on a 24-hour clock; null when it is no time of day. */
export function timeFieldValue(text) {
  const match = (text || '').trim().match(/^(\d{1,2})[:.](\d{2})$/);
  if (!match) return null;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  return hours < 24 && minutes < 60 ? [hours, minutes] : null;
}

export class WorkStatusControls {
  constructor(ctx, chats) {
    this.ctx = ctx;       // {bus, failed, toast}
    this.chats = chats;
    $('status-pending').addEventListener('click', () => this.set('pending'));
    $('status-resolve').addEventListener('click', () => this.set('resolved'));
    $('status-open').addEventListener('click', () => this.set('open'));
    $('status-snooze').addEventListener('click', () => this.openSnooze());
    dateField($('snooze-date'));
    $('snooze-cancel').addEventListener('click', () => $('snooze-dialog').close());
    $('snooze-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.snooze();
    });
    $('send-pending-button').addEventListener('click', () => this.sendThenPending());
  }

  /** Shows the active conversation's status and the controls that fit it. */
  render(chat) {
    const conv = chat ? chat.conv : null;
    const status = workStatusOf(conv);
    const badge = $('chat-status');
    badge.textContent = status ? workStatusText(conv) : '';
    badge.className = 'badge work-status' + (status ? ' ws-' + status : '');
    show(badge, !!status);
    const ended = !chat || chat.ended;
    show($('work-status-actions'), !!status && !ended);
    show($('status-pending'), status === 'open' || status === 'snoozed');
    show($('status-snooze'), !!status);
    show($('status-open'), status === 'pending' || status === 'snoozed');
    show($('status-resolve'), !!status);
    show($('send-pending-button'), status === 'open' && !ended);
    show($('chat-parked'), isParked(conv));
  }

  async set(status, until) {
    const chat = this.chats.active;
    if (!chat) return false;
    try {
      const body = { conversationId: chat.conv.id, status };
      if (until) body.until = until;
      const reply = await this.ctx.bus.request('agent.workStatus', body);
      this.apply(reply.conversation);
      return true;
    } catch (error) {
      const own = { status_changed: 'wsChanged', not_email: 'wsNotEmail', conversation_closed: 'wsClosed' }[error.code];
      if (own) this.ctx.toast(t(own), true);
      else this.ctx.failed(error); // a refused slot (not online, full, no dashboard) is said as for a take
      return false;
    }
  }

  /** The conversation as it is now: resolved leaves the list, woken into the queue leaves it too. */
  apply(conv) {
    const chat = this.chats.chats.get(conv.id);
    if (!chat) return;
    const status = workStatusOf(conv);
    if (status === 'resolved') {
      this.chats.remove(conv.id, t('wsResolvedToast'));
    } else if (conv.agentId && conv.agentId !== this.ctx.me.agentId) {
      this.chats.remove(conv.id);
    } else if (conv.status === 'queued') {
      this.chats.remove(conv.id, t('wsBackToQueue', { name: conv.visitorName || conv.visitorEmail || '' }));
    } else {
      chat.conv = conv;
      this.chats.render();
    }
  }

  /** A `workStatus` push: a parked conversation woke (the customer wrote, its snooze ended) or another tab changed it. */
  onPush(push) {
    const conv = push.conversation;
    if (!this.chats.chats.has(conv.id)) {
      if (conv.agentId === this.ctx.me.agentId && conv.status !== 'queued') this.chats.onAssigned({ conversation: conv });
      return;
    }
    if (push.reason === 'customerWrote' || push.reason === 'snoozeEnded') {
      const key = push.reason === 'customerWrote' ? 'wsCustomerWrote' : 'wsSnoozeEnded';
      if (conv.status !== 'queued') this.ctx.toast(t(key, { name: conv.visitorName || conv.visitorEmail || '' }));
    }
    this.apply(conv);
  }

  openSnooze() {
    const tomorrow = new Date(Date.now() + 24 * 3600 * 1000);
    tomorrow.setHours(9, 0, 0, 0);
    $('snooze-date').value = dateFieldText(dateInputValue(tomorrow));
    $('snooze-time').value = '09:00';
    for (const id of ['snooze-date', 'snooze-time']) $(id).removeAttribute('aria-invalid');
    show($('snooze-error'), false);
    $('snooze-dialog').showModal();
    $('snooze-date').focus();
  }

  /** The snooze's end as typed (day in the agent's format, 24-hour time), or { error } for the first field that is wrong. */
  snoozeUntil() {
    const [dateInput, timeInput] = [$('snooze-date'), $('snooze-time')];
    for (const input of [dateInput, timeInput]) input.removeAttribute('aria-invalid');
    const day = dayStart(dateFieldValue(dateInput.value));
    if (!day) return { error: t('invalidDate', { field: markWrong(dateInput), format: t('dateFormatShown') }) };
    const time = timeFieldValue(timeInput.value);
    if (!time) return { error: t('invalidTime', { field: markWrong(timeInput) }) };
    const until = new Date(day.getFullYear(), day.getMonth(), day.getDate(), time[0], time[1]);
    if (until.getTime() <= Date.now()) return { error: t('wsSnoozeFuture', { field: markWrong(timeInput) }) };
    return { until };
  }

  async snooze() {
    const { until, error } = this.snoozeUntil();
    if (error) {
      $('snooze-error').textContent = error;
      show($('snooze-error'), true);
      return;
    }
    if (await this.set('snoozed', until.toISOString())) $('snooze-dialog').close();
  }

  /** Sends the reply in the composer and, once it is stored, sets the conversation pending. */
  async sendThenPending() {
    const chat = this.chats.active;
    if (!chat || $('composer-text').value.trim() === '') return;
    await this.chats.send();
    if (chat.outbox.pending().length === 0 && this.chats.active === chat) await this.set('pending');
  }
}
