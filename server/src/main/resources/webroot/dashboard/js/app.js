// The Plauder agent dashboard: sign-in, the connection to the bridge, status, the queue, views,
// dialogs and keyboard shortcuts. Chats, the visitor panel, history, live visitors, reports and
// admin live in their own modules. Everything the dashboard says on the wire goes through the
// client core it shares with the widget, `../client-core.js`: built from widget-js/src/client/
// by the widget's build, so it is in the server's jar but not beside these files.

import { $, el, show } from './dom.js';
import { t, translatePage } from './strings.js';
import { api } from './api.js';
import { BridgeConnection, BACKOFF, PING_INTERVAL_MS, isTokenFailure } from '../client-core.js';
import { Alerts } from './alerts.js';
import { Chats } from './chats.js';
import { queueEntryOfDesk, queueRow, tickWaits } from './queue.js';
import { Monitor } from './monitor.js';
import { WhisperNotes } from './whispers.js';
import { Attaching } from './files.js';
import { History } from './history.js';
import { Admin } from './admin.js';
import { Canned } from './canned.js';
import { VisitorPanel } from './visitor.js';
import { FollowUpLine } from './followup.js';
import { Reports } from './reports.js';
import { SiteSettings } from './settings.js';
import { LiveVisitors } from './livevisitors.js';
import { OfferRules } from './offers.js';
import { Articles } from './articles.js';
import { BotSettings } from './botsettings.js';
import { RoutingExplainer } from './routing.js';
import { OriginalMails } from './originalmails.js';
import { Profile } from './profile.js';
import { Leaving } from './leaving.js';
import { WrapUpPanel } from './wrapup.js';
import { WorkStatusControls } from './workstatus.js';

const SESSION_KEY = 'plauder.dashboard.session';
const QUEUE_POLL_OFFLINE_MS = 20000;

const state = {
  session: null,   // {agentId, token, siteKey, role, name}
  bus: null,
  agent: null,     // {status, maxChats, load, …} as the server last told
  queue: [],       // [{conversationId, visitorName, waitingSince, language, topic, preview, pageUrl, pageTitle}]
  queueTotal: 0,   // how many wait, the rows above the head of them
  queueShown: false,
  view: 'chats',
  everConnected: false,
};

const alerts = new Alerts();
let chats;
let history;
let admin;
let canned;
let visitorPanel;
let followUp;
let reports;
let settings;
let monitor;
let whisperNotes;
let chatWrapUp;
let liveVisitors;
let profile;
let leaving;
let offerRules;
let articles;
let botSettings;
let routing;
let workStatus;
let toastTimer;

// ---- sign-in ----

function storedSession() {
  try {
    const session = JSON.parse(sessionStorage.getItem(SESSION_KEY));
    return session && typeof session.token === 'string' ? session : null;
  } catch {
    return null;
  }
}

async function signIn(event) {
  event.preventDefault();
  alerts.unlock();
  const error = $('login-error');
  show(error, false);
  $('login-submit').disabled = true;
  try {
    const session = await api('POST', '/api/v1/agents/login', null, {
      email: $('login-email').value.trim(),
      password: $('login-password').value,
    });
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
    $('login-password').value = '';
    start(session);
  } catch (e) {
    error.textContent = e.code === 'invalid_credentials' ? t('invalidCredentials')
      : e.code === 'agent_disabled' ? t('accountDisabled') : t('genericError', { code: e.code });
    show(error, true);
  } finally {
    $('login-submit').disabled = false;
  }
}

async function signOut(message) {
  if (state.bus) {
    if (!message && state.bus.isOpen) {
      // an agent who leaves on purpose should not be handed new chats
      await state.bus.request('agent.status', { status: 'offline' }).catch(() => {});
    }
    state.bus.close();
    state.bus = null;
  }
  sessionStorage.removeItem(SESSION_KEY);
  location.hash = '';
  // a fresh page drops every chat, timer and handler of the old session
  if (message) sessionStorage.setItem('plauder.dashboard.signOutReason', message);
  location.reload();
}

// ---- after sign-in ----

