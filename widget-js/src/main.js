// Plauder's visitor widget: finds its own <script> tag, puts a launcher into the page (inside a
// Shadow root) and keeps the visitor's chat going across page loads and dropped connections;
// shows the server's offers of help and, after a chat, sends its transcript by e-mail on request.
// Public API: window.Plauder('open' | 'close' | 'identify' | 'on', …), calls made before the
// bundle loaded are taken from the stub's queue (window.Plauder.q).

import { chooseLanguage, stringsFor, errorText } from './strings.js';
import { Outbox, newClientMsgId } from './client/outbox.js';
import { Transcript, storedFromAck } from './client/transcript.js';
import { readAllPages } from './client/paging.js';
import { TypingNotices, RemoteTyping } from './client/typing.js';
import { Connection } from './connection.js';
import { createView } from './view.js';
import { ScrollLock } from './scrolllock.js';
import { offerOf, closedBy } from './offers.js';
import { serverMasked } from './masking.js';
import { endedConversationOf } from './earlier.js';
import { pageTitle } from './pagetitle.js';
import { prechatDue, prechatAnswers } from './prechat.js';
import { Suggester, suggestionsOf } from './suggestions.js';
import { callApi } from './client/rest.js';
import { sendFile, FileUrls } from './client/files.js';
import { fileStringsFor } from './filestrings.js';

const script = document.currentScript
  || document.querySelector('script[data-site][src*="widget.js"]');

const RETRY_MS = 5000;
const CLIENT_MSG_ID_PREFIX = 'w';
const PRECHAT_REFUSALS = ['name_required', 'email_required', 'consent_required'];

function safeStorage(name) {
  try {
    const storage = window[name];
    const probe = '__plauder__';
    storage.setItem(probe, probe);
    storage.removeItem(probe);
    return storage;
  } catch (e) {
    const items = new Map();
    return { getItem: (k) => (items.has(k) ? items.get(k) : null), setItem: (k, v) => items.set(k, String(v)), removeItem: (k) => items.delete(k) };
  }
}

function readJson(storage, key, fallback) {
  try {
    const value = JSON.parse(storage.getItem(key));
    return value == null ? fallback : value;
  } catch (e) {
    return fallback;
  }
}

function validColor(value) {
  return value && window.CSS && CSS.supports && CSS.supports('color', value) ? value : null;
}

class Widget {
  constructor(scriptTag) {
    const data = scriptTag.dataset;
    this.site = data.site;
    this.base = new URL(scriptTag.src, location.href).origin;
    this.local = safeStorage('localStorage');
    this.session = safeStorage('sessionStorage');
    this.key = 'plauder.' + this.site + '.';
    this.languageCandidates = [data.lang, document.documentElement.lang].concat(navigator.languages || [navigator.language]);
    // The site's languages as the server last said them; until then, any the widget speaks.
    const siteLanguages = readJson(this.local, this.key + 'languages', null);
    this.lang = chooseLanguage(this.languageCandidates, Array.isArray(siteLanguages) ? siteLanguages : undefined);
    this.s = stringsFor(this.lang);
    this.listeners = {};
    this.outbox = new Outbox(this.local, this.key + 'outbox', { sender: 'visitor', prefix: CLIENT_MSG_ID_PREFIX });
    this.transcript = new Transcript();
    this.identity = this.readIdentity();
    this.masked = new Set(readJson(this.session, this.key + 'masked', []));
    this.scrollLock = new ScrollLock(document.documentElement.style);
    this.phone = window.matchMedia ? window.matchMedia('(max-width: 480px)') : null;
    this.state = {
      open: this.session.getItem(this.key + 'open') === '1',
      unread: Number(this.session.getItem(this.key + 'unread')) || 0,
      connected: false,
      everConnected: false,
      fatal: false,
      error: null,
      conversation: null,
      mode: 'chat',
      queue: null,
      offlinePrefill: null,
      // the site admin's offline message, shown above the leave-a-message form
      offlineMessage: null,
      busy: false,
      // An offer of help the server pushed and the visitor has not answered yet; kept for the
      // session, since the server keeps it open across page changes.
      offer: offerOf(readJson(this.session, this.key + 'offer', null)),
      mail: { status: 'idle' },
      // The visitor's last ended conversation from an earlier visit, read-only: {conversation, items}.
      earlier: null,
      earlierExpanded: false,
      // The FAQ bot answers this chat first (it is not in the queue until the visitor asks for a person).
      held: false,
      // Articles suggested while the first message is written, and the one open in the panel.
      help: { suggestions: [], article: null },
    };
    this.suggester = new Suggester((q) => this.searchArticles(q),
      (suggestions) => this.update({ help: { ...this.state.help, suggestions } }));
    this.typing = new TypingNotices((typing) => {
      const c = this.state.conversation;
      if (c) this.connection.request('visitor.typing', { conversationId: c.id, typing }).catch(() => {});
    });
    this.agentTyping = new RemoteTyping(() => this.render());
    this.viewOptions = { color: validColor(data.color), position: data.position };
    this.buildView();
    this.connection = new Connection(this.base, this.site, this.local, {
      onOpen: (first) => this.onConnected(first),
      onPush: (push) => this.onPush(push),
      onState: (connected) => this.update({ connected, everConnected: this.state.everConnected || connected }),
      onFatal: (e) => this.update({ fatal: true, error: errorText(this.s, e.code, e.message) }),
      claim: () => (this.identity.userId && this.identity.userHash ? { userId: this.identity.userId, userHash: this.identity.userHash } : null),
      onVisitorChanged: () => this.forgetChat(),
    });
    this.fileUrls = new FileUrls(this.base, () => this.connection.token);
  }

