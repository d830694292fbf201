package org.plauder;

import java.time.Clock;
import org.plauder.auth.Passwords;
import org.plauder.auth.Tokens;
import org.plauder.config.Config;
import org.plauder.conversation.ConversationService;
import org.plauder.conversation.MessageRules;
import org.plauder.routing.ChatRouter;
import org.plauder.store.Agents;
import org.plauder.store.Conversations;
import org.plauder.store.Database;
import org.plauder.store.Messages;
import org.plauder.store.Sites;
import org.plauder.store.Visitors;
import org.plauder.store.OfferStore;
import org.plauder.store.PresenceStore;
import org.plauder.protocol.Inboxes;
import org.plauder.transcript.TranscriptMailer;

/** The parts a node is made of, built once at start-up and handed to each verticle. */
public record Services(
    Config config,
    Clock clock,
    Database database,
    Sites sites,
    Agents agents,
    Visitors visitors,
    Conversations conversations,
    Messages messageStore,
    Tokens tokens,
    Passwords passwords,
    MessageRules messageRules,
    ConversationService messages,
    ChatRouter router,
    TranscriptMailer mailer,
    Inboxes inboxes,
    PresenceStore presence,
    OfferStore offers) {

  /** Whether transcripts can be e-mailed (an SMTP server is configured). */
  public boolean canEmailTranscripts() {
    return mailer != null;
  }
}