function start(session) {
  state.session = session;
  show($('login-view'), false);
  show($('app-view'), true);
  $('me-name').textContent = session.name;
  show($('tab-admin'), session.role === 'admin');
  show($('tab-reports'), session.role === 'admin');
  show($('tab-monitor'), canSupervise());
  const bus = new BridgeConnection(location.origin + '/eventbus', {
    backoff: BACKOFF.agent,
    pingIntervalMs: PING_INTERVAL_MS.agent,
    token: () => state.session.token,
    inbox: () => 'agent.' + session.agentId,
  });
  state.bus = bus;
  const ctx = {
    bus,
    me: session,
    session,
    alerts,
    toast,
    failed,
    chatsVisible: () => state.view === 'chats',
    onChange: updateTitle,
    onActiveChat: (conv) => {
      visitorPanel.showFor(conv);
      followUp.showFor(conv);
      whisperNotes.showFor(conv);
      chatWrapUp.showFor(conv);
    },
    /** A new chat while another view is open: a notice that leads to it (the chime plays anyway). */
    onChatElsewhere: (conv, name) => {
      if (state.view !== 'chats') toast(t('newChat', { name }), false, { label: t('openChat'), run: () => { showView('chats'); chats.select(conv.id); } });
    },
    onTakenOver: (conversationId) => {
      showView('chats');
      chats.select(conversationId);
    },
    presenceOf: (visitorId) => (liveVisitors ? liveVisitors.visitors.get(visitorId) || null : null),
    learnPresence: (presence) => { if (liveVisitors) liveVisitors.learn(presence); },
    onPresence: (visitorId) => visitorPanel.presenceChanged(visitorId),
  };
  visitorPanel = new VisitorPanel(ctx);
  followUp = new FollowUpLine(ctx, (conv) => visitorPanel.openTranscript(conv));
  whisperNotes = new WhisperNotes(ctx);
  chatWrapUp = new WrapUpPanel(ctx, 'chat-wrapup');
  if (canSupervise()) monitor = new Monitor(ctx);
  chats = new Chats(ctx);
  new OriginalMails(ctx, () => (chats.active ? chats.active.conv : null));
  workStatus = new WorkStatusControls(ctx, chats);
  chats.statusControls = workStatus;
  new Attaching(ctx, () => chats.active, (text) => toast(text, true)); // eslint-disable-line no-new
  history = new History(ctx);
  admin = new Admin(ctx);
  liveVisitors = new LiveVisitors(ctx);
  if (session.role === 'admin') {
    reports = new Reports(ctx);
    settings = new SiteSettings(ctx);
    offerRules = new OfferRules(ctx);
    articles = new Articles(ctx);
    botSettings = new BotSettings(ctx);
  }
  canned = new Canned(ctx);
  canned.load();
  routing = new RoutingExplainer(ctx);
  profile = new Profile(ctx);
  leaving = new Leaving(ctx, {
    openChats: () => [...chats.chats.values()].filter((chat) => !chat.ended).length,
    changeStatus,
    left: (reply) => {
      setAgent(reply.agent);
      refreshQueue();
    },
    cancelled: () => setAgent(state.agent),
  });
  bus.onstate = (s) => onConnection(s);
  bus.onpush = onPush;
  bus.onrefused = () => signOut(t('sessionExpired'));
  setConnection('connecting');
  bus.open();
  updateNotifyButton();
}

async function onConnection(s) {
  setConnection(s);
  if (s !== 'open') return;
  if (monitor && state.view === 'monitor') monitor.renew(); // a watch from before the drop may have lapsed
  try {
    const reply = await state.bus.request('agent.conversations', {});
    setAgent(reply.agent);
    setQueue((reply.queue || []).map(queueEntryOfDesk), reply.queueTotal);
    // after a reconnect, what the visitors wrote meanwhile counts as unread
    liveVisitors.load();
    const parked = await state.bus.request('agent.parked', {}); // pending and snoozed e-mail conversations, beside the active ones
    await chats.load([...(reply.active || []), ...(parked.conversations || [])], state.everConnected);
    state.everConnected = true;
  } catch (e) {
    failed(e);
  }
}

