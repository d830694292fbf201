package org.plauder;

import java.time.Clock;
import org.plauder.auth.Passwords;
import org.plauder.auth.Tokens;
import org.plauder.config.Config;
import org.plauder.conversation.ConversationAccess;
import org.plauder.conversation.ConversationService;
import org.plauder.conversation.MessageRules;
import org.plauder.event.CacheInvalidation;
import org.plauder.event.DomainEvents;
import org.plauder.help.KnowledgeBase;
import org.plauder.metrics.NodeMetrics;
import org.plauder.offer.OfferService;
import org.plauder.presence.VisitorTracking;
import org.plauder.protocol.Inboxes;
import org.plauder.routing.AgentDesk;
import org.plauder.routing.AgentSettings;
import org.plauder.routing.AssignmentPolicy;
import org.plauder.routing.AssignmentRate;
import org.plauder.routing.ChatRouter;
import org.plauder.store.Agents;
import org.plauder.store.Conversations;
import org.plauder.store.Database;
import org.plauder.store.Messages;
import org.plauder.store.OfferStore;
import org.plauder.store.Sites;
import org.plauder.store.Visitors;
import org.plauder.transcript.TranscriptEmails;
import org.plauder.visitor.OnlineVisitors;
import org.plauder.routing.QueueCardKeeper;
import org.plauder.store.QueueCards;
import org.plauder.agent.ConnectedAgents;
import org.plauder.event.Watchers;

/** The parts a node is made of, built once at start-up (see {@link PlauderServer}) and handed to each verticle. */
public record Services(
    Config config,
    Clock clock,
    Database database,
    DomainEvents events,
    Sites sites,
    Agents agents,
    Visitors visitors,
    Conversations conversations,
    Messages messageStore,
    OnlineVisitors presence,
    OfferStore offerStore,
    Tokens tokens,
    Passwords passwords,
    MessageRules messageRules,
    ConversationAccess access,
    ConversationService messages,
    AssignmentPolicy policy,
    AssignmentRate assignmentRate,
    ChatRouter router,
    AgentDesk desk,
    AgentSettings agentSettings,
    OfferService offers,
    VisitorTracking tracking,
    TranscriptEmails transcriptEmails,
    Inboxes inboxes,
    CacheInvalidation.Caches caches,
    NodeMetrics metrics,
    KnowledgeBase knowledgeBase,
    ConnectedAgents connectedAgents,
    Watchers liveVisitorWatchers) {

  /** The listener that keeps each waiting chat's first words and page for the queue views. */
  public QueueCardKeeper queueCardKeeper() {
    return new QueueCardKeeper(new QueueCards(database), presence, router);
  }

  /** Whether transcripts can be e-mailed (an SMTP server is configured). */
  public boolean canEmailTranscripts() {
    return transcriptEmails.available();
  }
}