  buildView(existingHost) {
    this.view = createView(this.s, this.lang, this.viewOptions, {
      toggle: () => (this.state.open ? this.close() : this.open()),
      close: () => this.close(),
      send: (text) => this.send(text),
      input: (text) => this.visitorTyping(text),
      endChat: () => this.endChat(),
      rate: (n, comment) => this.rate(n, comment),
      newChat: () => this.startOver(),
      leaveMessage: (form) => this.leaveMessage(form),
      acceptOffer: () => this.acceptOffer(),
      dismissOffer: () => this.dismissOffer(),
      emailTranscript: (email) => this.emailTranscript(email),
      toggleEarlier: () => this.update({ earlierExpanded: !this.state.earlierExpanded }),
      prechat: (values) => this.submitPrechat(values),
      pickTopic: (skill) => this.update({ topic: skill }),
      offerShown: (offerId) => this.reportOfferSeen(offerId),
      botResolved: () => this.botResolved(),
      talkToPerson: () => this.talkToPerson(),
      openArticle: (id) => this.openArticle(id),
      closeArticle: () => this.update({ help: { ...this.state.help, article: null } }),
      focusComposer: () => this.view.focusComposer(),
      articleOfLink: (href) => this.articleOfLink(href),
      attach: (file) => this.attachFile(file),
      cancelUpload: () => this.upload && this.upload.cancel(),
      fileUrl: (attachment) => this.fileUrls.url(attachment),
      // the agent's picture, from the chat server (a path the server gave, never an outside address)
      avatarUrl: (path) => (typeof path === 'string' && path.startsWith('/api/v1/avatars/') ? this.base + path : null),
    }, existingHost);
  }

  /**
   * The server names the languages this site serves when the visitor is minted; if the page's
   * first guess is not one of them, the widget is drawn again in one that is (and remembers the
   * list, so the next page starts right).
   */
  applySiteLanguages(languages) {
    if (!Array.isArray(languages) || !languages.length) return;
    try {
      this.local.setItem(this.key + 'languages', JSON.stringify(languages));
    } catch (e) {
      // storage blocked: decided again on every page
    }
    const lang = chooseLanguage(this.languageCandidates, languages);
    if (lang === this.lang) return;
    this.lang = lang;
    this.s = stringsFor(lang);
    this.buildView(this.view.host);
    this.render();
  }

  start() {
    document.body.appendChild(this.view.host);
    if (this.phone && this.phone.addEventListener) this.phone.addEventListener('change', () => this.render());
    this.render();
    this.connection.start();
    this.emit('ready', {});
  }

  // ---- public API ----

  call(command, ...args) {
    switch (command) {
      case 'open': return this.open();
      case 'close': return this.close();
      case 'identify': return this.identify(args[0]);
      case 'logout': return this.logout();
      case 'on':
        if (typeof args[1] === 'function') (this.listeners[args[0]] = this.listeners[args[0]] || []).push(args[1]);
        return undefined;
      default:
        return undefined;
    }
  }

  emit(event, detail) {
    for (const fn of this.listeners[event] || []) {
      try { fn(detail); } catch (e) { setTimeout(() => { throw e; }); }
    }
  }

  open() {
    if (this.state.open) return;
    this.session.setItem(this.key + 'open', '1');
    this.session.setItem(this.key + 'unread', '0');
    this.update({ open: true, unread: 0 });
    this.view.focusInto();
    this.emit('open', {});
    this.checkAvailability();
  }

  /**
   * Before a chat starts, the open panel says honestly whether anyone is there: with nobody
   * online it opens on the admin's offline message and the leave-a-message form instead of
   * inviting a chat nobody would answer; when someone is back, the chat is offered again.
   */
  async checkAvailability() {
    if (!this.state.open || !this.state.connected || this.state.fatal || this.isOpenConversation()) return;
    if (this.state.mode !== 'chat' && !(this.state.mode === 'offline' && this.offlineByAvailability)) return;
    try {
      const reply = await this.connection.request('visitor.availability', {});
      if (this.isOpenConversation()) return;
      const message = typeof reply.offlineMessage === 'string' && reply.offlineMessage ? reply.offlineMessage : null;
      if (!reply.agentsOnline && this.state.mode === 'chat') {
        this.offlineByAvailability = true;
        this.showOffline();
        this.update({ offlineMessage: message });
      } else if (reply.agentsOnline && this.state.mode === 'offline' && this.offlineByAvailability) {
        this.offlineByAvailability = false;
        this.update({ mode: 'chat', offlineMessage: null });
      }
    } catch (e) {
      // not worth an error: the chat request says "offline" too
    }
  }

