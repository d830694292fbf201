package org.plauder;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.plauder.agent.ConnectedAgents;
import org.plauder.auth.Passwords;
import org.plauder.bot.BotSearch;
import org.plauder.bot.FaqBot;
import org.plauder.bot.FirstAnswer;
import org.plauder.auth.SigningKeyFile;
import org.plauder.auth.Tokens;
import org.plauder.config.Config;
import org.plauder.conversation.ConversationAccess;
import org.plauder.conversation.ConversationService;
import org.plauder.conversation.MessageRules;
import org.plauder.event.CacheInvalidation;
import org.plauder.event.CachedReads;
import org.plauder.event.DomainEvents;
import org.plauder.help.ArticleIndex;
import org.plauder.help.KnowledgeBase;
import org.plauder.help.Offload;
import org.plauder.mail.MailIntake;
import org.plauder.mail.MailThreading;
import org.plauder.mail.MailVerticle;
import org.plauder.metrics.MetricsVerticle;
import org.plauder.metrics.NodeMetrics;
import org.plauder.offer.OfferService;
import org.plauder.presence.AgentPresence;
import org.plauder.presence.LostConnectionLines;
import org.plauder.presence.PresenceVerticle;
import org.plauder.presence.VisitorTracking;
import org.plauder.protocol.Inboxes;
import org.plauder.routing.AgentDesk;
import org.plauder.routing.AgentSettings;
import org.plauder.routing.AssignmentPolicy;
import org.plauder.routing.AssignmentRate;
import org.plauder.routing.Scheduler;
import org.plauder.event.Watchers;
import org.plauder.supervision.Supervision;
import org.plauder.supervision.WhisperService;
import org.plauder.routing.ChatRouter;
import org.plauder.routing.HoldingRoom;
import org.plauder.routing.LastAgentRule;
import org.plauder.routing.NoReplyWatch;
import org.plauder.routing.RoutingAudit;
import org.plauder.routing.SlotAudit;
import org.plauder.site.FirstStart;
import org.plauder.store.AgentAccounts;
import org.plauder.store.Agents;
import org.plauder.store.Articles;
import org.plauder.store.BotAnswers;
import org.plauder.store.Conversations;
import org.plauder.store.Database;
import org.plauder.store.EmailConversations;
import org.plauder.store.LastSeqs;
import org.plauder.store.MailThreads;
import org.plauder.store.Mailboxes;
import org.plauder.store.EmbeddedMongo;
import org.plauder.store.HeldChats;
import org.plauder.store.Messages;
import org.plauder.store.OfferStore;
import org.plauder.store.SearchGaps;
import org.plauder.store.Secrets;
import org.plauder.store.SiteBots;
import org.plauder.store.Sites;
import org.plauder.store.Visitors;
import org.plauder.transcript.RetentionJob;
import org.plauder.transcript.TranscriptEmails;
import org.plauder.visitor.OnlineVisitors;
import org.plauder.transcript.TranscriptMailer;
import org.plauder.web.ActionVerticle;
import org.plauder.web.SupervisorPushes;
import org.plauder.web.HttpVerticle;
import org.plauder.web.InboxPushes;
import org.plauder.web.Stopping;

/**
 * One Plauder node: starts the embedded database when no MongoDB is configured, prepares the
 * store, and deploys the verticles. Used by {@link Main} and by the tests alike.
 */
public final class PlauderServer {

  private final Vertx vertx;
  private final EmbeddedMongo embedded;
  private final Database database;
  private final HttpVerticle http;
  private final Services services;
  private final Stopping stopping;
  private final List<String> deployments;
  private Future<Void> stopped;

  private PlauderServer(Vertx vertx, EmbeddedMongo embedded, Database database, HttpVerticle http, Services services,
      Stopping stopping, List<String> deployments) {
    this.vertx = vertx;
    this.embedded = embedded;
    this.database = database;
    this.http = http;
    this.services = services;
    this.stopping = stopping;
    this.deployments = deployments;
  }

  public static Future<PlauderServer> start(Vertx vertx, Config config) {
    return start(vertx, config, Clock.systemUTC());
  }

  public static Future<PlauderServer> start(Vertx vertx, Config config, Clock clock) {
    return start(vertx, config, clock, NodeMetrics.off());
  }

