package org.plauder.web;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.ext.web.handler.sockjs.SockJSHandler;
import io.vertx.ext.web.handler.sockjs.SockJSHandlerOptions;
import org.plauder.Services;
import org.plauder.event.DomainEvent.AgentStatusChanged;
import org.plauder.protocol.Failure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP face of a node: REST under /api/v1, the SockJS bridge at /eventbus, health, metrics and static pages. */
public final class HttpVerticle extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(HttpVerticle.class);

  private static final String DASHBOARD_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' data: blob:; connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

  /** How long no frame may have come in before a stopping node closes its sockets. */
  private static final long QUIET_MILLIS = 200;

  private final Services services;
  private final Stopping stopping;
  private HttpServer server;
  private Bridge bridge;
  private ClientFaults clientFaults;

  public HttpVerticle(Services services, Stopping stopping) {
    this.services = services;
    this.stopping = stopping;
  }

  @Override
  public Future<?> start() {
    clientFaults = new ClientFaults(services.clock());
    Router router = Router.router(vertx);
    router.route().handler(this::admit);
    router.get("/health").handler(new Health(vertx, services.database())::answer);
    if (services.metrics().enabled()) {
      router.get("/metrics").handler(new MetricsEndpoint(services.metrics())::scrape);
    }
    mountBridge(router);
    mountApi(router);
    mountPages(router);

    int maxFrame = services.config().maxFrameBytes();
    HttpServerOptions options = new HttpServerOptions()
        .setHost(services.config().host())
        .setPort(services.config().port())
        .setCompressionSupported(true)
        // Connections with no traffic at all for two minutes are dead; live sockets ping every 25 s (agents 5 s).
        .setIdleTimeout(120)
        // Measured: permessage-deflate costs ~80 KB per idle widget socket and halves the connect rate.
        .setPerMessageWebSocketCompressionSupported(false)
        .setPerFrameWebSocketCompressionSupported(false)
        .setMaxWebSocketFrameSize(maxFrame)
        .setMaxWebSocketMessageSize(maxFrame)
        // Every write happens on this verticle's event loop (replies and pushes come back on its
        // context), so a connection needs no queue for writes from other threads: 4.8 KB less
        // per idle widget socket, measured. A write from another thread fails loudly instead.
        .setStrictThreadMode(true);
    return vertx.createHttpServer(options).requestHandler(router).listen().onSuccess(s -> server = s);
  }

  /** The port actually bound (differs from the configured one when that was 0). */
  public int actualPort() {
    return server.actualPort();
  }

  /**
   * Closes every bridge socket of this node with "going away" (clients reconnect, through the
   * balancer to another node), then the listening socket and every remaining connection.
   * Returns how many bridge sockets were open.
   */
  public Future<Integer> closeSocketsAndStopListening(long deadlineNanos) {
    Promise<Integer> closed = Promise.promise();
    context.runOnContext(v -> closeWhenAnswered(closed, deadlineNanos));
    // A moment for the close frames to leave before the connections themselves end.
    return closed.future().compose(count -> server.shutdown(java.time.Duration.ofMillis(500)).map(count));
  }

  /**
   * Replies travel from the actions to this loop as tasks; once every frame the bridge passed on
   * has been answered (and none came for a moment), one more task on this loop comes after all of
   * them and closes the sockets.
   */
  private void closeWhenAnswered(Promise<Integer> closed, long deadlineNanos) {
    if (stopping.everyForwardedFrameAnswered(QUIET_MILLIS) || System.nanoTime() > deadlineNanos) {
      context.runOnContext(v -> closed.complete(bridge.closeAllSockets()));
    } else {
      vertx.setTimer(10, t -> closeWhenAnswered(closed, deadlineNanos));
    }
  }

  /**
   * Every HTTP request is admitted by {@link Stopping}; once the node stops, new ones get
   * {@code 503 shutting_down} (health too, so a balancer sends no more) and the connection ends.
   * The bridge's own requests pass: its open sockets still carry replies, and it refuses new ones.
   */
  private void admit(RoutingContext ctx) {
    if (ctx.request().path().startsWith("/eventbus/")) {
      ctx.next();
      return;
    }
    io.vertx.core.Context requestContext = vertx.getOrCreateContext();
    Stopping.Ticket ticket = stopping.admit(() -> requestContext.runOnContext(v -> {
      if (!ctx.response().headWritten()) {
        ctx.response().putHeader("Connection", "close");
        Http.error(ctx, Stopping.shuttingDown());
      } else if (!ctx.response().ended()) {
        ctx.response().reset(); // a stream under way cannot change its status: it ends unfinished
      }
    }));
    if (ticket == null) {
      ctx.response().putHeader("Connection", "close");
      Http.error(ctx, Stopping.shuttingDown());
      return;
    }
    ctx.addEndHandler(ended -> ticket.finish());
    ctx.next();
  }

  private void mountBridge(Router router) {
    SockJSHandlerOptions options = new SockJSHandlerOptions()
        .setInsertJSESSIONID(false)
        .setRegisterWriteHandler(false)
        .setHeartbeatInterval(25_000);
    AgentSockets agentSockets = new AgentSockets(services.connectedAgents(), vertx.eventBus());
    Bridge gate = new Bridge(services.tokens(), vertx.eventBus(), services.caches().sites(), services.config().publicUrl(),
        clientFaults, services.config().trustedProxies(), stopping, agentSockets);
    bridge = gate;
    vertx.setPeriodic(AgentSockets.PING_CHECK_MS, id -> agentSockets.closeSilent(System.nanoTime()));
    // A disabled agent is cut off on every node at once, whichever node disabled it.
    services.events().onEveryNode(AgentStatusChanged.class, e -> {
      if (e.disabled()) {
        agentSockets.closeAll(e.agentId());
      }
    });
    Router bridge = SockJSHandler.create(vertx, options).bridge(Bridge.options(), gate);
    // The XHR transports read their frames through a BodyHandler; without a limit they would accept 10 MB.
    router.route("/eventbus/*").handler(BodyHandler.create(false).setBodyLimit(services.config().maxFrameBytes()));
    router.route("/eventbus/*").subRouter(bridge);
    router.route("/eventbus/*").failureHandler(this::onBridgeFailure);
  }

  /**
   * A refused XHR frame (over the size limit: 413) is the client's doing and gets one quiet line a
   * minute per SockJS session; anything else failing here is the server's, logged with its trace.
   */
  private void onBridgeFailure(RoutingContext ctx) {
    int status = ctx.statusCode() == -1 ? 500 : ctx.statusCode();
    String path = ctx.request().path();
    if (status >= 500) {
      log.error("the bridge failed on {}", path, ctx.failure());
    } else {
      // /eventbus/<server>/<session>/<transport>: one SockJS session is one connection.
      String[] parts = path.split("/");
      String client = ctx.request().remoteAddress() == null ? "?" : ctx.request().remoteAddress().hostAddress();
      String key = parts.length >= 5 ? "sockjs:" + parts[3] : "address:" + client;
      clientFaults.report(key, client + " (" + key + ")", "was refused with " + status + " on " + path);
    }
    if (!ctx.response().ended() && !ctx.response().closed()) {
      ctx.response().setStatusCode(status).end();
    }
  }

  private void mountApi(Router router) {
    VisitorApi visitors = new VisitorApi(services);
    AgentApi agents = new AgentApi(services);
    TranscriptApi transcripts = new TranscriptApi(services);
    SiteApi site = new SiteApi(services);
    AgentAdminApi agentAdmin = new AgentAdminApi(services);
    CannedResponseApi canned = new CannedResponseApi(services);
    OfferRulesApi offerRules = new OfferRulesApi(services);
    ArticleApi articles = new ArticleApi(services);
    ArticleSearchApi articleSearch = new ArticleSearchApi(services, visitors);
    BotApi bot = new BotApi(services);
    FileApi.mount(router, services); // reads its own bodies, up to the site's file limit
    AgentProfileApi profile = AgentProfileApi.mountPictures(router, services); // so do agents' pictures
    router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(64 * 1024));
    router.route("/api/*").handler(this::refuseDisabledAgents);
    router.route(HttpMethod.OPTIONS, "/api/v1/sites/:siteKey/visitors").handler(visitors::preflight);
    router.post("/api/v1/sites/:siteKey/visitors").handler(visitors::createOrResume);
    router.get("/api/v1/sites/:siteKey/articles").handler(articleSearch::search);
    router.get("/api/v1/sites/:siteKey/articles/:articleId").handler(articleSearch::read);
    router.post("/api/v1/agents/login").handler(agents::login);
    router.post("/api/v1/agents").handler(agents::create);
    router.get("/api/v1/agents").handler(agents::list);
    router.get("/api/v1/conversations").handler(agents::conversations);
    router.get("/api/v1/conversations/:id/transcript").handler(transcripts::export);
    router.get("/api/v1/conversations/:id").handler(transcripts::show);
    router.get("/api/v1/exports/messages").handler(transcripts::bulk);
    router.get("/api/v1/messages").handler(transcripts::search);
    ReportApi.mount(router, services);
    router.get("/api/v1/visitors/:id").handler(agents::visitor);
    router.delete("/api/v1/visitors/:id").handler(transcripts::erase);
    router.get("/api/v1/site").handler(site::get);
    IdentitySecretApi identitySecret = new IdentitySecretApi(services);
    router.get("/api/v1/site/identity-secret").handler(identitySecret::get);
    router.post("/api/v1/site/identity-secret").handler(identitySecret::rotate);
    router.patch("/api/v1/site").handler(site::update);
    router.patch("/api/v1/agents/:agentId").handler(agentAdmin::update);
    router.get("/api/v1/offer-rules").handler(offerRules::get);
    router.put("/api/v1/offer-rules").handler(offerRules::replace);
    router.get("/api/v1/canned-responses").handler(canned::list);
    router.post("/api/v1/canned-responses").handler(canned::create);
    router.delete("/api/v1/canned-responses/:responseId").handler(canned::delete);
    router.get("/api/v1/articles").handler(articles::list);
    router.get("/api/v1/unanswered-questions").handler(articles::unanswered);
    router.post("/api/v1/articles").handler(articles::create);
    router.post("/api/v1/articles/preview").handler(articles::preview);
    router.get("/api/v1/articles/:articleId").handler(articles::get);
    router.put("/api/v1/articles/:articleId").handler(articles::replace);
    router.delete("/api/v1/articles/:articleId").handler(articles::delete);
    router.get("/api/v1/bot").handler(bot::get);
    router.put("/api/v1/bot").handler(bot::replace);
    MailApi mail = new MailApi(services);
    router.get("/api/v1/mailbox").handler(mail::get);
    router.put("/api/v1/mailbox").handler(mail::replace);
    router.post("/api/v1/conversations/:id/email-answer").handler(mail::answer);
    router.get("/api/v1/conversations/:id/mails").handler(mail::originals);
    FileSettingsApi.mount(router, services);
    WrapUpApi.mount(router, services);
    TranscriptSenderApi.mount(router, services);
    router.put("/api/v1/profile").handler(profile::update);
    router.route("/api/*").handler(ctx -> ctx.fail(new Failure(404, "not_found", "no such API route")));
    router.route("/api/*").failureHandler(Http::onFailure);
  }

  /**
   * A disabled agent's token stays valid until it expires, and its claims must be the account's,
   * so every REST call with an agent token checks the account first (handlers then trust the
   * claims). Requests without one go on to their handler, which decides.
   */
  private void refuseDisabledAgents(RoutingContext ctx) {
    org.plauder.auth.Identity claimed;
    try {
      claimed = services.tokens().verify(Http.bearerToken(ctx), org.plauder.auth.Identity.Kind.AGENT);
    } catch (org.plauder.auth.TokenRejected noAgentToken) {
      ctx.next();
      return;
    }
    AgentGate.requireEnabled(services.caches().agents(), claimed).onComplete(agent -> ctx.next(), ctx::fail);
  }

  private void mountPages(Router router) {
    router.get("/").handler(ctx -> redirect(ctx, "/demo/"));
    // Vert.x Web matches "/demo" for "/demo/" too; redirect only the bare form, or "/demo/" loops.
    router.get("/demo").handler(ctx -> redirectBare(ctx, "/demo"));
    router.get("/dashboard").handler(ctx -> redirectBare(ctx, "/dashboard"));
    router.route("/dashboard/*").handler(ctx -> {
      ctx.response().putHeader("Content-Security-Policy", DASHBOARD_CSP)
          .putHeader("X-Content-Type-Options", "nosniff")
          .putHeader("Referrer-Policy", "no-referrer");
      ctx.next();
    });
    HelpCentrePages help = new HelpCentrePages(services);
    router.get("/help/:siteKey").handler(help::bare);
    router.get("/help/:siteKey/").handler(help::contents);
    router.get("/help/:siteKey/:articleId").handler(help::article);
    router.get("/widget.js").handler(ctx -> {
      ctx.response().putHeader("Access-Control-Allow-Origin", "*");
      ctx.next();
    });
    router.route("/*").handler(StaticHandler.create("webroot")
        .setCachingEnabled(true)
        .setMaxAgeSeconds(300)
        .setIndexPage("index.html"));
  }

  private static void redirectBare(RoutingContext ctx, String path) {
    if (ctx.request().path().equals(path)) {
      redirect(ctx, path + "/");
    } else {
      ctx.next();
    }
  }

  private static void redirect(RoutingContext ctx, String location) {
    ctx.response().setStatusCode(302).putHeader("Location", location).end();
  }
}