  close() {
    if (!this.state.open) return;
    this.session.setItem(this.key + 'open', '0');
    this.update({ open: false });
    this.view.focusLauncher();
    this.emit('close', {});
  }

  /**
   * Name and e-mail for the next chat request; with {@code userId} and {@code userHash} (signed by
   * the site's backend) the visitor becomes that user's, with its chats from every device.
   */
  identify(who) {
    if (!who || typeof who !== 'object') return;
    const clean = (v, max) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, max) : undefined);
    const exact = (v) => (typeof v === 'string' && v ? v : undefined);
    const before = this.identity.userId;
    this.identity = { name: clean(who.name, 200), email: clean(who.email, 254), userId: exact(who.userId), userHash: exact(who.userHash) };
    this.local.setItem(this.key + 'identity', JSON.stringify(this.identity));
    if (this.connection.visitorId && this.identity.userId !== before) this.connection.refreshIdentity().catch(() => {});
  }

  /** The site's user logged out: its visitor stays behind on the server; this browser chats anonymously again. */
  logout() {
    this.identity = {};
    this.local.removeItem(this.key + 'identity');
    this.local.removeItem(this.key + 'token');
    this.local.removeItem(this.key + 'user');
    if (this.connection.visitorId) this.connection.refreshIdentity().catch(() => {});
  }

  /** Name, e-mail and the pre-chat form's consent as chat requests carry them. */
  contact() {
    const { name, email } = this.identity;
    return { name, email, consent: this.session.getItem(this.key + 'consent') === '1' ? true : undefined };
  }

  // ---- the pre-chat form ----

  /** What the pre-chat form shows, or null when it is not due (see prechat.js). */
  prechatShown() {
    const c = this.connection;
    if (!c || !c.prechatForm) return null;
    const due = prechatDue({
      form: c.prechatForm,
      verified: c.verified,
      answered: this.session.getItem(this.key + 'prechat') === '1',
      // until the first sync the widget does not know whether a chat is open
      chatting: !this.synced || this.isOpenConversation(),
      starting: this.outbox.pending().some((e) => !e.conversationId),
    });
    return due ? { form: c.prechatForm, retentionDays: c.retentionDays, name: this.identity.name, email: this.identity.email, busy: this.state.busy } : null;
  }

  /** The server checks the answers; accepted, they fill the next chat request and the composer opens. */
  async submitPrechat(values) {
    if (this.state.busy) return;
    const answers = prechatAnswers(this.connection.prechatForm, values);
    this.update({ busy: true });
    try {
      await this.connection.request('visitor.prechat', answers);
      this.identity = { ...this.identity, name: answers.name || this.identity.name, email: answers.email || this.identity.email };
      this.local.setItem(this.key + 'identity', JSON.stringify(this.identity));
      if (answers.consent) this.session.setItem(this.key + 'consent', '1');
      this.session.setItem(this.key + 'prechat', '1');
      this.update({ busy: false, error: null });
      const acceptOffer = this.acceptAfterPrechat && this.state.offer;
      this.acceptAfterPrechat = false;
      if (acceptOffer) this.acceptOffer();
    } catch (e) {
      this.update({ busy: false });
      this.showError(e);
    }
  }


  /** Another visitor now (another user, or logged out): nothing of the last one's chat stays on screen. */
  forgetChat() {
    for (const key of ['earlier', 'rate', 'offer', 'masked', 'prechat', 'consent']) this.session.removeItem(this.key + key);
    for (const e of this.outbox.pending()) this.outbox.remove(e.clientMsgId);
    this.transcript.clear();
    this.update({ conversation: null, earlier: null, mode: 'chat', queue: null, offer: null, error: null });
  }

  readIdentity() {
    try {
      return JSON.parse(this.local.getItem(this.key + 'identity')) || {};
    } catch (e) {
      return {};
    }
  }

  // ---- state ----

  update(patch) {
    Object.assign(this.state, patch);
    this.render();
  }

  render() {
    const items = this.transcript.view(this.currentOutbox())
      .map((m) => (m.sender === 'visitor' && m.clientMsgId && this.masked.has(m.clientMsgId) ? { ...m, masked: true } : m))
      .map((m) => (m.sender === 'visitor' && this.readByAgent(m) ? { ...m, read: true } : m));
    const features = this.connection ? this.connection.features : {};
    this.view.render({
      ...this.state, items, agentTyping: this.agentTyping.shown, emailTranscript: features.emailTranscript === true, email: this.identity.email,
      prechat: this.prechatShown(),
      topics: this.topicsShown(),
    });
    // The full-screen panel of a phone: the page behind it must not scroll.
    if (this.state.open && this.phone && this.phone.matches) this.scrollLock.lock();
    else this.scrollLock.unlock();
  }

  /** The site's topics while the visitor may still pick one (before a chat is open), else null. */
  topicsShown() {
    const topics = this.connection && this.connection.topics;
    if (!topics || !topics.length || !this.synced || this.isOpenConversation()) return null;
    return this.outbox.pending().some((e) => !e.conversationId) ? null : topics;
  }

  /** What a new chat asks its agent for: the widget's language and the picked topic. */
  routingFields() {
    return { language: this.lang, topic: this.state.topic || undefined };
  }

  /** Whether the agent has read this stored message of the visitor (its seq is at or below the agent's mark). */
  readByAgent(m) {
    const c = this.state.conversation;
    return !!c && !!this.agentRead && this.agentRead.conversationId === c.id && m.seq != null && m.seq <= this.agentRead.seq;
  }

  /** Remembers that the server hid a card number in the message sent with this clientMsgId. */
  markMasked(clientMsgId) {
    this.masked.add(clientMsgId);
    this.session.setItem(this.key + 'masked', JSON.stringify([...this.masked].slice(-50)));
  }

  currentOutbox() {
    const c = this.state.conversation;
    const openId = c && (c.status === 'queued' || c.status === 'active') ? c.id : null;
    return this.outbox.pending().filter((e) => !e.conversationId || e.conversationId === openId);
  }

  isOpenConversation(c = this.state.conversation) {
    return !!c && (c.status === 'queued' || c.status === 'active');
  }

  /**
   * Takes the chat state of a requestChat/history reply. Returns false when the reply is about an
   * ended chat this page should not show (an old one): the widget then starts fresh.
   */
  /** The agent has read this chat up to {@code seq}: the visitor's messages up to there show "read". */
  markReadUpTo(conversationId, seq) {
    if (!Number.isInteger(seq)) return;
    const known = this.agentRead && this.agentRead.conversationId === conversationId ? this.agentRead.seq : 0;
    if (seq <= known) return;
    this.agentRead = { conversationId, seq };
    this.render();
  }

  applyChatState(reply) {
    const c = reply.conversation;
    if (c && Number.isInteger(reply.agentReadSeq)) this.markReadUpTo(c.id, reply.agentReadSeq);
    if (!c) {
      if (reply.status === 'offline') this.showOffline();
      return false;
    }
    const known = this.state.conversation;
    if (c.status === 'closed' || c.status === 'offline') {
      const awaitingRating = this.session.getItem(this.key + 'rate') === c.id && c.rating == null;
      if (!(known && known.id === c.id) && !awaitingRating) return false;
      if (!known || known.id !== c.id) this.transcript.clear();
      if (!known || known.id !== c.id) this.state.mail = { status: 'idle' };
      this.agentTyping.clear();
      this.update({ conversation: c, queue: null, mode: c.rating == null ? 'rating' : 'rated' });
      return true;
    }
    if (known && known.id !== c.id) this.transcript.clear();
    // A new chat: the earlier conversation above it folds away to its heading.
    if (!(known && known.id === c.id)) this.state.earlierExpanded = false;
    // Chatting already: an offer still on screen has nothing left to offer.
    if (this.state.offer) this.forgetOffer();
    this.outbox.assignConversation(c.id);
    const held = c.status === 'queued' && reply.held === true;
    const queue = c.status === 'queued' && !held ? { position: reply.position, estimatedWaitSeconds: reply.estimatedWaitSeconds } : null;
    // Still waiting while nobody is online: keep offering the form rather than the queue.
    const nobodyOnline = c.status === 'queued' && (reply.agentsOnline === false
      || (this.state.mode === 'offline' && known && known.id === c.id));
    this.update({ conversation: c, queue, held });
    if (nobodyOnline) this.showOffline();
    else this.update({ mode: 'chat' });
    return true;
  }

  // ---- connection ----

  async onConnected(firstOfPage) {
    this.applySiteLanguages(this.connection.siteLanguages);
    if (firstOfPage) {
      this.connection.request('visitor.pageView', { url: location.href.slice(0, 2000), title: pageTitle(document.title), language: this.lang })
        .catch(() => { /* a missed page view is not worth bothering the visitor */ });
    }
    const undismissed = this.session.getItem(this.key + 'dismiss');
    if (undismissed) this.sendDismissal(undismissed);
    if (this.unreportedOffer) this.reportOfferSeen(this.unreportedOffer);
    try {
      await this.sync();
      this.synced = true;
      this.update({ error: null });
    } catch (e) {
      this.showError(e);
    }
    this.flush();
    this.checkAvailability();
  }

  /**
   * Fetches what this page has not seen yet: after the highest seq of the chat it shows, or (on a
   * page load, or {@code fresh}) the visitor's open chat from the start.
   */
  async sync(fresh = false) {
    const c = this.state.conversation;
    const resume = !!c && !fresh && this.transcript.size > 0;
    let ended = null;
    let adopted = false;
    await readAllPages(
      (afterSeq, index) => this.connection.request('visitor.history',
        index === 0 && !resume ? {} : { conversationId: this.state.conversation.id, afterSeq }),
      (reply) => {
        if (!this.applyChatState(reply)) {
          // No open chat, and the latest one ended before this page: shown read-only above.
          if (!resume) ended = reply;
          return false;
        }
        adopted = true;
        this.addMessages(reply.messages || [], false);
        return true;
      },
      resume ? this.transcript.highestSeq : 0);
    if (ended) {
      await this.loadEarlier(ended);
    } else if (adopted && !resume && !this.state.earlier) {
      // A page change during the new chat: the earlier conversation shown above it stays.
      const id = this.session.getItem(this.key + 'earlier');
      const current = this.state.conversation;
      if (id && (!current || current.id !== id)) {
        await this.connection.request('visitor.history', { conversationId: id })
          .then((first) => this.loadEarlier(first), () => { /* not worth an error: it is only the old chat */ });
      }
    }
  }

  /**
   * Reads the whole of the visitor's last ended conversation, starting from the first history
   * page (already fetched), for the read-only view above the start of a new chat. Nothing of it
   * goes into the transcript or the outbox, so nothing of it is sent again.
   */
  async loadEarlier(firstPage) {
    const c = endedConversationOf(firstPage);
    if (!c) return;
    const known = this.state.earlier;
    if (known && known.conversation.id === c.id && known.lastSeq === c.lastSeq) return;
    const earlier = new Transcript();
    await readAllPages(
      (afterSeq, index) => (index === 0 ? Promise.resolve(firstPage)
        : this.connection.request('visitor.history', { conversationId: c.id, afterSeq })),
      (reply) => {
        const about = reply.conversation;
        if (!about || about.id !== c.id) return false;
        earlier.merge(reply.messages || []);
        return true;
      });
    const items = earlier.messages();
    this.session.setItem(this.key + 'earlier', c.id);
    this.update({ earlier: { conversation: c, lastSeq: c.lastSeq, items } });
  }

  addMessages(messages, live) {
    const added = this.transcript.merge(messages);
    for (const m of added) {
      if (m.sender !== 'visitor' && live) {
        if (!this.state.open) this.state.unread++;
        this.emit('message', { sender: m.sender, senderName: m.senderName, text: m.text, time: m.time });
      }
    }
    this.outbox.acknowledged(added);
    if (added.some((m) => m.sender === 'agent')) this.agentTyping.clear();
    this.session.setItem(this.key + 'unread', String(this.state.unread));
    this.render();
  }

  onPush(push) {
    const c = this.state.conversation;
    switch (push.type) {
      case 'message': {
        const m = push.message || {};
        if (!c || c.id !== m.conversationId) {
          // Started in another tab, or one we have not heard of: fetch it properly.
          if (!this.isOpenConversation(c)) this.sync(true).catch((e) => this.showError(e));
          return;
        }
        this.addMessages([m], true);
        // The agent who had left writes again: back from the leave-a-message form to the chat.
        if (m.sender === 'agent' && this.state.agentLeft && this.state.mode === 'offline') this.update({ mode: 'chat', agentLeft: null });
        return;
      }
      case 'read':
        if (c && push.conversationId === c.id) this.markReadUpTo(c.id, push.seq);
        return;
      case 'typing':
        if (push.from === 'agent' && c && push.conversationId === c.id) {
          this.agentTyping.notice(push.typing);
          this.render();
        }
        return;
      case 'queued':
        if (push.agentsOnline === false) {
          this.showOffline();
        } else if (c && push.conversationId === c.id) {
          this.update({ queue: { position: push.position, estimatedWaitSeconds: push.estimatedWaitSeconds }, held: false });
        }
        return;
      case 'assigned':
        if (push.conversation && (!c || c.id !== push.conversation.id)) {
          this.sync(true).then(() => this.flush(), (e) => this.showError(e));
        } else if (push.conversation) {
          this.outbox.assignConversation(push.conversation.id);
          this.update({ conversation: push.conversation, queue: null, mode: 'chat', held: false, agentLeft: null });
          this.flush();
        }
        return;
      case 'closed':
        if (c && push.conversationId === c.id) this.chatEnded();
        return;
      case 'unattended':
        // The agent left and nobody else is online: the form, with the chat going along with the message.
        if (this.isOpenConversation(c) && push.conversationId === c.id) {
          this.showOffline();
          this.update({ agentLeft: c.agentName || this.s.agent });
        }
        return;
      case 'offer': {
        const offer = offerOf(push.offer);
        if (!offer || this.isOpenConversation(c)) return;
        this.session.setItem(this.key + 'offer', JSON.stringify(offer));
        // With the panel open, the offer waits and shows as the bubble once the panel closes
        // (unless the visitor starts a chat meanwhile).
        this.update({ offer });
        this.emit('offer', { ...offer });
        return;
      }
      case 'offerClosed':
        // Accepted or dismissed, maybe in another tab, or the visitor started a chat: every tab
        // drops the bubble, and a dismissal still waiting to be sent has nothing left to say.
        if (this.session.getItem(this.key + 'dismiss') === push.offerId) this.session.removeItem(this.key + 'dismiss');
        if (closedBy(this.state.offer, push)) this.forgetOffer();
        return;
      default:
    }
  }

  chatEnded() {
    const c = this.state.conversation;
    if (!c) return;
    // Settled by the bot's answer: nobody to rate, only a word of thanks.
    const resolved = this.resolving === c.id;
    if (!resolved) this.session.setItem(this.key + 'rate', c.id);
    this.agentTyping.clear();
    this.update({ conversation: { ...c, status: 'closed' }, mode: resolved ? 'resolved' : 'rating', queue: null, held: false });
    this.emit('closed', {});
  }

  showError(e) {
    // The status line already says so; a stopping server closes the socket next, and we reconnect.
    if (e && (e.code === 'disconnected' || e.code === 'shutting_down')) return;
    this.update({ error: errorText(this.s, e && e.code, e && e.message) });
  }

  // ---- sending ----

  send(text) {
    if (this.state.fatal) return false;
    const c = this.state.conversation;
    this.suggester.clear();
    this.outbox.add(text, this.isOpenConversation(c) ? c.id : null);
    this.stopTyping();
    this.render();
    this.flush();
    return true;
  }

  /** Sends one file into the open chat over HTTP; its message comes back as a push, like any other. */
  async attachFile(file) {
    const c = this.state.conversation;
    const f = fileStringsFor(this.lang);
    if (this.upload || this.state.fatal) return;
    if (!this.isOpenConversation(c) || !this.connection.token) {
      this.update({ error: f.needsChat });
      return;
    }
    // One id for every try: a retry after a lost reply cannot post the file twice.
    this.upload = sendFile({
      base: this.base, token: this.connection.token, conversationId: c.id, file, clientMsgId: newClientMsgId('f'),
      onProgress: (fraction) => this.update({ upload: { name: file.name || 'file', fraction } }),
    });
    this.update({ upload: { name: file.name || 'file', fraction: 0 }, error: null });
    try {
      const ack = await this.upload.done;
      if (!this.transcript.hasClientMsgId(ack.clientMsgId)) await this.sync().catch(() => {});
    } catch (e) {
      this.update({ error: f.error[e.code] || errorText(this.s, e.code, e.message) });
    } finally {
      this.upload = null;
      this.update({ upload: null });
    }
  }

  /** Sends the outbox in order, one at a time; stops at the first message that cannot go yet. */
  flush() {
    if (!this.state.connected) return Promise.resolve();
    return this.outbox.flush((entry) => (this.state.connected ? this.deliver(entry) : false));
  }

  async deliver(entry) {
    try {
      if (!entry.conversationId) {
        const reply = await this.connection.request('visitor.requestChat', {
          ...this.contact(), ...this.routingFields(), text: entry.text, clientMsgId: entry.clientMsgId,
        });
        if (reply.status === 'offline') {
          const texts = this.outbox.pending().filter((e) => !e.conversationId);
          for (const e of texts) this.outbox.remove(e.clientMsgId);
          this.showOffline(texts.map((e) => e.text).join('\n'));
          return false;
        }
        this.applyChatState(reply);
        await this.sync();
        this.outbox.remove(entry.clientMsgId); // also when the push or history did not bring it back yet
        const stored = this.transcript.withClientMsgId(entry.clientMsgId);
        if (serverMasked(reply, entry.text, stored && stored.text)) this.markMasked(entry.clientMsgId);
      } else {
        const ack = await this.connection.request('visitor.send', {
          conversationId: entry.conversationId, text: entry.text, clientMsgId: entry.clientMsgId,
        });
        this.outbox.remove(entry.clientMsgId);
        if (ack.masked || ack.duplicate) {
          // The server may have stored another text than the typed one (card number hidden; a
          // duplicate's ack does not say): show the stored text.
          if (!this.transcript.hasClientMsgId(entry.clientMsgId)) await this.sync().catch(() => {});
          const stored = this.transcript.withClientMsgId(entry.clientMsgId);
          if (serverMasked(ack, entry.text, stored && stored.text)) this.markMasked(entry.clientMsgId);
          else if (!stored) this.addMessages([storedFromAck(entry, ack)], false);
        } else {
          this.addMessages([storedFromAck(entry, ack)], false);
        }
      }
      if (this.state.error) this.update({ error: null });
      this.render();
      return true;
    } catch (e) {
      if (e.code === 'disconnected' || e.code === 'shutting_down') return false; // resent after the reconnect
      if (PRECHAT_REFUSALS.includes(e.code)) {
        // The form's answers are missing (another tab, or the site just turned it on): ask them.
        this.session.removeItem(this.key + 'prechat');
      }
      if (e.code === 'unknown_topic') this.state.topic = null; // the site no longer offers it: ask again
      if (['invalid_input', 'conversation_closed', 'not_found', 'forbidden', 'unknown_topic', ...PRECHAT_REFUSALS].includes(e.code)) {
        // Resending would be refused again: drop it, say why, and hand the text back.
        this.outbox.remove(entry.clientMsgId);
        this.view.restoreDraft(entry.text);
        this.showError(e);
        if (e.code === 'conversation_closed') this.chatEnded();
        return true;
      }
      this.showError(e);
      clearTimeout(this.retryTimer);
      this.retryTimer = setTimeout(() => this.flush(), RETRY_MS);
      return false;
    }
  }

  visitorTyping(text) {
    const c = this.state.conversation;
    if (!this.isOpenConversation(c) && this.state.mode === 'chat') this.suggester.input(text);
    if (!c || c.status !== 'active' || !this.state.connected) return;
    this.typing.input(text);
  }

  stopTyping() {
    this.typing.stop();
  }

  // ---- ending, rating, leaving a message ----

  async endChat() {
    const c = this.state.conversation;
    if (!this.isOpenConversation(c)) return;
    try {
      await this.connection.request('visitor.close', { conversationId: c.id });
      this.chatEnded();
    } catch (e) {
      this.showError(e);
    }
  }

  async rate(rating, comment = '') {
    const c = this.state.conversation;
    if (!c) return;
    const body = { conversationId: c.id, rating };
    if (comment.trim()) body.comment = comment.trim();
    try {
      await this.connection.request('visitor.rate', body);
      this.session.removeItem(this.key + 'rate');
      this.update({ mode: 'rated', error: null });
    } catch (e) {
      this.showError(e);
    }
  }

  startOver() {
    this.session.removeItem(this.key + 'rate');
    this.transcript.clear();
    this.update({ conversation: null, mode: 'chat', queue: null, error: null, offlinePrefill: null, mail: { status: 'idle' }, held: false, agentLeft: null });
    this.view.focusInto();
    this.checkAvailability();
  }

  // ---- the FAQ bot and the help articles ----

  /** "That answers it": the chat the bot held ends, self-served. */
  async botResolved() {
    const c = this.state.conversation;
    if (!c || this.state.busy) return;
    this.resolving = c.id;
    this.update({ busy: true });
    try {
      await this.connection.request('visitor.botResolved', { conversationId: c.id });
      this.update({ busy: false, error: null });
      this.chatEnded();
    } catch (e) {
      this.resolving = null;
      this.update({ busy: false });
      this.showError(e);
      // A person has it already (another tab asked): show the chat as it is.
      if (e.code === 'not_held') this.sync(true).catch(() => {});
    }
  }

  /** "Talk to a person": the held chat joins the queue, and the widget shows it waiting (or its agent). */
  async talkToPerson() {
    const c = this.state.conversation;
    if (!c || this.state.busy) return;
    this.update({ busy: true });
    try {
      const reply = await this.connection.request('visitor.talkToPerson', { conversationId: c.id });
      this.update({ busy: false, error: null });
      this.applyChatState(reply);
      this.view.focusComposer();
    } catch (e) {
      this.update({ busy: false });
      this.showError(e);
    }
  }

  articlesUrl(path) {
    return this.base + '/api/v1/sites/' + encodeURIComponent(this.site) + '/articles' + path;
  }

  async searchArticles(q) {
    const reply = await callApi('GET', this.articlesUrl('?limit=3&typing=1&lang=' + encodeURIComponent(this.lang) + '&q=' + encodeURIComponent(q)));
    return suggestionsOf(reply);
  }

  /** Opens one published article inside the panel (the composer keeps what was typed). */
  async openArticle(id) {
    this.update({ help: { ...this.state.help, article: { id, loading: true } } });
    try {
      const a = await callApi('GET', this.articlesUrl('/' + encodeURIComponent(id)));
      if (!a || typeof a.title !== 'string' || typeof a.html !== 'string') throw new Error('not an article');
      const open = this.state.help.article;
      if (open && open.id === id) this.update({ help: { ...this.state.help, article: { id, title: a.title, html: a.html } } });
    } catch (e) {
      this.update({ help: { ...this.state.help, article: null } });
      this.showError(e);
    }
  }

  /** The article id of a link to an article of this site's help centre (as the bot gives them), or null. */
  articleOfLink(href) {
    let path;
    try {
      path = new URL(href).pathname;
    } catch (e) {
      return null;
    }
    const prefix = '/help/' + encodeURIComponent(this.site) + '/';
    const id = path.startsWith(prefix) ? path.slice(prefix.length) : '';
    return /^[A-Za-z0-9_-]{1,64}$/.test(id) ? id : null;
  }

  // ---- proactive offers ----

  /** "Chat now": the server opens the chat with the offer text as its first message. */
  async acceptOffer() {
    const offer = this.state.offer;
    if (!offer || this.accepting) return;
    if (this.prechatShown()) {
      // The form first; once the server took the answers the offer is accepted with them.
      this.acceptAfterPrechat = true;
      this.open();
      return;
    }
    this.accepting = true;
    try {
      const reply = await this.connection.request('visitor.acceptOffer', { offerId: offer.id, ...this.contact(), language: this.lang });
      this.forgetOffer();
      this.applyChatState(reply);
      this.open();
      await this.sync();
      this.flush();
    } catch (e) {
      // Gone (taken back, or the visitor was away too long): the panel opens to write instead.
      if (e.code === 'offer_gone') this.forgetOffer();
      this.open();
      this.showError(e);
    } finally {
      this.accepting = false;
    }
  }

  dismissOffer() {
    const offer = this.state.offer;
    if (!offer) return;
    this.forgetOffer();
    this.session.setItem(this.key + 'dismiss', offer.id);
    this.sendDismissal(offer.id);
  }

  /**
   * Tells the server the bubble is on screen (only then the offer counts as shown; the server
   * counts each offer once); one that appeared while the line was down is told after the connect.
   */
  reportOfferSeen(offerId) {
    this.unreportedOffer = offerId;
    if (!this.state.connected) return;
    this.connection.request('visitor.offerSeen', { offerId })
      .then(() => {
        if (this.unreportedOffer === offerId) this.unreportedOffer = null;
      }, () => { /* told again after the next connect */ });
  }

  /** Tells the server "no, thanks"; a dismissal that could not be sent goes out after the next connect. */
  sendDismissal(offerId) {
    if (!this.state.connected) return;
    this.connection.request('visitor.dismissOffer', { offerId })
      .then(() => {
        if (this.session.getItem(this.key + 'dismiss') === offerId) this.session.removeItem(this.key + 'dismiss');
      }, () => { /* tried again after the next connect */ });
  }

  forgetOffer() {
    this.session.removeItem(this.key + 'offer');
    this.update({ offer: null });
  }

  // ---- transcript by e-mail ----

  async emailTranscript(email) {
    const c = this.state.conversation;
    if (!c || !email || this.state.mail.status === 'sending') return;
    this.update({ mail: { status: 'sending' } });
    try {
      const reply = await this.connection.request('visitor.emailTranscript', { conversationId: c.id, email, language: this.lang });
      this.update({ mail: { status: 'sent', sentTo: reply.sentTo || email } });
    } catch (e) {
      // Sent already, or not possible on this server: asking again would not help.
      const final = e.code === 'already_sent' || e.code === 'email_unavailable';
      this.update({ mail: { status: final ? 'refused' : 'error', error: errorText(this.s, e.code, e.message) } });
    }
  }

  showOffline(text) {
    this.offlineMsgId = this.offlineMsgId || newClientMsgId(CLIENT_MSG_ID_PREFIX);
    this.update({
      mode: 'offline',
      queue: null,
      offlinePrefill: { name: this.identity.name, email: this.identity.email, text: text || '' },
    });
  }

  async leaveMessage(form) {
    if (this.state.busy) return;
    this.update({ busy: true });
    try {
      const body = { email: form.email, text: form.text, clientMsgId: this.offlineMsgId || newClientMsgId(CLIENT_MSG_ID_PREFIX) };
      if (form.name) body.name = form.name;
      const chat = this.state.conversation;
      if (this.isOpenConversation(chat)) body.conversationId = chat.id; // the chat goes with the message
      await this.connection.request('visitor.leaveMessage', body);
      const queued = this.state.conversation;
      if (this.isOpenConversation(queued)) {
        // The chat waited for an agent who left; the message replaces it. Failing to close it is
        // not worth an error: the message itself is stored.
        await this.connection.request('visitor.close', { conversationId: queued.id }).catch(() => {});
      }
      this.offlineMsgId = null;
      this.transcript.clear();
      this.update({ mode: 'left', conversation: null, error: null, busy: false, agentLeft: null });
    } catch (e) {
      this.update({ busy: false });
      this.showError(e);
    }
  }
}

function boot() {
  if (!script || !script.dataset.site) {
    console.error('Plauder: the widget script needs a data-site attribute');
    return;
  }
  const earlier = window.Plauder;
  if (earlier && earlier.loaded) return; // the snippet twice on one page
  const widget = new Widget(script);
  const api = (command, ...args) => widget.call(command, ...args);
  api.loaded = true;
  window.Plauder = api;
  const queued = earlier && Array.isArray(earlier.q) ? earlier.q.map((args) => Array.from(args)) : [];
  // Who the visitor is decides which visitor the first mint asks for: identify before connecting.
  for (const args of queued) if (args[0] === 'identify') api(...args);
  widget.start();
  for (const args of queued) if (args[0] !== 'identify') api(...args);
}

if (document.body) boot();
else document.addEventListener('DOMContentLoaded', boot);
