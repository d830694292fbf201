// Whispers in the agent's own chat: what a supervisor (or admin) whispered, under the chat's header,
// never sent to the visitor. Loaded when a chat is shown (`agent.whispers`), added by `whisper` pushes;
// a whisper for a chat in the background shows as a notice.

import { $, el, show, clockTime } from './dom.js';
import { t } from './strings.js';

export class WhisperNotes {
  constructor(ctx) {
    this.ctx = ctx; // {bus, toast}
    this.shownId = null;
    this.byChat = new Map(); // conversationId → [whisper]
  }

  async showFor(conv) {
    this.shownId = conv ? conv.id : null;
    this.render();
    if (!conv) return;
    try {
      const reply = await this.ctx.bus.request('agent.whispers', { conversationId: conv.id });
      this.byChat.set(conv.id, reply.whispers || []);
      if (this.shownId === conv.id) this.render();
    } catch {
      // not this agent's chat any more: nothing to show
    }
  }

  onPush(push) {
    const w = push.whisper;
    const list = this.byChat.get(w.conversationId) || [];
    if (!list.some((x) => x.clientMsgId === w.clientMsgId && x.agentId === w.agentId)) list.push(w);
    this.byChat.set(w.conversationId, list);
    if (this.shownId === w.conversationId) this.render();
    else this.ctx.toast(t('whisperFrom', { name: w.agentName || '' }) + ': ' + w.text);
  }

  render() {
    const box = $('chat-whispers');
    const list = (this.shownId && this.byChat.get(this.shownId)) || [];
    box.replaceChildren(...list.map((w) => {
      const item = el('li', 'whisper');
      item.append(el('span', 'whisper-who', t('whisperFrom', { name: w.agentName || '' }) + ' · ' + clockTime(w.time) + ': '),
        el('span', 'whisper-text', w.text));
      return item;
    }));
    show(box, list.length > 0);
  }
}
