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
    scMute: 'Sound on/off', scHelp: 'This help', scFocus: 'Focus the reply box', scViews: 'Chats / History / Admin / Reports / Visitors',
    // visitor panel
    visitorPanel: 'Visitor', showPanel: 'Show visitor details', hidePanel: 'Hide visitor details',
    currentPage: 'Current page', onPageFor: 'on this page for {time}', pagesSeen: 'Pages seen',
    pagesSeenCount: '{n} pages seen', pagesSeenOne: '1 page seen', visits: 'Visits', returningVisitor: 'returning — visit {n}', newVisitor: 'new visitor',
    device: 'Browser and device', earlierChats: 'Earlier conversations', noEarlierChats: 'No earlier conversations.',
    readTranscript: 'Read', thisChat: 'this chat', noName: 'not given', noPage: 'No page reported yet.',
    firstSeen: 'First seen', eraseVisitor: 'Erase visitor data', eraseTitle: 'Erase all data of {name}?',
    eraseWhat: 'This deletes for good: the visitor record (name, e-mail, browser, the pages seen), its {n} conversations and every message in them. Open chats are closed first. This cannot be undone.',
    erase: 'Erase', erased: 'Erased: {conversations} conversations, {messages} messages.', visitorGone: 'This visitor\u2019s data is no longer there.',
    uaUnknownBrowser: 'Unknown browser', uaUnknownDevice: 'unknown device', uaPhone: '{os} phone', uaTablet: '{os} tablet',
    uaDesktop: '{os} computer', uaBot: 'Bot or script', statusActive: 'active', statusClosed: 'closed', statusQueued: 'queued', statusOffline: 'offline message',
    // history filters and transcripts
    searchText: 'Text', searchPlaceholder: 'Words in a message', anyAgent: 'Any agent', agent: 'Agent', fromDate: 'From', toDate: 'To',
    search: 'Search', resetFilter: 'Reset', filters: 'Filter', results: '{n} found', resultsCapped: '{n} found (the newest {n} — narrow the search)',
    matchIn: 'match', download: 'Download', openPrintable: 'Printable', downloadAs: 'Download as {format}',
    downloadFailed: 'Download failed ({code}).', transcriptTitle: 'Transcript', invalidRange: '"From" is after "To".',
    // reports
    tabReports: 'Reports', reportsTitle: 'Reports', showReport: 'Show', chats: 'Chats', missed: 'Missed',
    offlineCount: 'Offline messages', waitMedian: 'Wait, median', waitP90: 'Wait, 90th percentile',
    firstResponseMedian: 'First response, median', firstResponseP90: 'First response, 90th percentile',
    durationMedian: 'Duration, median', ratingAverage: 'Rating, average', ratingsCount: '{n} ratings', perAgent: 'Per agent',
    noAgentsInRange: 'No agent had a chat in this period.', chartChatsTitle: 'Chats and missed chats per agent',
    chartTimesTitle: 'Waiting and first response (site)', axisCount: 'Chats', axisSeconds: 'Time', axisAgents: 'Agents',
    median: 'median', p90: '90th percentile', wait: 'Wait', firstResponse: 'First response', noData: 'no data',
    seconds: '{n} s', minutes: '{m} min {s} s', hours: '{h} h {m} min', scReports: 'Reports', reportPeriod: '{from} – {to}',
    // site settings and export
    siteSettings: 'Site settings', allowedOrigins: 'Allowed origins (one per line)', defaultMaxChats: 'Default max chats',
    offlineMessageSetting: 'Offline message', retentionDays: 'Keep conversations (days)', retentionHelp: 'Empty keeps them forever.',
    maskCards: 'Mask card numbers', save: 'Save', saved: 'Settings saved.', bulkExport: 'Export messages',
    bulkExportHelp: 'All messages of the conversations started in this period, as one file.', format: 'Format',
    exporting: 'Downloading… {size}', exported: 'Downloaded {size}.', notANumber: '{field} must be a whole number.',
    // live visitors
    tabVisitors: 'Visitors', liveVisitors: 'Visitors on the site now', liveEmpty: 'Nobody is on the site right now.',
    returningShort: 'returning', newShort: 'new', onlineFor: 'online {time}', offerOpen: 'invitation open',
    invite: 'Invite', inviteTitle: 'Invite to chat', inviteText: 'Your message', inviteDefault: 'Hello! Can I help you with anything?',
    invited: 'Invitation sent.', visitorChatting: 'This visitor is in a chat already.',
    offerAlreadyOpen: 'This visitor has an invitation open already.', visitorLeftSite: 'This visitor has left the site.',
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
    scMute: 'Ton an/aus', scHelp: 'Diese Hilfe', scFocus: 'Ins Antwortfeld springen', scViews: 'Chats / Verlauf / Verwaltung / Berichte / Besucher',
    // visitor panel
    visitorPanel: 'Besucher', showPanel: 'Besucherdetails zeigen', hidePanel: 'Besucherdetails ausblenden',
    currentPage: 'Aktuelle Seite', onPageFor: 'seit {time} auf dieser Seite', pagesSeen: 'Besuchte Seiten',
    pagesSeenCount: '{n} Seiten angesehen', pagesSeenOne: '1 Seite angesehen', visits: 'Besuche', returningVisitor: 'wiederkehrend — Besuch {n}', newVisitor: 'neuer Besucher',
    device: 'Browser und Gerät', earlierChats: 'Frühere Gespräche', noEarlierChats: 'Keine früheren Gespräche.',
    readTranscript: 'Lesen', thisChat: 'dieser Chat', noName: 'nicht angegeben', noPage: 'Noch keine Seite gemeldet.',
    firstSeen: 'Zuerst gesehen', eraseVisitor: 'Besucherdaten löschen', eraseTitle: 'Alle Daten von {name} löschen?',
    eraseWhat: 'Endgültig gelöscht werden: der Besucherdatensatz (Name, E-Mail, Browser, besuchte Seiten), seine {n} Gespräche und jede Nachricht darin. Offene Chats werden vorher beendet. Das lässt sich nicht rückgängig machen.',
    erase: 'Löschen', erased: 'Gelöscht: {conversations} Gespräche, {messages} Nachrichten.', visitorGone: 'Die Daten dieses Besuchers gibt es nicht mehr.',
    uaUnknownBrowser: 'Unbekannter Browser', uaUnknownDevice: 'unbekanntes Gerät', uaPhone: '{os}-Smartphone', uaTablet: '{os}-Tablet',
    uaDesktop: '{os}-Computer', uaBot: 'Bot oder Skript', statusActive: 'aktiv', statusClosed: 'beendet', statusQueued: 'wartend', statusOffline: 'Offline-Nachricht',
    // history filters and transcripts
    searchText: 'Text', searchPlaceholder: 'Wörter in einer Nachricht', anyAgent: 'Alle Agenten', agent: 'Agent', fromDate: 'Von', toDate: 'Bis',
    search: 'Suchen', resetFilter: 'Zurücksetzen', filters: 'Filter', results: '{n} gefunden', resultsCapped: '{n} gefunden (die neuesten {n} — Suche eingrenzen)',
    matchIn: 'Treffer', download: 'Herunterladen', openPrintable: 'Druckansicht', downloadAs: 'Als {format} herunterladen',
    downloadFailed: 'Herunterladen fehlgeschlagen ({code}).', transcriptTitle: 'Protokoll', invalidRange: '„Von“ liegt nach „Bis“.',
    // reports
    tabReports: 'Berichte', reportsTitle: 'Berichte', showReport: 'Anzeigen', chats: 'Chats', missed: 'Verpasst',
    offlineCount: 'Offline-Nachrichten', waitMedian: 'Wartezeit, Median', waitP90: 'Wartezeit, 90. Perzentil',
    firstResponseMedian: 'Erste Antwort, Median', firstResponseP90: 'Erste Antwort, 90. Perzentil',
    durationMedian: 'Dauer, Median', ratingAverage: 'Bewertung, Schnitt', ratingsCount: '{n} Bewertungen', perAgent: 'Pro Agent',
    noAgentsInRange: 'In diesem Zeitraum hatte kein Agent einen Chat.', chartChatsTitle: 'Chats und verpasste Chats pro Agent',
    chartTimesTitle: 'Wartezeit und erste Antwort (Website)', axisCount: 'Chats', axisSeconds: 'Zeit', axisAgents: 'Agenten',
    median: 'Median', p90: '90. Perzentil', wait: 'Wartezeit', firstResponse: 'Erste Antwort', noData: 'keine Daten',
    seconds: '{n} s', minutes: '{m} min {s} s', hours: '{h} h {m} min', scReports: 'Berichte', reportPeriod: '{from} – {to}',
    // site settings and export
    siteSettings: 'Website-Einstellungen', allowedOrigins: 'Erlaubte Origins (eine pro Zeile)', defaultMaxChats: 'Standard: max. Chats',
    offlineMessageSetting: 'Offline-Hinweis', retentionDays: 'Gespräche aufbewahren (Tage)', retentionHelp: 'Leer bewahrt sie für immer auf.',
    maskCards: 'Kartennummern maskieren', save: 'Speichern', saved: 'Einstellungen gespeichert.', bulkExport: 'Nachrichten exportieren',
    bulkExportHelp: 'Alle Nachrichten der in diesem Zeitraum begonnenen Gespräche, als eine Datei.', format: 'Format',
    exporting: 'Lade herunter… {size}', exported: '{size} heruntergeladen.', notANumber: '{field} muss eine ganze Zahl sein.',
    // live visitors
    tabVisitors: 'Besucher', liveVisitors: 'Besucher gerade auf der Website', liveEmpty: 'Gerade ist niemand auf der Website.',
    returningShort: 'wiederkehrend', newShort: 'neu', onlineFor: 'online {time}', offerOpen: 'Einladung offen',
    invite: 'Einladen', inviteTitle: 'Zum Chat einladen', inviteText: 'Deine Nachricht', inviteDefault: 'Hallo! Kann ich Ihnen bei etwas helfen?',
    invited: 'Einladung gesendet.', visitorChatting: 'Dieser Besucher chattet schon.',
    offerAlreadyOpen: 'Dieser Besucher hat schon eine offene Einladung.', visitorLeftSite: 'Dieser Besucher hat die Website verlassen.',
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