  /** With {@code metrics} on, the node measures itself (its Vert.x should come from {@link NodeMetrics#vertxBuilder}). */
  public static Future<PlauderServer> start(Vertx vertx, Config config, Clock clock, NodeMetrics metrics) {
    return vertx.executeBlocking(() -> config.usesEmbeddedDatabase() ? EmbeddedMongo.start(config.dataDir()) : null)
        .compose(embedded -> {
          String uri = embedded != null ? embedded.connectionString() : config.mongoUri();
          // The driver's first client loads many classes: not on an event loop.
          return vertx.executeBlocking(() -> new Database(uri, config.databaseName(), config.mongoWriteConcern(), metrics.registry()))
              .compose(db -> startOn(vertx, config, clock, embedded, db, metrics));
        });
  }

  private static Future<PlauderServer> startOn(Vertx vertx, Config config, Clock clock, EmbeddedMongo embedded, Database db,
      NodeMetrics metrics) {
    return db.ensureIndexes()
        .compose(v -> config.jwtSecret() != null
            ? Future.succeededFuture(config.jwtSecret())
            : signingKey(vertx, new SigningKeyFile(config.dataDir()), new Secrets(db)))
        .compose(secret -> vertx.executeBlocking(() -> assemble(vertx, config, clock, db, secret, metrics)))
        .compose(services -> services.conversations().rebuildRoutingEntries().map(services))
        .compose(services -> FirstStart.ensureDemo(vertx, config, services.sites(), services.agents(), services.passwords())
            .compose(v -> services.knowledgeBase().ensureFirstArticles(FirstStart.DEMO_SITE))
            .map(v -> services))
        .compose(services -> {
          Stopping stopping = new Stopping();
          HttpVerticle http = new HttpVerticle(services, stopping);
          PresenceVerticle presence = new PresenceVerticle(presenceParts(services));
          List<String> ids = new CopyOnWriteArrayList<>();
          Supervision supervision = new Supervision(new Watchers(vertx.eventBus(), services.clock(), org.plauder.protocol.Addresses.INTERNAL_MONITOR_WATCHES),
              new WhisperService(services.conversations().whispers(), services.events(), services.clock()));
          // Listeners first, so that no event of the first request goes unheard.
          return services.assignmentRate().listen(services.events())
              .compose(v -> services.knowledgeBase().listenAndBuildIndex(services.events()))
              .compose(v -> faqBot(services).listen(services.events()))
              .compose(v -> firstAnswer(services).listen(services.events()))
              .compose(v -> services.queueCardKeeper().listen(services.events()))
              .compose(v -> new LostConnectionLines(services.messages(), services.conversations(), services.caches().sites(),
                  services.presence()).listen(services.events()))
              .compose(v -> org.plauder.presence.LeftAloneLines.of(services).listen(services.events()))
              .compose(v -> vertx.deployVerticle(new CacheInvalidation(services.events(), services.caches())).onSuccess(ids::add))
              .compose(id -> vertx.deployVerticle(new InboxPushes(services.events(), services.inboxes(), services.agents(), services.caches().agents())).onSuccess(ids::add))
              .compose(id -> deployMetrics(vertx, services, presence).onSuccess(ids::add))
              .compose(id -> vertx.deployVerticle(new RoutingAudit(services.events(), services.conversations().routing(), services.visitors(), services.clock())).onSuccess(ids::add))
              .compose(id -> vertx.deployVerticle(new NoReplyWatch(services.events(), services.router(), services.caches().sites(), services.clock())).onSuccess(ids::add))
              .compose(id -> vertx.deployVerticle(new MailVerticle(mailParts(services))).onSuccess(ids::add))
              .compose(id -> vertx.deployVerticle(new SupervisorPushes(services.events(), services.inboxes(), supervision.monitoring())).onSuccess(ids::add))
              .compose(id -> vertx.deployVerticle(new org.plauder.web.StatusPushes(services)).onSuccess(ids::add))
              .compose(id -> vertx.deployVerticle(new org.plauder.web.WrapUpPushes(services)).onSuccess(ids::add))
              .compose(id -> vertx.deployVerticle(new ActionVerticle(services, stopping, supervision)).onSuccess(ids::add))
              .compose(id -> vertx.deployVerticle(new RetentionJob(services)).onSuccess(ids::add))
              .compose(id -> vertx.deployVerticle(new SlotAudit(services.agents(), services.conversations(), services.router(), services.policy(),
                  Duration.ofSeconds(services.config().slotAuditSeconds()))).onSuccess(ids::add))
              .compose(id -> vertx.deployVerticle(presence).onSuccess(ids::add))
              .compose(id -> vertx.deployVerticle(new AgentPresence(services.connectedAgents(), services.agents(), services.router(),
                  services.caches().sites(), services.clock())).onSuccess(ids::add))
              .compose(id -> vertx.deployVerticle(http).onSuccess(ids::add))
              .map(id -> new PlauderServer(vertx, embedded, db, http, services, stopping, ids));
        })
        .onFailure(e -> {
          db.close();
          if (embedded != null) {
            embedded.close();
          }
        });
  }

