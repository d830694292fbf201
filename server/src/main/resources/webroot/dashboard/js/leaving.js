// Going away or offline with visitors still chatting: the agent is asked first what becomes of them
// (hand them to colleagues, keep them, close them — or stay online), and the server does it in one
// action, agent.leave. Without open chats the status simply changes.

import { $ } from './dom.js';
import { t } from './strings.js';

export class Leaving {
  /**
   * {@code openChats()}: how many chats the agent has open now; {@code changeStatus(body)}: the plain
   * status change; {@code left(reply)}: the server's answer to agent.leave; {@code cancelled()}: the agent stays.
   */
  constructor(ctx, { openChats, changeStatus, left, cancelled }) {
    this.ctx = ctx;
    this.openChats = openChats;
    this.changeStatus = changeStatus;
    this.left = left;
    this.cancelled = cancelled;
    this.status = null;
    $('leave-dialog').addEventListener('close', () => this.chosen($('leave-dialog').returnValue));
  }

  /** The agent picked {@code status} in the menu. */
  ask(status) {
    const count = this.openChats();
    if (status === 'online' || count === 0) {
      this.changeStatus({ status });
      return;
    }
    this.status = status;
    $('leave-title').textContent = count === 1 ? t('leaveTitleOne') : t('leaveTitleMany', { count });
    $('leave-dialog').returnValue = '';
    $('leave-dialog').showModal();
    $('leave-hand-over').focus();
  }

  async chosen(choice) {
    const status = this.status;
    this.status = null;
    if (!status) return;
    if (!['handOver', 'keep', 'close'].includes(choice)) {
      this.cancelled(); // Escape or "Stay online"
      return;
    }
    try {
      const reply = await this.ctx.bus.request('agent.leave', { status, chats: choice });
      this.left(reply);
      this.ctx.toast(t('leaveDone', reply));
    } catch (e) {
      this.cancelled();
      this.ctx.failed(e);
    }
  }
}
