// The topics a site offers before the first message: the visitor may pick one, so that the chat
// goes to an agent who knows it. Built with DOM calls; labels set as text.

import { el } from './dom.js';

/** The topic's label in the widget's language, else in the other one, else its skill. */
export function topicLabel(topic, lang) {
  const labels = (topic && topic.labels) || {};
  return labels[lang] || labels.de || labels.en || topic.skill;
}

/** Only well-formed topics from the server: {skill, labels}. */
export function validTopics(topics) {
  return Array.isArray(topics)
    ? topics.filter((t) => t && typeof t.skill === 'string' && t.labels && typeof t.labels === 'object')
    : [];
}

export function createTopicPicker(s, lang, pick) {
  const select = el('select', { id: 'plauder-topic', name: 'topic' });
  const node = el('div', { class: 'topic', hidden: true }, el('label', { for: 'plauder-topic', text: s.topicLabel }), select);
  let shown = null;
  select.addEventListener('change', () => pick(select.value || null));
  return {
    node,
    /** {@code topics}: the site's topics while a pick is due (before the first message), else null. */
    render(topics, picked) {
      node.hidden = !topics || !topics.length;
      if (node.hidden) return;
      if (shown !== topics) {
        shown = topics;
        select.replaceChildren(el('option', { value: '', text: s.topicNone }),
          ...topics.map((t) => el('option', { value: t.skill, text: topicLabel(t, lang) })));
      }
      select.value = picked || '';
    },
  };
}
