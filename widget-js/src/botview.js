// The visitor's answer to the FAQ bot's first answer: "That answers it" or "Talk to a person".

import { el } from './dom.js';

/** Whether the buttons are due: the chat is held by the bot and its answer is on screen. */
export function botChoiceDue(st) {
  const c = st.conversation;
  return !!st.held && !!c && c.status === 'queued' && st.mode === 'chat' && st.items.some((m) => m.sender === 'bot');
}

export function createBotChoice(s, on) {
  const resolved = el('button', { type: 'button', class: 'primary', text: s.botResolved });
  const person = el('button', { type: 'button', class: 'secondary', text: s.talkToPerson });
  const node = el('div', { class: 'bot-choice', role: 'group', 'aria-labelledby': 'plauder-bot-q', hidden: true },
    el('p', { id: 'plauder-bot-q', text: s.botQuestion }), resolved, person);
  const thanks = el('p', { class: 'bot-thanks', role: 'status', text: s.botThanks, hidden: true });
  resolved.addEventListener('click', () => on.botResolved());
  person.addEventListener('click', () => on.talkToPerson());
  return {
    node,
    thanks,
    render(st) {
      const due = botChoiceDue(st);
      resolved.disabled = !!st.busy;
      person.disabled = !!st.busy;
      node.hidden = !due;
      thanks.hidden = st.mode !== 'resolved';
    },
  };
}
