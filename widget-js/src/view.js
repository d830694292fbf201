// The widget's DOM, all inside one Shadow root: launcher bubble and chat panel. Text that comes
// from the network is only ever set with textContent.

import { CSS } from './styles.js';
import { formatTime, formatDate, formatWait } from './time.js';
import { visibleEarlier, COLLAPSED_COUNT } from './earlier.js';
import { trappedFocusIndex } from './focus.js';
import { el, icon, setLinkedText } from './dom.js';
import { createPrechatForm } from './prechatview.js';
import { createAttachments } from './attachview.js';
import { createTopicPicker } from './topicview.js';
import { createEmojiPicker } from './emojiview.js';
import { createHelpView } from './helpview.js';
import { createBotChoice } from './botview.js';
import { showFace } from './client/avatar.js';

const SEND_PATH = 'M2.01 21 23 12 2.01 3 2 10l15 2-15 2z';
const BUBBLE_PATH = 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm3 6.5a1.5 1.5 0 1 0 0 .01zm5 0a1.5 1.5 0 1 0 0 .01zm5 0a1.5 1.5 0 1 0 0 .01z';

/**
 * Gives the Shadow root its CSS as a constructed stylesheet: a host page's Content-Security-Policy
 * without 'unsafe-inline' blocks a <style> element (also inside a Shadow root), not this. Browsers
 * without constructable stylesheets (Safari before 16.4) get the <style> element, which works on
 * pages without such a policy.
 */
function adoptStyles(root) {
  if ('adoptedStyleSheets' in root) {
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      root.adoptedStyleSheets = [sheet];
      return;
    } catch (e) {
      // no constructable stylesheets after all
    }
  }
  root.appendChild(el('style', { text: CSS }));
}

/** The elements Tab can reach inside {@code container}, in document order, as they are shown now. */
function focusablesIn(container) {
  return Array.from(container.querySelectorAll('button, input, textarea, [tabindex]'))
    .filter((n) => !n.disabled && n.tabIndex >= 0 && !n.closest('[hidden]') && n.getClientRects().length > 0);
}