function setConnection(s) {
  if (s !== 'open') setDeskControls(false);
  const text = s === 'open' ? t('connected') : s === 'reconnecting' ? t('reconnecting') : s === 'connecting' ? t('connecting') : '';
  $('connection').textContent = text;
  $('connection').className = 'connection ' + s;
}

function onPush(push) {
  switch (push.type) {
    case 'assigned': chats.onAssigned(push); refreshAgent(); break;
    case 'message': chats.onMessage(push); break;
    case 'typing': chats.onTyping(push); break;
    case 'closed':
      if (push.closedBy === 'visitor') {
        chats.markEnded(push.conversationId);
        // the open chat says so itself; a chat in the background needs the toast
        if (chats.activeId !== push.conversationId || state.view !== 'chats') toast(t('closedByVisitor'));
      } else {
        chats.remove(push.conversationId, t('chatClosed'));
      }
      refreshAgent();
      break;
    case 'status': if (!state.agent || push.status !== state.agent.status) refreshAgent(); break; // set elsewhere: auto-away, another tab, an admin
    case 'transferred':
      const movedKey = { noReply: 'chatMovedNoReply', agentLost: 'chatMovedAgentLost', takenOver: 'chatTakenOver' }[push.reason];
      chats.remove(push.conversationId, t(movedKey || 'chatTransferred', { name: push.toAgent ? push.toAgent.name : '' }));
      refreshAgent();
      break;
    case 'queue': setQueue(push.waiting || [], push.total); break;
    case 'monitor': if (monitor) monitor.onPush(push); break;
    case 'whisper': whisperNotes.onPush(push); break;
    case 'visitors': liveVisitors.onVisitors(push); break;
    case 'visitorsOnline': liveVisitors.onVisitorsOnline(push); break;
    case 'visitorLeft': liveVisitors.onVisitorLeft(push); break;
    case 'workStatus': workStatus.onPush(push); refreshAgent(); break;
    case 'wrapUp': chatWrapUp.onPush(push); history.wrapUp.onPush(push); break; // a colleague's tag or note
    default: break;
  }
}

/** Every reply error ends here: an expired token signs out, the rest shows as a short message. */
function failed(error) {
  const code = error && error.code ? error.code : 'internal_error';
  if (isTokenFailure(error) || error.status === 401) {
    signOut(t('sessionExpired'));
    return;
  }
  const known = { no_capacity: 'noCapacity', no_email_capacity: 'noEmailCapacity', not_queued: 'notQueued',
    agent_unavailable: 'agentUnavailable', not_online: 'takeNotOnline', not_connected: 'takeNotConnected' };
  toast(known[code] ? t(known[code]) : t('genericError', { code }), true);
}

/** A short message at the bottom; with {@code action} ({label, run}) a button that does it and closes the message. */
function toast(message, isError = false, action = null) {
  const box = $('toast');
  box.textContent = message;
  box.className = 'toast' + (isError ? ' error' : '');
  if (action) {
    const button = el('button', 'toast-action', action.label);
    button.type = 'button';
    button.addEventListener('click', () => {
      show(box, false);
      action.run();
    });
    box.append(' ', button);
  }
  show(box, true);
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => show(box, false), 5000);
}

// ---- status and load ----

function setAgent(agent) {
  if (!agent) return;
  state.agent = agent;
  if (profile) profile.showAgent(agent);
  $('status-select').value = agent.status;
  $('status-select').className = 'status-select ' + agent.status;
  setDeskControls(!!(state.bus && state.bus.isOpen));
  if (document.activeElement !== $('max-chats')) $('max-chats').value = agent.maxChats;
  $('load').textContent = t('loadOf', { load: agent.load, max: agent.maxChats });
}

/**
 * The status menu and max chats take effect through the connection: until it is open and the
 * agent's own record has come through it, a choice could not be sent and would be undone by
 * that record, so they wait (right after signing in, and while reconnecting).
 */
function setDeskControls(usable) {
  $('status-select').disabled = !usable;
  $('max-chats').disabled = !usable;
}

