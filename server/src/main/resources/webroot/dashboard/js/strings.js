// Every text the dashboard shows, in English and German, from one table.

const STRINGS = {
  en: {
    signInTitle: 'Plauder — agent sign-in', email: 'E-mail', password: 'Password', signIn: 'Sign in',
    signOut: 'Sign out', tabChats: 'Chats', tabHistory: 'History', tabAdmin: 'Admin', myStatus: 'My status',
    online: 'Online', away: 'Away', offline: 'Offline', maxChatsShort: 'Max chats', soundToggle: 'Sound on/off (Alt+M)',
    enableNotifications: 'Enable desktop notifications', shortcuts: 'Keyboard shortcuts', myChats: 'My chats',
    noChats: 'No active chats.', queue: 'Queue', queueEmpty: 'Nobody is waiting.',
    pickChat: 'Pick a chat on the left — or go online to receive chats.', transfer: 'Transfer', closeChat: 'Close chat',
    reply: 'Reply', replyPlaceholder: 'Write a reply — Enter sends, Shift+Enter new line', send: 'Send',
    closedChats: 'Closed chats', offlineMessages: 'Offline messages', nothingHere: 'Nothing here yet.',
    pickTranscript: 'Pick a conversation to read its transcript.', newAgent: 'New agent', name: 'Name',
    passwordMin: 'Password (8+ characters)', maxChats: 'Max parallel chats', role: 'Role', roleAgent: 'Agent',
    roleAdmin: 'Admin', createAgent: 'Create agent', agents: 'Agents', status: 'Status', load: 'Load',
    embed: 'Embed the widget', embedHelp: 'Paste this into every page of your site, before </body>.', copy: 'Copy',
    copied: 'Copied.', copyFailed: 'Copy failed — select the text and copy it by hand.',
    transferTitle: 'Transfer chat', transferTo: 'To agent', noAgentFree: 'No other agent is online with a free slot.',
    noteOptional: 'Note for the colleague (optional)', cancel: 'Cancel', closeTitle: 'Close this chat?',
    closeHelp: 'The visitor is told that the chat has ended.', closeHelpButton: 'Close',
    visitor: 'Visitor', you: 'You', system: 'System', sending: 'sending…', sent: 'sent', failed: 'not sent — click to retry',
    isTyping: '{name} is typing…', waitingFor: 'waiting {time}', take: 'Take', taking: 'Taking…',
    connecting: 'Connecting…', connected: 'Connected', reconnecting: 'Connection lost — reconnecting…',
    loadOf: '{load}/{max}', since: 'since {time}', transferredFrom: 'Transferred from {name}', noteLabel: 'Note: {note}',
    closedByVisitor: 'The visitor closed this chat.', chatClosed: 'Chat closed.', chatTransferred: 'Chat handed to {name}.',
    newChat: 'New chat: {name}', newMessage: 'New message from {name}', agentCreated: 'Agent {name} created.',
    invalidCredentials: 'E-mail or password is wrong.', accountDisabled: 'This account is disabled.',
    sessionExpired: 'Your session has ended — please sign in again.', genericError: 'Something went wrong ({code}).',
    noCapacity: 'You have no free chat slot — go online or raise your limit.', notQueued: 'Someone else took that chat.',
    agentUnavailable: 'That agent is no longer available.', emailTaken: 'An agent with this e-mail exists already.',
    disabled: 'disabled', account: 'Account', disable: 'Disable', enable: 'Enable',
    dismiss: 'Remove from list', ended: 'ended', cannedInsert: 'Canned response', cannedPick: 'Insert…', cannedResponses: 'Canned responses',
    cannedNone: 'No canned responses yet.', cannedTitle: 'Title', cannedText: 'Text', cannedAdd: 'Add response',
    cannedAdded: 'Response "{title}" added.', remove: 'Remove', scCanned: 'Pick a canned response',
    maxChatsOf: 'Max chats of {name}', agentUpdated: '{name} updated.', offlineMessageFrom: 'Offline message · {email}', closedAt: 'closed {time}',
    unread: '{n} unread', rating: 'rating {n}/5', anonymous: 'Visitor {id}',
    scNext: 'Next chat', scPrev: 'Previous chat', scClose: 'Close the current chat', scTransfer: 'Transfer the current chat',
    scSend: 'Send the reply', scNewline: 'New line in the reply', scTake: 'Take the longest-waiting visitor',
    scMute: 'Sound on/off', scHelp: 'This help', scFocus: 'Focus the reply box', scViews: 'Chats / History / Admin',
  },
  de: {
    signInTitle: 'Plauder — Anmeldung für Agenten', email: 'E-Mail', password: 'Passwort', signIn: 'Anmelden',
    signOut: 'Abmelden', tabChats: 'Chats', tabHistory: 'Verlauf', tabAdmin: 'Verwaltung', myStatus: 'Mein Status',
    online: 'Online', away: 'Abwesend', offline: 'Offline', maxChatsShort: 'Max. Chats', soundToggle: 'Ton an/aus (Alt+M)',
    enableNotifications: 'Desktop-Benachrichtigungen erlauben', shortcuts: 'Tastenkürzel', myChats: 'Meine Chats',
    noChats: 'Keine aktiven Chats.', queue: 'Warteschlange', queueEmpty: 'Niemand wartet.',
    pickChat: 'Wähle links einen Chat — oder geh online, um Chats zu bekommen.', transfer: 'Weitergeben',
    closeChat: 'Chat beenden', reply: 'Antwort', replyPlaceholder: 'Antwort schreiben — Enter sendet, Umschalt+Enter neue Zeile',
    send: 'Senden', closedChats: 'Beendete Chats', offlineMessages: 'Offline-Nachrichten', nothingHere: 'Noch nichts da.',
    pickTranscript: 'Wähle ein Gespräch, um das Protokoll zu lesen.', newAgent: 'Neuer Agent', name: 'Name',
    passwordMin: 'Passwort (mind. 8 Zeichen)', maxChats: 'Max. parallele Chats', role: 'Rolle', roleAgent: 'Agent',
    roleAdmin: 'Admin', createAgent: 'Agent anlegen', agents: 'Agenten', status: 'Status', load: 'Last',
    embed: 'Widget einbinden', embedHelp: 'Füge dies in jede Seite deiner Website ein, vor </body>.', copy: 'Kopieren',
    copied: 'Kopiert.', copyFailed: 'Kopieren fehlgeschlagen — Text markieren und von Hand kopieren.',
    transferTitle: 'Chat weitergeben', transferTo: 'An Agent', noAgentFree: 'Kein anderer Agent ist online und frei.',
    noteOptional: 'Notiz für die Kollegin / den Kollegen (optional)', cancel: 'Abbrechen', closeTitle: 'Diesen Chat beenden?',
    closeHelp: 'Der Besucher erfährt, dass der Chat beendet ist.', closeHelpButton: 'Schließen',
    visitor: 'Besucher', you: 'Du', system: 'System', sending: 'wird gesendet…', sent: 'gesendet',
    failed: 'nicht gesendet — klicken zum Wiederholen', isTyping: '{name} schreibt…', waitingFor: 'wartet {time}',
    take: 'Übernehmen', taking: 'Übernehme…', connecting: 'Verbinde…', connected: 'Verbunden',
    reconnecting: 'Verbindung verloren — verbinde neu…', loadOf: '{load}/{max}', since: 'seit {time}',
    transferredFrom: 'Weitergegeben von {name}', noteLabel: 'Notiz: {note}', closedByVisitor: 'Der Besucher hat den Chat beendet.',
    chatClosed: 'Chat beendet.', chatTransferred: 'Chat an {name} weitergegeben.', newChat: 'Neuer Chat: {name}',
    newMessage: 'Neue Nachricht von {name}', agentCreated: 'Agent {name} angelegt.',
    invalidCredentials: 'E-Mail oder Passwort ist falsch.', accountDisabled: 'Dieses Konto ist gesperrt.',
    sessionExpired: 'Deine Sitzung ist abgelaufen — bitte neu anmelden.', genericError: 'Etwas ist schiefgegangen ({code}).',
    noCapacity: 'Kein freier Chat-Platz — geh online oder erhöhe dein Limit.', notQueued: 'Jemand anderes hat den Chat übernommen.',
    agentUnavailable: 'Dieser Agent ist nicht mehr verfügbar.', emailTaken: 'Es gibt schon einen Agenten mit dieser E-Mail.',
    disabled: 'gesperrt', account: 'Konto', disable: 'Sperren', enable: 'Entsperren',
    dismiss: 'Aus der Liste nehmen', ended: 'beendet', cannedInsert: 'Textbaustein', cannedPick: 'Einfügen…', cannedResponses: 'Textbausteine',
    cannedNone: 'Noch keine Textbausteine.', cannedTitle: 'Titel', cannedText: 'Text', cannedAdd: 'Baustein anlegen',
    cannedAdded: 'Baustein „{title}" angelegt.', remove: 'Entfernen', scCanned: 'Textbaustein wählen',
    maxChatsOf: 'Max. Chats von {name}', agentUpdated: '{name} geändert.', offlineMessageFrom: 'Offline-Nachricht · {email}', closedAt: 'beendet {time}',
    unread: '{n} ungelesen', rating: 'Bewertung {n}/5', anonymous: 'Besucher {id}',
    scNext: 'Nächster Chat', scPrev: 'Vorheriger Chat', scClose: 'Aktuellen Chat beenden', scTransfer: 'Aktuellen Chat weitergeben',
    scSend: 'Antwort senden', scNewline: 'Neue Zeile in der Antwort', scTake: 'Am längsten Wartenden übernehmen',
    scMute: 'Ton an/aus', scHelp: 'Diese Hilfe', scFocus: 'Ins Antwortfeld springen', scViews: 'Chats / Verlauf / Verwaltung',
  },
};

export const lang = (navigator.language || 'en').toLowerCase().startsWith('de') ? 'de' : 'en';

/** The text for `key` in the browser's language, with {placeholders} filled in. */
export function t(key, values = {}) {
  const template = STRINGS[lang][key] ?? STRINGS.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
}

/** Fills the static page's labelled elements (data-t, data-t-title, data-t-placeholder). */
export function translatePage(root = document) {
  document.documentElement.lang = lang;
  for (const el of root.querySelectorAll('[data-t]')) el.textContent = t(el.dataset.t);
  for (const el of root.querySelectorAll('[data-t-title]')) {
    el.title = t(el.dataset.tTitle);
    el.setAttribute('aria-label', t(el.dataset.tTitle));
  }
  for (const el of root.querySelectorAll('[data-t-placeholder]')) el.placeholder = t(el.dataset.tPlaceholder);
}
