// Every text the widget shows, in German and English, and the choice between them.

export const STRINGS = {
  de: {
    launcherOpen: 'Chat öffnen',
    launcherClose: 'Chat schließen',
    unread: (n) => (n === 1 ? '1 ungelesene Nachricht' : n + ' ungelesene Nachrichten'),
    title: 'Wir helfen gern',
    close: 'Schließen',
    endChat: 'Chat beenden',
    endChatQuestion: 'Chat wirklich beenden?',
    endChatConfirm: 'Ja, beenden',
    endChatCancel: 'Weiter chatten',
    statusConnecting: 'Verbinde …',
    statusOffline: 'Verbindung unterbrochen – neuer Versuch läuft',
    statusReady: 'Schreiben Sie uns – wir antworten hier.',
    statusQueued: 'Sie sind in der Warteschlange',
    statusActive: (name) => name + ' ist für Sie da',
    statusClosed: 'Chat beendet',
    statusLeaveMessage: 'Nachricht hinterlassen',
    queuePosition: (n) => (n === 1 ? 'Sie sind als Nächstes dran.' : 'Position in der Warteschlange: ' + n),
    waitUnderMinute: 'Geschätzte Wartezeit: unter einer Minute.',
    waitMinutes: (n) => 'Geschätzte Wartezeit: etwa ' + n + (n === 1 ? ' Minute.' : ' Minuten.'),
    messages: 'Nachrichten',
    you: 'Sie',
    agent: 'Support',
    system: 'Hinweis',
    sending: 'wird gesendet …',
    sent: 'gesendet',
    sentTick: '✓ zugestellt', readTick: '✓✓ gelesen',
    typing: (name) => name + ' schreibt …',
    composerLabel: 'Ihre Nachricht',
    topicLabel: 'Worum geht es?',
    topicNone: 'Bitte wählen (optional)',
    composerHint: 'Enter sendet, Umschalt+Enter für eine neue Zeile',
    emojiOpen: 'Emoji einfügen', emojiTitle: 'Emoji',
    placeholder: 'Nachricht schreiben …',
    send: 'Senden',
    offlineTitle: 'Gerade ist niemand online.',
    offlineIntro: 'Hinterlassen Sie uns eine Nachricht, wir antworten per E-Mail.',
    offlineAgentLeft: (name) => name + ' ist nicht mehr erreichbar, und gerade ist niemand sonst online. Hinterlassen Sie uns eine Nachricht – wir antworten per E-Mail.',
    offlineChatAttached: 'Ihr bisheriger Chat wird mit der Nachricht geschickt.',
    name: 'Name (optional)',
    email: 'E-Mail',
    message: 'Nachricht',
    leaveMessage: 'Nachricht senden',
    leftMessage: 'Danke! Wir melden uns per E-Mail bei Ihnen.',
    rateQuestion: 'Wie zufrieden waren Sie mit dem Chat?',
    rateComment: 'Ein Kommentar dazu (freiwillig, vor dem Klick auf die Sterne)',
    rateStar: (n) => n + ' von 5 Sternen',
    rated: 'Danke für Ihre Bewertung!',
    newChat: 'Neuen Chat beginnen',
    earlierTitle: 'Ihr letztes Gespräch',
    earlierShowAll: (n) => (n === 1 ? '1 frühere Nachricht zeigen' : n + ' frühere Nachrichten zeigen'),
    earlierShowLess: 'Weniger zeigen',
    offerLabel: 'Hilfe-Angebot',
    offerFrom: (name) => name + ' schreibt Ihnen',
    offerAccept: 'Jetzt chatten',
    offerDismiss: 'Angebot schließen',
    masked: 'Kartennummer zu Ihrer Sicherheit verborgen',
    transcriptOffer: 'Verlauf per E-Mail senden',
    transcriptSend: 'Verlauf senden',
    transcriptSent: (email) => 'Der Verlauf wurde an ' + email + ' gesendet.',
    prechatIntro: 'Bevor es losgeht: Wie erreichen wir Sie?',
    prechatName: 'Name',
    prechatEmail: 'E-Mail',
    prechatEmailOptional: 'E-Mail (optional)',
    prechatConsent: 'Ich bin einverstanden, dass meine Angaben gespeichert werden, um meine Anfrage zu beantworten.',
    prechatPrivacy: 'Datenschutzerklärung',
    prechatStart: 'Chat starten',
    prechatStored: (fields, days) => {
      const what = fields.map((f) => ({ name: 'Ihren Namen', email: 'Ihre E-Mail-Adresse' })[f]);
      const list = what.concat('den Chatverlauf').join(', ').replace(/, ([^,]*)$/, ' und $1');
      if (days == null) return 'Wir speichern ' + list + ', bis Sie die Löschung verlangen.';
      const chat = 'Den Chatverlauf löschen wir ' + (days === 1 ? 'einen Tag' : days + ' Tage') + ' nach dem Chat';
      return 'Wir speichern ' + list + '. ' + chat + (what.length ? ', Ihre Angaben auf Ihre Anfrage.' : '.');
    },
    statusHeld: 'Automatische Antwort',
    bot: 'Hilfe-Bot',
    botKind: 'automatisch',
    botQuestion: 'Hat das Ihre Frage beantwortet?',
    botResolved: 'Das hilft mir',
    talkToPerson: 'Mit einem Menschen sprechen',
    botThanks: 'Schön, dass wir helfen konnten!',
    suggestTitle: 'Vielleicht hilft das schon:',
    suggestFound: (n) => (n === 1 ? '1 passender Hilfe-Artikel' : n + ' passende Hilfe-Artikel'),
    articleBack: '← Zurück zum Chat',
    articleLoading: 'Wird geladen …',
    errorPrefix: 'Fehler: ',
    error: {
      invalid_input: 'Die Eingabe ist ungültig.',
      conversation_closed: 'Dieser Chat ist bereits beendet.',
      not_found: 'Der Chat wurde nicht gefunden.',
      database_unavailable: 'Der Dienst ist gerade nicht erreichbar. Wir versuchen es weiter.',
      busy: 'Der Dienst ist gerade ausgelastet. Bitte gleich noch einmal versuchen.',
      timeout: 'Der Server antwortet nicht. Wir versuchen es weiter.',
      network: 'Keine Verbindung zum Chat-Server.',
      origin_not_allowed: 'Der Chat ist auf dieser Seite nicht freigeschaltet.',
      unknown_site: 'Dieser Chat ist nicht eingerichtet.',
      offer_gone: 'Dieses Angebot gilt nicht mehr – schreiben Sie uns gern direkt.',
      already_sent: 'Der Verlauf dieses Chats wurde bereits per E-Mail gesendet.',
      email_failed: 'Die E-Mail konnte gerade nicht gesendet werden. Bitte später noch einmal versuchen.',
      email_unavailable: 'Der Versand per E-Mail ist auf diesem Server nicht eingerichtet.',
      conversation_open: 'Der Verlauf kann gesendet werden, sobald der Chat beendet ist.',
      name_required: 'Bitte geben Sie Ihren Namen an.',
      email_required: 'Bitte geben Sie Ihre E-Mail-Adresse an.',
      consent_required: 'Bitte stimmen Sie der Speicherung Ihrer Angaben zu.',
      unknown_topic: 'Dieses Thema gibt es nicht mehr. Bitte wählen Sie noch einmal und senden Sie erneut.',
      not_held: 'Ein Mensch kümmert sich schon um diesen Chat.',
      other: 'Etwas ist schiefgegangen.',
    },
  },
  en: {
    launcherOpen: 'Open chat',
    launcherClose: 'Close chat',
    unread: (n) => (n === 1 ? '1 unread message' : n + ' unread messages'),
    title: 'Happy to help',
    close: 'Close',
    endChat: 'End chat',
    endChatQuestion: 'End this chat?',
    endChatConfirm: 'Yes, end it',
    endChatCancel: 'Keep chatting',
    statusConnecting: 'Connecting …',
    statusOffline: 'Connection lost – trying again',
    statusReady: 'Write to us – we answer right here.',
    statusQueued: 'You are in the queue',
    statusActive: (name) => name + ' is here for you',
    statusClosed: 'Chat ended',
    statusLeaveMessage: 'Leave a message',
    queuePosition: (n) => (n === 1 ? 'You are next.' : 'Position in the queue: ' + n),
    waitUnderMinute: 'Estimated wait: less than a minute.',
    waitMinutes: (n) => 'Estimated wait: about ' + n + (n === 1 ? ' minute.' : ' minutes.'),
    messages: 'Messages',
    you: 'You',
    agent: 'Support',
    system: 'Note',
    sending: 'sending …',
    sent: 'sent',
    sentTick: '✓ delivered', readTick: '✓✓ read',
    typing: (name) => name + ' is typing …',
    composerLabel: 'Your message',
    topicLabel: 'What is it about?',
    topicNone: 'Please choose (optional)',
    composerHint: 'Enter sends, Shift+Enter starts a new line',
    emojiOpen: 'Insert an emoji', emojiTitle: 'Emoji',
    placeholder: 'Write a message …',
    send: 'Send',
    offlineTitle: 'Nobody is online right now.',
    offlineIntro: 'Leave us a message and we will answer by e-mail.',
    offlineAgentLeft: (name) => name + ' is no longer available, and nobody else is online right now. Leave us a message and we will answer by e-mail.',
    offlineChatAttached: 'Your chat so far goes with the message.',
    name: 'Name (optional)',
    email: 'E-mail',
    message: 'Message',
    leaveMessage: 'Send message',
    leftMessage: 'Thank you! We will get back to you by e-mail.',
    rateQuestion: 'How satisfied were you with this chat?',
    rateComment: 'A comment (optional, before you click the stars)',
    rateStar: (n) => n + ' of 5 stars',
    rated: 'Thank you for your rating!',
    newChat: 'Start a new chat',
    earlierTitle: 'Your last conversation',
    earlierShowAll: (n) => (n === 1 ? 'Show 1 earlier message' : 'Show ' + n + ' earlier messages'),
    earlierShowLess: 'Show less',
    offerLabel: 'Offer of help',
    offerFrom: (name) => name + ' writes to you',
    offerAccept: 'Chat now',
    offerDismiss: 'Dismiss offer',
    masked: 'Card number hidden for your safety',
    transcriptOffer: 'Send me the transcript',
    transcriptSend: 'Send transcript',
    transcriptSent: (email) => 'The transcript was sent to ' + email + '.',
    prechatIntro: 'Before we start: how can we reach you?',
    prechatName: 'Name',
    prechatEmail: 'E-mail',
    prechatEmailOptional: 'E-mail (optional)',
    prechatConsent: 'I agree that my details are stored to answer my request.',
    prechatPrivacy: 'Privacy policy',
    prechatStart: 'Start chat',
    prechatStored: (fields, days) => {
      const what = fields.map((f) => ({ name: 'your name', email: 'your e-mail address' })[f]);
      const list = what.concat('the conversation').join(', ').replace(/, ([^,]*)$/, ' and $1');
      if (days == null) return 'We store ' + list + ' until you ask us to delete them.';
      const chat = 'We delete the conversation ' + (days === 1 ? 'one day' : days + ' days') + ' after the chat';
      return 'We store ' + list + '. ' + chat + (what.length ? ', your details when you ask us.' : '.');
    },
    statusHeld: 'Automatic answer',
    bot: 'Help bot',
    botKind: 'automatic',
    botQuestion: 'Did that answer your question?',
    botResolved: 'That answers it',
    talkToPerson: 'Talk to a person',
    botThanks: 'Glad we could help!',
    suggestTitle: 'These articles may help:',
    suggestFound: (n) => (n === 1 ? '1 matching help article' : n + ' matching help articles'),
    articleBack: '← Back to the chat',
    articleLoading: 'Loading …',
    errorPrefix: 'Error: ',
    error: {
      invalid_input: 'That input is not valid.',
      conversation_closed: 'This chat has already ended.',
      not_found: 'The chat was not found.',
      database_unavailable: 'The service is unavailable right now. We keep trying.',
      busy: 'The service is busy right now. Please try again shortly.',
      timeout: 'The server does not answer. We keep trying.',
      network: 'No connection to the chat server.',
      origin_not_allowed: 'The chat is not enabled on this page.',
      unknown_site: 'This chat is not set up.',
      offer_gone: 'This offer is no longer open – feel free to write to us directly.',
      already_sent: 'The transcript of this chat has already been sent by e-mail.',
      email_failed: 'The e-mail could not be sent just now. Please try again later.',
      email_unavailable: 'Sending by e-mail is not set up on this server.',
      conversation_open: 'The transcript can be sent once the chat has ended.',
      name_required: 'Please enter your name.',
      email_required: 'Please enter your e-mail address.',
      consent_required: 'Please agree to your details being stored.',
      unknown_topic: 'This topic is no longer offered. Please choose again and resend.',
      not_held: 'A person is already taking care of this chat.',
      other: 'Something went wrong.',
    },
  },
};

export const LANGUAGES = Object.keys(STRINGS);

/**
 * The first supported language among the candidates, in order (e.g. data-lang, the page's
 * lang attribute, navigator.languages) that the site serves ({@code allowed}, from the site's
 * settings); English when none fits and the site speaks it, else the site's first language.
 */
export function chooseLanguage(candidates, allowed = LANGUAGES) {
  const usable = allowed.filter((l) => LANGUAGES.includes(l));
  const choices = usable.length ? usable : LANGUAGES;
  for (const candidate of candidates) {
    if (typeof candidate !== 'string') continue;
    const primary = candidate.trim().toLowerCase().split(/[-_]/)[0];
    if (choices.includes(primary)) return primary;
  }
  return choices.includes('en') ? 'en' : choices[0];
}

/** The strings of one language. */
export function stringsFor(lang) {
  return STRINGS[lang] || STRINGS.en;
}

/** A sentence for a server error, by its code; unknown codes get the generic one plus the server's text. */
export function errorText(strings, code, serverSentence) {
  const known = strings.error[code];
  if (known) return known;
  return serverSentence ? strings.error.other + ' (' + serverSentence + ')' : strings.error.other;
}