async function refreshAgent() {
  try {
    const reply = await state.bus.request('agent.status', {});
    setAgent(reply.agent);
  } catch {
    // the next push or reconnect brings it up to date
  }
}

/** Offline agents get no queue pushes, so their view of the queue is fetched instead. */
async function refreshQueue() {
  try {
    const reply = await state.bus.request('agent.conversations', {});
    setAgent(reply.agent);
    setQueue((reply.queue || []).map(queueEntryOfDesk), reply.queueTotal);
  } catch {
    // shown again with the next push or reconnect
  }
}

async function changeStatus(body) {
  alerts.unlock();
  try {
    const reply = await state.bus.request('agent.status', body);
    setAgent(reply.agent);
    refreshQueue();
    liveVisitors.load(); // pushes stop while offline, so the list is fetched afresh
  } catch (e) {
    setAgent(state.agent);
    failed(e);
  }
}

// ---- the queue ----

/** The head of the line as rows (the server sends a few dozen at most), and how many wait in all. */
function setQueue(waiting, total = waiting.length) {
  // a visitor new in the queue rings for an agent looking elsewhere (not for the first list)
  const known = new Set(state.queue.map((entry) => entry.conversationId));
  const arrived = state.queueShown
    && (waiting.some((entry) => !known.has(entry.conversationId)) || total > state.queueTotal);
  state.queueShown = true;
  if (arrived && (document.hidden || state.view !== 'chats')) alerts.chime('chat');
  state.queue = waiting;
  state.queueTotal = total;
  $('queue-list').replaceChildren(...waiting.map((entry) => queueRow(entry, takeChat)));
  show($('queue-empty'), total === 0);
  $('queue-count').textContent = String(total);
  show($('queue-count'), total > 0);
  $('queue-more').textContent = t('queueMore', { n: total - waiting.length });
  show($('queue-more'), total > waiting.length);
  tickQueue();
}

function tickQueue() {
  tickWaits($('queue-list'));
  tickWaits($('chat-list'));
}

async function takeChat(conversationId, button) {
  if (button) {
    button.disabled = true;
    button.textContent = t('taking');
  }
  try {
    await state.bus.request('agent.take', { conversationId });
    chats.select(conversationId);
  } catch (e) {
    failed(e);
    if (button) {
      button.disabled = false;
      button.textContent = t('take');
    }
  }
}

// ---- views ----

/** Admins and supervisors watch every chat of the site, whisper and take chats over. */
function canSupervise() {
  return state.session.role === 'admin' || state.session.role === 'supervisor';
}

function showView(view) {
  if ((view === 'admin' || view === 'reports') && state.session.role !== 'admin') return;
  if (view === 'monitor' && !canSupervise()) return;
  state.view = view;
  for (const tab of document.querySelectorAll('.tab')) {
    if (tab.dataset.view === view) tab.setAttribute('aria-current', 'page');
    else tab.removeAttribute('aria-current');
  }
  show($('chats-view'), view === 'chats');
  show($('history-view'), view === 'history');
  show($('admin-view'), view === 'admin');
  show($('reports-view'), view === 'reports');
  show($('visitors-view'), view === 'visitors');
  show($('monitor-view'), view === 'monitor');
  if (monitor && view === 'monitor') monitor.open();
  else if (monitor) monitor.close();
  if (view === 'chats') chats.markFrontRead();
  if (view === 'history') history.refresh();
  if (view === 'reports') reports.refresh();
  if (liveVisitors && view === 'visitors') liveVisitors.open();
  else if (liveVisitors) liveVisitors.close();
  if (view === 'admin') {
    admin.refresh();
    canned.load();
    settings.refresh();
    offerRules.refresh();
    articles.refresh();
    botSettings.refresh();
  }
}

function updateTitle() {
  alerts.title(chats.totalUnread);
}

// ---- dialogs ----

