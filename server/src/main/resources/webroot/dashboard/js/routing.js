// "Why me?": how the open chat was routed, step by step, from GET /api/v1/conversations/{id}.
// Every name and number from the network is set as text.
import { $, el, show, clockTime } from './dom.js';
import { t } from './strings.js';
import { api } from './api.js';

const RULE_TEXT = {
  'least-loaded': 'whyLeastLoaded',
  sticky: 'whySticky',
  take: 'whyTake',
  invitation: 'whyInvitation',
  transfer: 'whyTransfer',
  'reassign-no-reply': 'whyNoReply',
  requeue: 'whyRequeue',
  'agent-lost': 'whyAgentLost',
};

/** One step as a list item: when, what decided, and whom routing considered. */
function stepItem(step) {
  const item = el('li', 'why-step');
  // an agent-lost step without a new agent: the chat went back to the queue
  const key = step.rule === 'agent-lost' && !step.agentId ? 'whyAgentLostQueued' : RULE_TEXT[step.rule] || 'whyOther';
  const what = t(key, { agent: step.agentName || '', from: step.fromAgentName || '', rule: step.rule });
  item.append(el('time', 'muted', clockTime(step.at)), document.createTextNode(' ' + what));
  if (step.candidates && step.candidates.length > 0) {
    const considered = step.candidates.map((c) => t('whyCandidate', { name: c.name, load: c.load, free: c.freeSlots })).join(' · ');
    item.append(el('div', 'why-candidates muted', t('whyConsidered', { list: considered })));
  }
  return item;
}

export class RoutingExplainer {
  constructor(ctx) {
    this.ctx = ctx; // the app's context: session, failed
  }

  async open(conversationId) {
    const list = $('why-steps');
    list.replaceChildren();
    show($('why-empty'), false);
    try {
      const reply = await api('GET', '/api/v1/conversations/' + encodeURIComponent(conversationId), this.ctx.session.token);
      reply.routing.forEach((step) => list.append(stepItem(step)));
      show($('why-empty'), reply.routing.length === 0);
      $('why-dialog').showModal();
    } catch (e) {
      this.ctx.failed(e);
    }
  }
}