  /**
   * The key file in the data directory; on the first start after an upgrade, the key an earlier
   * version kept in the database moves into it (so issued tokens stay valid) and out of the database.
   */
  private static Future<String> signingKey(Vertx vertx, SigningKeyFile file, Secrets stored) {
    return vertx.executeBlocking(file::read).compose(existing -> existing.isPresent()
        ? Future.succeededFuture(existing.get())
        : stored.find("jwt")
            .compose(old -> vertx.executeBlocking(() -> file.write(old != null ? old : SigningKeyFile.freshKey())))
            .compose(key -> stored.remove("jwt").map(key)));
  }

  /** Builds the node's parts, bottom up: store, events, core services. */
  private static Services assemble(Vertx vertx, Config config, Clock clock, Database db, String secret, NodeMetrics metrics) {
    DomainEvents events = new DomainEvents(vertx.eventBus());
    Agents agents = new Agents(db);
    Conversations conversations = new Conversations(db);
    Visitors visitors = new Visitors(db);
    Sites sites = new Sites(db);
    Messages messageStore = new Messages(db);
    OnlineVisitors presence = new OnlineVisitors(vertx);
    OfferStore offerStore = new OfferStore(db);
    CacheInvalidation.Caches caches = caches(sites, offerStore, agents, conversations);
    ConversationService messages = new ConversationService(caches.sites(), conversations, caches.conversations(), messageStore,
        new LastSeqs(vertx, db), events, clock);
    ConnectedAgents connectedAgents = new ConnectedAgents(vertx, clock);
    AssignmentPolicy policy = AssignmentPolicy.lowestLoad().onlyConnected(connectedAgents).withSiteSettings(caches.sites()::get);
    AssignmentRate assignmentRate = new AssignmentRate();
    Scheduler timers = (millis, task) -> vertx.setTimer(millis, id -> task.run());
    KnowledgeBase knowledgeBase = new KnowledgeBase(new Articles(db), new SearchGaps(db), new ArticleIndex(), events, Offload.onWorkers(vertx), clock);
    HoldingRoom holding = new HoldingRoom(new BotSearch(new SiteBots(db)::find, caches.sites(), knowledgeBase),
        new HeldChats(db, conversations), conversations, visitors, messages, events);
    ChatRouter router = new ChatRouter(agents, conversations, visitors, messages, new LastAgentRule(caches.sites(), visitors), policy,
        assignmentRate, timers, events, clock, holding);
    OfferService offers = new OfferService(presence, visitors, offerStore, agents, conversations, router, events, clock);
    TranscriptMailer mailer = config.smtp() == null ? null : new TranscriptMailer(vertx, config.smtp());
    return new Services(config, clock, db, events, sites, agents, visitors, conversations, messageStore, presence, offerStore,
        new Tokens(secret, clock), new Passwords(config.bcryptCost()), new MessageRules(config.maxMessageLength()),
        new ConversationAccess(conversations, caches.conversations()), messages, policy, assignmentRate, router, new AgentDesk(agents, conversations),
        new AgentSettings(agents, new AgentAccounts(db), router, events), offers,
        new VisitorTracking(visitors, presence, events, clock),
        new TranscriptEmails(mailer, conversations, messages, sites, new org.plauder.store.SiteSenders(db), clock), new Inboxes(vertx.eventBus()), caches, metrics,
        knowledgeBase, connectedAgents, new Watchers(vertx.eventBus(), clock, org.plauder.protocol.Addresses.INTERNAL_LIVE_VISITOR_WATCHES));
  }