async function openTransfer() {
  const chat = chats.active;
  if (!chat || chat.ended) return;
  const select = $('transfer-agent');
  select.replaceChildren();
  show($('transfer-error'), false);
  $('transfer-note').value = '';
  let agents = [];
  try {
    agents = (await api('GET', '/api/v1/agents', state.session.token)).agents;
  } catch (e) {
    failed(e);
    return;
  }
  const free = agents.filter((a) => a.id !== state.session.agentId && a.status === 'online' && a.connected !== false
    && !a.disabled && a.load < a.maxChats);
  for (const a of free) {
    const option = el('option', null, `${a.name} (${t('loadOf', { load: a.load, max: a.maxChats })})`);
    option.value = a.id;
    select.append(option);
  }
  show($('transfer-none'), free.length === 0);
  $('transfer-confirm').disabled = free.length === 0;
  $('transfer-dialog').dataset.conversationId = chat.conv.id;
  $('transfer-dialog').showModal();
}

async function confirmTransfer(event) {
  event.preventDefault();
  const conversationId = $('transfer-dialog').dataset.conversationId;
  const body = { conversationId, toAgentId: $('transfer-agent').value };
  const note = $('transfer-note').value.trim();
  if (note) body.note = note;
  try {
    const reply = await state.bus.request('agent.transfer', body);
    $('transfer-dialog').close();
    chats.remove(conversationId, t('chatTransferred', { name: reply.conversation ? reply.conversation.agentName : '' }));
    refreshAgent();
  } catch (e) {
    $('transfer-error').textContent = e.code === 'agent_unavailable' ? t('agentUnavailable') : t('genericError', { code: e.code });
    show($('transfer-error'), true);
    if (isTokenFailure(e)) failed(e);
  }
}

function openClose() {
  const chat = chats.active;
  if (!chat) return;
  if (chat.ended) {
    chats.remove(chat.conv.id);
    return;
  }
  $('close-dialog').dataset.conversationId = chat.conv.id;
  // Escape leaves returnValue as it was: clear it, or the last "close" would close this chat too
  $('close-dialog').returnValue = '';
  $('close-dialog').showModal();
  $('close-cancel').focus();
}

async function onCloseDialog() {
  if ($('close-dialog').returnValue !== 'close') return;
  const conversationId = $('close-dialog').dataset.conversationId;
  try {
    await state.bus.request('agent.close', { conversationId });
    chats.remove(conversationId, t('chatClosed'));
    refreshAgent();
  } catch (e) {
    failed(e);
  }
}

// ---- keyboard ----

const SHORTCUTS = [
  ['Alt + ↓', 'scNext'], ['Alt + ↑', 'scPrev'], ['Enter / Ctrl + Enter', 'scSend'], ['Shift + Enter', 'scNewline'],
  ['Alt + R', 'scFocus'], ['Alt + C', 'scClose'], ['Alt + T', 'scTransfer'], ['Alt + N', 'scTake'],
  ['Alt + K', 'scCanned'], ['/shortcut + Tab', 'scCannedShortcut'], ['Alt + M', 'scMute'], ['Alt + 1 / 2 / 3 / 4 / 5', 'scViews'], ['? / Alt + H', 'scHelp'],
];

function fillHelp() {
  const list = $('shortcut-list');
  for (const [keys, what] of SHORTCUTS) {
    const dt = el('dt');
    dt.append(el('kbd', null, keys));
    list.append(dt, el('dd', null, t(what)));
  }
}

function openHelp() {
  if (!$('help-dialog').open) $('help-dialog').showModal();
}

function onKey(event) {
  if (!state.session || document.querySelector('dialog[open]')) return;
  const inField = /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName);
  if (!event.altKey) {
    if (event.key === '?' && !inField) {
      event.preventDefault();
      openHelp();
    }
    return;
  }
  // event.code, not event.key: Alt+letter types special characters on some layouts
  const actions = {
    ArrowDown: () => { showView('chats'); chats.step(1); },
    ArrowUp: () => { showView('chats'); chats.step(-1); },
    KeyC: openClose,
    KeyT: openTransfer,
    KeyR: () => { showView('chats'); $('composer-text').focus(); },
    KeyN: () => { if (state.queue.length) takeChat(state.queue[0].conversationId); },
    KeyM: toggleSound,
    KeyK: () => {
      showView('chats');
      if (!$('composer-tools').hidden) $('canned-select').focus();
    },
    KeyH: openHelp,
    Digit1: () => showView('chats'),
    Digit2: () => showView('history'),
    Digit3: () => showView('admin'),
    Digit4: () => showView('reports'),
    Digit5: () => showView('visitors'),
  };
  const action = actions[event.code];
  if (action) {
    event.preventDefault();
    action();
  }
}