export function createView(s, lang, options, on, existingHost) {
  // Drawn again in another language, the widget keeps its host element and shadow root, so
  // nothing that holds them (the page, assistive technology) loses track of it.
  const host = existingHost || el('div', { id: 'plauder-widget', 'data-plauder': '' });
  if (!existingHost && options.position === 'left') host.classList.add('left');
  const root = host.shadowRoot || host.attachShadow({ mode: 'open' });
  root.replaceChildren();
  adoptStyles(root);
  if (options.color) host.style.setProperty('--c', options.color);

  const badge = el('span', { class: 'badge', 'aria-hidden': 'true', hidden: true });
  const launcher = el('button', { type: 'button', class: 'launcher', 'aria-expanded': 'false', 'aria-controls': 'plauder-panel' }, icon(BUBBLE_PATH), badge);

  const offerTitle = el('p', { class: 'from', id: 'plauder-offer-title' });
  const offerText = el('p', { class: 'offer-text', id: 'plauder-offer-text' });
  const offerAccept = el('button', { type: 'button', class: 'primary', text: s.offerAccept });
  const offerDismiss = el('button', { type: 'button', class: 'x', 'aria-label': s.offerDismiss, title: s.offerDismiss, text: '×' });
  const offer = el('div', { class: 'offer', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'plauder-offer-title', 'aria-describedby': 'plauder-offer-text', hidden: true },
    offerTitle, offerText, offerAccept, offerDismiss);
  // Announces a new offer to screen readers without taking focus away from the page.
  const announce = el('p', { class: 'sr', role: 'status' });

  const title = el('h2', { id: 'plauder-title', text: s.title });
  const status = el('p', { class: 'status', id: 'plauder-status' });
  const endButton = el('button', { type: 'button', class: 'end', text: s.endChat, hidden: true });
  const closeButton = el('button', { type: 'button', class: 'x', 'aria-label': s.close, title: s.close, text: '×' });
  // The agent's face (picture, else initials) beside its name while it chats with the visitor.
  const face = el('span', { class: 'face', 'aria-hidden': 'true', hidden: true });
  const header = el('header', {}, face, el('div', { class: 'head' }, title, status), endButton, closeButton);
  // The agent of the open chat, for the faces beside its messages: {name, url}.
  let agentFace = { name: null, url: null };
  const messageFaces = new WeakMap();

  // "Chat beenden" asks first: the question takes focus on its safe answer, Escape keeps chatting.
  const endYes = el('button', { type: 'button', class: 'primary', text: s.endChatConfirm });
  const endNo = el('button', { type: 'button', class: 'link', text: s.endChatCancel });
  const confirmEnd = el('div', { class: 'confirm', role: 'alertdialog', 'aria-labelledby': 'plauder-end-q', hidden: true },
    el('p', { id: 'plauder-end-q', text: s.endChatQuestion }), endYes, endNo);

  const notice = el('p', { class: 'notice', role: 'status', hidden: true });
  const error = el('p', { class: 'error', role: 'alert', hidden: true });

  // The last conversation of an earlier visit, read-only, above the start of a new chat.
  const earlierDate = el('p', { class: 'earlier-date' });
  const earlierToggle = el('button', { type: 'button', class: 'link earlier-toggle', 'aria-expanded': 'false', 'aria-controls': 'plauder-earlier-list' });
  const earlierList = el('ol', { class: 'earlier-list', id: 'plauder-earlier-list', 'aria-labelledby': 'plauder-earlier-title' });
  const earlier = el('section', { class: 'earlier', 'aria-labelledby': 'plauder-earlier-title', hidden: true },
    el('h3', { id: 'plauder-earlier-title', text: s.earlierTitle }), earlierDate, earlierToggle, earlierList);

  const empty = el('p', { class: 'empty', text: s.statusReady });
  const log = el('ol', { class: 'log', 'aria-label': s.messages, 'aria-live': 'polite' });
  const typing = el('p', { class: 'typing', 'aria-live': 'polite', hidden: true });
  const body = el('div', { class: 'body' }, earlier, empty, log, typing);

  const textarea = el('textarea', { id: 'plauder-input', rows: '1', maxlength: '4000', placeholder: s.placeholder, 'aria-describedby': 'plauder-hint' });
  // An icon named by its label: the word "Senden" took the width a 360-px phone needs for the
  // placeholder beside the attach and emoji buttons.
  const sendButton = el('button', { type: 'submit', class: 'send', 'aria-label': s.send, title: s.send }, icon(SEND_PATH));
  const attach = createAttachments(lang, root, { attach: (f) => on.attach(f), cancelUpload: () => on.cancelUpload(), fileUrl: (a) => on.fileUrl(a) });
  const emoji = createEmojiPicker(s, textarea, () => {
    autosize();
    on.input(textarea.value);
  });
  const composer = el('form', { class: 'composer' },
    el('label', { class: 'sr', for: 'plauder-input', text: s.composerLabel }),
    el('span', { class: 'sr', id: 'plauder-hint', text: s.composerHint }),
    attach.input, attach.button, emoji.toggle, textarea, sendButton);

  const prechat = createPrechatForm(s, (answers) => on.prechat(answers));
  const topics = createTopicPicker(s, lang, (skill) => on.pickTopic(skill));
  const help = createHelpView(s, on);
  const botChoice = createBotChoice(s, on);

  const offName = el('input', { type: 'text', name: 'name', autocomplete: 'name', maxlength: '200' });
  const offEmail = el('input', { type: 'email', name: 'email', autocomplete: 'email', required: true, maxlength: '254' });
  const offText = el('textarea', { name: 'message', required: true, maxlength: '4000' });
  const offSubmit = el('button', { type: 'submit', class: 'primary', text: s.leaveMessage });
  // The site admin's offline message when there is one, else ours; always as text.
  const offIntro = el('p', { class: 'offline-intro', text: s.offlineIntro });
  // When the chat lost its agent: the message takes the chat along.
  const offAttached = el('p', { class: 'offline-attached', text: s.offlineChatAttached, hidden: true });
  const offline = el('form', { class: 'form offline', hidden: true },
    el('p', {}, el('strong', { text: s.offlineTitle })),
    offIntro,
    offAttached,
    el('label', {}, document.createTextNode(s.name), offName),
    el('label', {}, document.createTextNode(s.email), offEmail),
    el('label', {}, document.createTextNode(s.message), offText),
    offSubmit);

  const left = el('div', { class: 'form left-message', hidden: true }, el('p', { role: 'status', text: s.leftMessage }));

  // an optional comment goes with the stars: written first, sent with the click on a star
  const rateComment = el('textarea', { id: 'plauder-rate-comment', name: 'comment', rows: '2', maxlength: '500' });
  const stars = el('div', { class: 'stars', role: 'group', 'aria-labelledby': 'plauder-rate-q' });
  for (let n = 1; n <= 5; n++) {
    const star = el('button', { type: 'button', 'aria-label': s.rateStar(n), title: s.rateStar(n), text: '★' });
    star.addEventListener('click', () => on.rate(n, rateComment.value));
    stars.appendChild(star);
  }
  const rating = el('div', { class: 'form rating', hidden: true }, el('p', { id: 'plauder-rate-q', text: s.rateQuestion }),
    el('label', {}, document.createTextNode(s.rateComment), rateComment), stars);
  const rated = el('p', { class: 'rated', role: 'status', text: s.rated, hidden: true });
  const newChat = el('button', { type: 'button', class: 'link', text: s.newChat });
  const mailEmail = el('input', { id: 'plauder-mail', type: 'email', name: 'email', autocomplete: 'email', required: true, maxlength: '254' });
  const mailSubmit = el('button', { type: 'submit', class: 'primary', text: s.transcriptSend });
  const mailError = el('p', { class: 'mail-error', role: 'alert', hidden: true });
  const mailSent = el('p', { class: 'mail-sent', role: 'status', hidden: true });
  const mailForm = el('form', { class: 'mail', hidden: true },
    el('label', { for: 'plauder-mail', text: s.transcriptOffer }),
    el('div', { class: 'row' }, mailEmail, mailSubmit));
  const mail = el('div', { class: 'mail-box', hidden: true }, mailForm, mailError, mailSent);
  const after = el('div', { class: 'form after', hidden: true }, rated, botChoice.thanks, mail, newChat);

  const panel = el('div', { class: 'panel', id: 'plauder-panel', role: 'dialog', 'aria-labelledby': 'plauder-title', 'aria-describedby': 'plauder-status', hidden: true },
    header, confirmEnd, notice, error, body, help.article, botChoice.node, help.suggestions, help.found, prechat.node, topics.node,
    emoji.grid, attach.progress, composer, offline, left, rating, after, attach.lightbox);
  attach.listen(panel, textarea);

  root.appendChild(offer);
  root.appendChild(announce);
  root.appendChild(launcher);
  root.appendChild(panel);

  launcher.addEventListener('click', () => on.toggle());
  // A link to one of the site's help articles in the bot's answer opens the article inside the panel.
  log.addEventListener('click', (e) => {
    const link = e.target.closest && e.target.closest('li.bot a');
    const id = link && on.articleOfLink(link.href);
    if (id) {
      e.preventDefault();
      on.openArticle(id);
    }
  });
  closeButton.addEventListener('click', () => on.close());
  function askToEnd(asking) {
    confirmEnd.hidden = !asking;
    endButton.setAttribute('aria-expanded', String(asking));
    (asking ? endNo : endButton).focus();
  }
  endButton.setAttribute('aria-expanded', 'false');
  endButton.addEventListener('click', () => askToEnd(confirmEnd.hidden));
  endNo.addEventListener('click', () => askToEnd(false));
  endYes.addEventListener('click', () => {
    confirmEnd.hidden = true;
    on.endChat();
  });
  confirmEnd.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      askToEnd(false);
    }
  });
  newChat.addEventListener('click', () => on.newChat());
  earlierToggle.addEventListener('click', () => on.toggleEarlier());
  panel.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      on.close();
    } else if (e.key === 'Tab') {
      // The open panel keeps keyboard focus: Tab and Shift+Tab cycle through it (Escape leaves).
      const list = focusablesIn(panel);
      const next = trappedFocusIndex(list.length, list.indexOf(root.activeElement), e.shiftKey);
      if (next >= 0) {
        e.preventDefault();
        list[next].focus();
      }
    }
  });
  offerAccept.addEventListener('click', () => on.acceptOffer());
  offerDismiss.addEventListener('click', () => on.dismissOffer());
  offer.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      on.dismissOffer();
    }
  });
  mailForm.addEventListener('submit', (e) => {
    e.preventDefault();
    on.emailTranscript(mailEmail.value.trim());
  });
  composer.addEventListener('submit', (e) => {
    e.preventDefault();
    submitComposer();
  });
  textarea.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      submitComposer();
    }
  });
  textarea.addEventListener('input', () => {
    autosize();
    on.input(textarea.value);
  });
  offline.addEventListener('submit', (e) => {
    e.preventDefault();
    on.leaveMessage({ name: offName.value.trim(), email: offEmail.value.trim(), text: offText.value.trim() });
  });

  function submitComposer() {
    const text = textarea.value.trim();
    if (!text) return;
    if (on.send(text) !== false) {
      textarea.value = '';
      autosize();
    }
  }

  function autosize() {
    textarea.style.height = 'auto';
    textarea.style.height = Math.min(textarea.scrollHeight + 2, 120) + 'px';
  }
  // A text keeps fitting when the box's width changes: the attach button appears, the phone turns.
  // Only a change of width counts, so setting the height does not call this again.
  if (typeof ResizeObserver === 'function') {
    let width = 0;
    new ResizeObserver(([entry]) => {
      if (entry.contentRect.width === width) return;
      width = entry.contentRect.width;
      if (textarea.value) autosize();
    }).observe(textarea);
  }

  const items = new Map();
  // The text each message item shows, so that a render changes its links only when the text changed.
  const shownText = new WeakMap();

  function itemKey(m) {
    return m.sender + ':' + (m.clientMsgId || 's' + m.seq);
  }

  function renderItem(m, node) {
    const li = node || el('li', {}, el('p', { class: 'bubble' }), el('span', { class: 'meta' }), el('span', { class: 'masked', hidden: true }));
    li.className = m.sender + (m.state === 'sending' ? ' sending' : '');
    const shown = m.attachment ? 'file:' + m.attachment.id : m.text;
    if (shownText.get(li) !== shown) {
      if (m.attachment) attach.show(li.firstChild, m);
      else setLinkedText(li.firstChild, m.text);
      shownText.set(li, shown);
    }
    const time = formatTime(m.time, lang);
    let meta;
    if (m.sender === 'visitor') meta = [s.you, time, m.state === 'sending' ? s.sending : m.read ? s.readTick : m.seq != null ? s.sentTick : null];
    else if (m.sender === 'agent') meta = [m.senderName || s.agent, time];
    else if (m.sender === 'bot') meta = [m.senderName || s.bot, s.botKind, time];
    else meta = [s.system, time];
    const metaText = meta.filter(Boolean).join(' · ');
    if (m.sender === 'agent') {
      // a colleague who had the chat before keeps its initials; the picture is the current agent's
      const small = messageFaces.get(li) || el('span', { class: 'face small', 'aria-hidden': 'true' });
      messageFaces.set(li, small);
      const name = m.senderName || s.agent;
      showFace(small, name, name === agentFace.name ? agentFace.url : null);
      li.children[1].replaceChildren(small, document.createTextNode(metaText));
    } else {
      li.children[1].textContent = metaText;
    }
    const masked = li.children[2];
    masked.hidden = !m.masked;
    masked.textContent = m.masked ? s.masked : '';
    return li;
  }

  function renderLog(list) {
    const seen = new Set();
    let grew = false;
    list.forEach((m, i) => {
      const key = itemKey(m);
      seen.add(key);
      let li = items.get(key);
      if (!li) {
        li = renderItem(m);
        items.set(key, li);
        grew = true;
      } else {
        renderItem(m, li);
      }
      if (log.children[i] !== li) log.insertBefore(li, log.children[i] || null);
    });
    for (const [key, li] of items) {
      if (!seen.has(key)) {
        li.remove();
        items.delete(key);
      }
    }
    return grew;
  }

  let lastEarlier = null;

  /** The earlier conversation: its day, and its last messages until the visitor expands it. */
  function renderEarlier(st) {
    const e = st.earlier;
    earlier.hidden = !e || !e.items.length || st.mode === 'rating' || st.mode === 'rated';
    if (earlier.hidden) return false;
    const c = st.conversation;
    // With a new chat going, only the heading and the button stay: the new chat has the room.
    const chatting = !!c && (c.status === 'queued' || c.status === 'active');
    const { shown, hidden } = visibleEarlier(e.items, st.earlierExpanded, chatting ? 0 : COLLAPSED_COUNT);
    const key = [e.conversation.id, e.items.length, shown.length].join(':');
    if (key === lastEarlier) return false;
    lastEarlier = key;
    earlierDate.textContent = formatDate(e.conversation.createdAt || (e.items[0] && e.items[0].time), lang);
    earlierToggle.hidden = !hidden && !st.earlierExpanded;
    earlierToggle.textContent = hidden ? s.earlierShowAll(hidden) : s.earlierShowLess;
    earlierToggle.setAttribute('aria-expanded', String(!hidden));
    earlierList.replaceChildren(...shown.map((m) => renderItem(m)));
    return true;
  }

  let lastMode = null;
  let lastPrefill = null;
  let lastOfferId = null;
  let mailPrefilled = false;

  function renderOffer(st) {
    const o = st.offer;
    offer.hidden = !o || st.open || !!st.fatal;
    if (!o) {
      if (lastOfferId !== null && offer.contains(root.activeElement)) launcher.focus();
      lastOfferId = null;
      announce.textContent = '';
      return;
    }
    offerTitle.textContent = o.from ? s.offerFrom(o.from) : s.title;
    offerText.textContent = o.text;
    if (o.id !== lastOfferId && !offer.hidden) {
      lastOfferId = o.id;
      announce.textContent = s.offerLabel + ': ' + o.text;
      on.offerShown(o.id);
    }
  }

  function renderMail(st) {
    const c = st.conversation;
    const m = st.mail || { status: 'idle' };
    mail.hidden = !st.emailTranscript || !c || c.status !== 'closed' || (st.mode !== 'rating' && st.mode !== 'rated');
    if (mail.hidden) {
      mailPrefilled = false;
      return;
    }
    if (!mailPrefilled && !mailEmail.value && st.email) mailEmail.value = st.email;
    mailPrefilled = true;
    const refused = m.status === 'refused';
    mailForm.hidden = m.status === 'sent' || refused;
    mailSubmit.disabled = m.status === 'sending';
    mailSent.hidden = m.status !== 'sent';
    mailSent.textContent = m.status === 'sent' ? s.transcriptSent(m.sentTo) : '';
    mailError.hidden = !(m.status === 'error' || refused);
    mailError.textContent = mailError.hidden ? '' : m.error;
  }

  return {
    host,
    root,
    render(st) {
      renderOffer(st);
      renderMail(st);
      host.classList.toggle('open', st.open);
      panel.hidden = !st.open;
      launcher.setAttribute('aria-expanded', String(st.open));
      launcher.setAttribute('aria-label', (st.open ? s.launcherClose : s.launcherOpen) + (st.unread ? ' – ' + s.unread(st.unread) : ''));
      badge.hidden = !st.unread;
      badge.textContent = st.unread > 99 ? '99+' : String(st.unread);

      const c = st.conversation;
      const open = c && (c.status === 'queued' || c.status === 'active');
      if (!st.connected) status.textContent = st.everConnected ? s.statusOffline : s.statusConnecting;
      else if (st.mode === 'offline' || st.mode === 'left') status.textContent = s.statusLeaveMessage;
      else if (c && c.status === 'active') status.textContent = s.statusActive(c.agentName || s.agent);
      else if (c && c.status === 'queued') status.textContent = st.held ? s.statusHeld : s.statusQueued;
      else if (c && c.status === 'closed') status.textContent = s.statusClosed;
      else status.textContent = s.statusReady;
      endButton.hidden = !open || st.mode !== 'chat';
      if (endButton.hidden) confirmEnd.hidden = true;
      const agentShown = !!c && c.status === 'active' && st.connected;
      agentFace = agentShown ? { name: c.agentName || s.agent, url: on.avatarUrl(c.agentAvatarUrl) } : { name: null, url: null };
      face.hidden = !agentShown;
      if (agentShown) showFace(face, agentFace.name, agentFace.url);

      const queueText = open && c.status === 'queued' && st.queue && st.mode === 'chat'
        ? [s.queuePosition(st.queue.position), formatWait(st.queue.estimatedWaitSeconds, s)].filter(Boolean).join(' ')
        : '';
      notice.textContent = queueText;
      notice.hidden = !queueText;
      error.textContent = st.error ? s.errorPrefix + st.error : '';
      error.hidden = !st.error;

      const list = st.items;
      empty.hidden = list.length > 0 || st.mode !== 'chat' || !!st.prechat;
      const earlierChanged = renderEarlier(st);
      const grew = renderLog(list) || (earlierChanged && !st.earlierExpanded);
      typing.hidden = !st.agentTyping;
      typing.textContent = st.agentTyping ? s.typing((c && c.agentName) || s.agent) : '';
      if (grew || st.agentTyping) body.scrollTop = body.scrollHeight;

      prechat.render(st.mode === 'chat' && !st.fatal ? st.prechat : null);
      composer.hidden = st.mode !== 'chat' || !!st.fatal || !!st.prechat || !!st.help.article;
      attach.render(st.upload, !!open && !composer.hidden);
      topics.render(composer.hidden ? null : st.topics, st.topic);
      if (composer.hidden) emoji.close();
      help.render(st.help, st.mode === 'chat' && !open && !st.prechat && !st.fatal);
      botChoice.render(st);
      sendButton.disabled = !!st.fatal;
      offline.hidden = st.mode !== 'offline';
      offIntro.textContent = st.agentLeft ? s.offlineAgentLeft(st.agentLeft) : st.offlineMessage || s.offlineIntro;
      offAttached.hidden = !(open && st.mode === 'offline');
      offSubmit.disabled = !!st.busy;
      left.hidden = st.mode !== 'left';
      rating.hidden = st.mode !== 'rating';
      if (rating.hidden) rateComment.value = '';
      after.hidden = st.mode !== 'rating' && st.mode !== 'rated' && st.mode !== 'left' && st.mode !== 'resolved';
      rated.hidden = st.mode !== 'rated';
      body.hidden = st.mode === 'offline' || st.mode === 'left' || (!!st.prechat && earlier.hidden) || !!st.help.article;

      if (st.mode === 'offline' && st.offlinePrefill !== lastPrefill) {
        lastPrefill = st.offlinePrefill;
        if (st.offlinePrefill && !offText.value) offText.value = st.offlinePrefill.text || '';
        if (st.offlinePrefill && !offName.value) offName.value = st.offlinePrefill.name || '';
        if (st.offlinePrefill && !offEmail.value) offEmail.value = st.offlinePrefill.email || '';
      }
      const shownMode = st.mode === 'chat' && st.prechat ? 'prechat' : st.mode;
      const modeChanged = lastMode !== null && lastMode !== shownMode;
      lastMode = shownMode;
      if (modeChanged && st.open) this.focusInto();
    },
    focusInto() {
      const target = [prechat.first(), offName, textarea, stars.firstChild, mailEmail, newChat, closeButton]
        .find((n) => n.offsetParent !== null && !n.closest('[hidden]'));
      (target || closeButton).focus();
    },
    focusLauncher() {
      launcher.focus();
    },
    focusComposer() {
      if (!composer.hidden) textarea.focus();
    },
    /** Puts a message the server refused back into an empty composer, so it can be corrected. */
    restoreDraft(text) {
      if (!textarea.value) {
        textarea.value = text;
        autosize();
      }
    },
  };
}