  /** What a node keeps in memory of what it reads on every request; sized for a busy site, forgotten on change. */
  private static CacheInvalidation.Caches caches(Sites sites, OfferStore offerStore, Agents agents, Conversations conversations) {
    Duration idle = Duration.ofMinutes(30);
    return new CacheInvalidation.Caches(
        new CachedReads<>(10_000, idle, sites::find),
        new CachedReads<>(10_000, idle, offerStore::settings),
        new CachedReads<>(10_000, idle, agents::find),
        new CachedReads<>(100_000, idle, conversations::find));
  }

  /** The FAQ bot answers queued visitors from the help articles, when the site switched it on. */
  private static FaqBot faqBot(Services s) {
    return new FaqBot(new SiteBots(s.database())::find, s.caches().sites(), s.caches().conversations(), s.knowledgeBase(),
        s.messages(), s.config().publicUrl());
  }

  /** The FAQ bot in mode "first": answers a held chat's first message before any agent. */
  private static FirstAnswer firstAnswer(Services s) {
    return new FirstAnswer(new BotSearch(new SiteBots(s.database())::find, s.caches().sites(), s.knowledgeBase()), s.router(),
        s.caches().conversations(), s.conversations(), s.messages(), new BotAnswers(s.database()), s.clock(), s.config().publicUrl());
  }

  /** Plauder's own meters, fed by events: only when metrics are on, so that off costs nothing. */
  private static Future<String> deployMetrics(Vertx vertx, Services s, PresenceVerticle presence) {
    return s.metrics().enabled()
        ? vertx.deployVerticle(new MetricsVerticle(s.metrics(), s.events(), s.agents(), s.connectedAgents(), presence::visitorsHeld, s.clock()))
        : Future.succeededFuture("");
  }

  /** The e-mail channel: mailboxes watched, mail taken in as conversations of channel email, answers sent. */
  private static MailVerticle.Parts mailParts(Services s) {
    MailThreads threads = new MailThreads(s.database());
    MailIntake intake = new MailIntake(new MailIntake.Parts(threads, new EmailConversations(s.database(), s.conversations()),
        s.conversations(), s.visitors(), s.messages(), s.router(), s.events(), new MailThreading(), s.clock(),
        s.config().maxMessageLength(), new org.plauder.attachment.Attachments(new org.plauder.store.Files(s.database()), s.messages()), new org.plauder.store.SiteFileLimits(s.database())));
    return new MailVerticle.Parts(s.events(), new Mailboxes(s.database()), threads, intake, s.caches().sites(),
        s.caches().conversations(), s.messages(), 30, new org.plauder.store.Files(s.database()));
  }

  private static PresenceVerticle.Parts presenceParts(Services s) {
    return new PresenceVerticle.Parts(s.presence(), s.visitors(), s.conversations(), s.agents(), s.caches().offerSettings(), s.offers(),
        s.policy(), s.events(), s.inboxes(), s.clock(), s.config().presenceGraceSeconds(), s.liveVisitorWatchers());
  }

  public int port() {
    return http.actualPort();
  }

  public Services services() {
    return services;
  }

  /** What the edges consult while the node stops (tests begin a stop with it and look at the edges). */
  Stopping stopping() {
    return stopping;
  }

  /** Stops gracefully within the configured bound ({@code PLAUDER_SHUTDOWN_SECONDS}); see {@link NodeStop}. */
  public synchronized Future<Void> stop() {
    if (stopped == null) {
      stopped = new NodeStop(vertx, stopping, http, deployments, this::closeDatabase, services.config().shutdownSeconds()).run();
    }
    return stopped;
  }

  /** Closing waits for the database's last commit and its file: not on an event loop. */
  private Future<Void> closeDatabase() {
    return services.messages().writeLastSeqs().recover(e -> Future.succeededFuture()).compose(v -> vertx.executeBlocking(() -> {
      database.close();
      if (embedded != null) {
        embedded.close();
      }
      return null;
    }));
  }
}