function toggleSound() {
  // blocked by the browser: this click or key is what it waited for, not a wish for silence
  const wasBlocked = $('sound-toggle').dataset.sound === 'blocked';
  alerts.unlock();
  if (wasBlocked) return;
  alerts.setMuted(!alerts.muted);
  updateSoundButton();
}

function updateSoundButton() {
  const button = $('sound-toggle');
  const label = alerts.sound === 'blocked' ? t('soundBlocked') : t('soundToggle');
  button.setAttribute('aria-pressed', String(!alerts.muted));
  button.dataset.sound = alerts.sound;
  button.title = label;
  button.setAttribute('aria-label', label);
  $('sound-icon').src = alerts.muted ? 'icons/sound-off.svg' : 'icons/sound-on.svg';
}

/** The speaker button rings along with a tone, so the tone is seen as well as heard. */
function ringSoundButton() {
  const button = $('sound-toggle');
  button.classList.add('ringing');
  clearTimeout(ringSoundButton.timer);
  ringSoundButton.timer = setTimeout(() => button.classList.remove('ringing'), 1200);
}

function updateNotifyButton() {
  show($('notify-permission'), alerts.canAskForNotifications);
}

// ---- wiring ----

function init() {
  translatePage();
  fillHelp();
  updateSoundButton();
  $('login-form').addEventListener('submit', signIn);
  $('logout').addEventListener('click', () => signOut());
  $('status-select').addEventListener('change', () => leaving.ask($('status-select').value));
  $('max-chats').addEventListener('change', () => {
    const value = Number.parseInt($('max-chats').value, 10);
    if (Number.isInteger(value) && value >= 0 && value <= 50) changeStatus({ maxChats: value });
    else setAgent(state.agent);
  });
  $('sound-toggle').addEventListener('click', toggleSound);
  $('notify-permission').addEventListener('click', () => alerts.askForNotifications().then(updateNotifyButton));
  $('help-button').addEventListener('click', openHelp);
  for (const tab of document.querySelectorAll('.tab')) tab.addEventListener('click', () => showView(tab.dataset.view));
  $('why-button').addEventListener('click', () => {
    if (routing && chats && chats.active) routing.open(chats.active.conv.id);
  });
  $('why-close').addEventListener('click', () => $('why-dialog').close());
  $('transfer-button').addEventListener('click', openTransfer);
  $('transfer-form').addEventListener('submit', confirmTransfer);
  $('transfer-cancel').addEventListener('click', () => $('transfer-dialog').close());
  $('close-button').addEventListener('click', openClose);
  $('dismiss-button').addEventListener('click', openClose);
  $('close-dialog').addEventListener('close', onCloseDialog);
  document.addEventListener('keydown', onKey);
  alerts.onchange = updateSoundButton;
  alerts.ontone = ringSoundButton;
  // until the browser lets the page play sound, every click or key asks again
  document.addEventListener('pointerdown', () => alerts.unlock());
  document.addEventListener('keydown', () => alerts.unlock());
  document.addEventListener('visibilitychange', () => {
    if (!document.hidden && chats) chats.markFrontRead();
  });
  setInterval(tickQueue, 1000);
  setInterval(() => {
    if (state.bus && state.bus.isOpen && state.agent && state.agent.status === 'offline') {
      refreshQueue();
      liveVisitors.load();
    }
  }, QUEUE_POLL_OFFLINE_MS);

  const session = storedSession();
  if (session) {
    start(session);
  } else {
    show($('login-view'), true);
    const reason = sessionStorage.getItem('plauder.dashboard.signOutReason');
    if (reason) {
      sessionStorage.removeItem('plauder.dashboard.signOutReason');
      $('login-error').textContent = reason;
      show($('login-error'), true);
    }
    $('login-email').focus();
  }
}

init();
