package org.plauder.web;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.plauder.Services;
import org.plauder.abuse.RateLimiter;
import org.plauder.attachment.Attachments;
import org.plauder.attachment.FileLimits;
import org.plauder.attachment.FileNames;
import org.plauder.attachment.StoredFile;
import org.plauder.auth.Identity;
import org.plauder.auth.Origins;
import org.plauder.auth.TokenRejected;
import org.plauder.conversation.ChatLog;
import org.plauder.conversation.ChatMessage;
import org.plauder.conversation.Conversation;
import org.plauder.protocol.Failure;
import org.plauder.protocol.Json;
import org.plauder.store.Files;
import org.plauder.store.SiteFileLimits;

/**
 * Files in chats over HTTP: {@code POST /api/v1/files?conversationId=} takes the raw bytes with
 * the visitor's or agent's token in the Authorization header, and {@code GET /api/v1/files/{id}}
 * gives a file back, only to the conversation's visitor and the site's agents. Mounted before the
 * API's JSON body handler: the body streams from the connection into GridFS as the database takes
 * it ({@link UploadStream}) and is refused once it passes the site's limit; a download streams back
 * the same way ({@link ResponseSink}).
 */
final class FileApi {

  static final String CSP = "sandbox; default-src 'none'";
  private static final String ALLOWED_HEADERS = "Authorization, Content-Type, X-File-Name, X-Client-Msg-Id";

  private final Services services;
  private final Files files;
  private final SiteFileLimits limits;
  private final Attachments attachments;
  private final RateLimiter uploads;

  private FileApi(Services services) {
    this.services = services;
    this.files = new Files(services.database());
    this.limits = new SiteFileLimits(services.database());
    this.attachments = new Attachments(files, services.messages());
    // Ten files at once, then one every six seconds, per sender.
    this.uploads = new RateLimiter(10, 1.0 / 6, 100_000, services.clock());
  }

  /** The routes, before any handler that reads request bodies. */
  static void mount(Router router, Services services) {
    FileApi api = new FileApi(services);
    router.route(HttpMethod.OPTIONS, "/api/v1/files").handler(FileApi::preflight);
    router.route(HttpMethod.OPTIONS, "/api/v1/files/:fileId").handler(FileApi::preflight);
    router.post("/api/v1/files").handler(api::upload);
    router.get("/api/v1/files/:fileId").handler(api::download);
  }

  /** Tokens travel in a header, never as cookies, so any page may ask; the token then decides. */
  private static void preflight(RoutingContext ctx) {
    String origin = ctx.request().getHeader("Origin");
    ctx.response().putHeader("Access-Control-Allow-Origin", origin == null ? "*" : origin)
        .putHeader("Access-Control-Allow-Methods", "GET, POST")
        .putHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS)
        .putHeader("Access-Control-Max-Age", "600")
        .putHeader("Vary", "Origin")
        .setStatusCode(204).end();
  }

  private void upload(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    request.pause(); // nothing is read before the sender and the conversation are known
    Identity who;
    String clientMsgId;
    try {
      who = caller(ctx);
      if (!uploads.tryAcquire(who.kind() + ":" + who.id())) {
        throw new Failure(429, "rate_limited", "too many files, wait a moment");
      }
      String header = request.getHeader("X-Client-Msg-Id");
      clientMsgId = header == null ? "file-" + java.util.UUID.randomUUID() : services.messageRules().validClientMsgId(header);
    } catch (RuntimeException refused) {
      refuse(ctx, refused);
      return;
    }
    String conversationId = ctx.queryParams().get("conversationId");
    allowedOrigin(ctx, who).compose(v -> writable(who, conversationId))
        .compose(target -> limits.find(target.conversation().siteKey()).compose(limit -> announcedSize(request, limit))
            .compose(limit -> store(ctx, target, limit, clientMsgId)))
        .onComplete(appended -> Http.json(ctx, 201, Json.ack(appended).put("attachment", Json.attachment(appended.message().attachment()))),
            failure -> refuse(ctx, failure));
  }

  /** Streams the body into the store once its first bytes said what it is, then appends its message. */
  private Future<ChatLog.Appended> store(RoutingContext ctx, Target target, FileLimits limit, String clientMsgId) {
    UploadStream body = new UploadStream(ctx.request(), ctx.vertx().getOrCreateContext(), limit);
    return body.head()
        .compose(head -> attachments.send(target.conversation(), target.sender(), ctx.request().getHeader("X-File-Name"),
            clientMsgId, new Attachments.Upload(head, body, body::bytes), services.clock().instant()))
        // the stream's own refusal (too large) is the answer, not how the driver reported the aborted upload
        .recover(e -> Future.failedFuture(body.failure() != null ? body.failure() : e));
  }

  /** Who sends into which conversation: the visitor into its own open one, an agent into its own active chat. */
  private record Target(Conversation conversation, Attachments.Sender sender) {}

  private Future<Target> writable(Identity who, String conversationId) {
    if (!org.plauder.protocol.Inputs.isId(conversationId)) {
      return Future.failedFuture(Failure.notFound("conversation"));
    }
    if (who.kind() == Identity.Kind.VISITOR) {
      return services.access().openOfVisitor(who, conversationId).map(c ->
          new Target(c, new Attachments.Sender(ChatMessage.Sender.VISITOR, who.id(), c.visitorName())));
    }
    return AgentGate.requireEnabled(services.caches().agents(), who).compose(agent -> services.access().heldBy(who, conversationId)
        .map(c -> new Target(c, new Attachments.Sender(ChatMessage.Sender.AGENT, who.id(), agent.shownName()))));
  }

  /** A body whose announced length is over the limit is refused before a byte of it is read. */
  private static Future<FileLimits> announcedSize(HttpServerRequest request, FileLimits limit) {
    String announced = request.getHeader("Content-Length");
    if (announced != null && announced.matches("\\d{1,18}") && limit.tooLarge(Long.parseLong(announced))) {
      return Future.failedFuture(limit.tooLargeFailure());
    }
    return Future.succeededFuture(limit);
  }

  private void download(RoutingContext ctx) {
    Identity who = caller(ctx);
    allowedOrigin(ctx, who).compose(v -> files.find(ctx.pathParam("fileId"))).compose(file -> mayRead(who, file).map(file))
        .onSuccess(file -> {
          ctx.response().setStatusCode(200)
              .putHeader("Content-Length", String.valueOf(file.size()))
              .putHeader("Content-Type", file.type().mime())
              .putHeader("Content-Disposition", FileNames.contentDisposition(file.name(), file.type()))
              .putHeader("X-Content-Type-Options", "nosniff")
              .putHeader("Content-Security-Policy", CSP)
              .putHeader("Cache-Control", "private, no-store")
              .putHeader("Cross-Origin-Resource-Policy", "cross-origin")
              .putHeader("Access-Control-Expose-Headers", "Content-Disposition");
          files.content(file.id()).subscribe(new ResponseSink(ctx.response(), ctx.vertx().getOrCreateContext()));
        })
        .onFailure(failure -> refuse(ctx, failure));
  }

  /** The conversation's visitor, or an enabled agent of its site; anyone else hears "no such file". */
  private Future<Void> mayRead(Identity who, StoredFile file) {
    if (file == null || !file.siteKey().equals(who.siteKey())) {
      return Future.failedFuture(Failure.notFound("file"));
    }
    if (who.kind() == Identity.Kind.VISITOR) {
      return who.id().equals(file.visitorId()) ? Future.succeededFuture() : Future.failedFuture(Failure.notFound("file"));
    }
    return AgentGate.requireEnabled(services.caches().agents(), who).mapEmpty();
  }

  /** The visitor or agent of the bearer token, or a 401. */
  private Identity caller(RoutingContext ctx) {
    String origin = ctx.request().getHeader("Origin");
    if (origin != null) {
      ctx.response().putHeader("Access-Control-Allow-Origin", origin).putHeader("Vary", "Origin");
    }
    try {
      return services.tokens().verify(Http.bearerToken(ctx), Identity.Kind.VISITOR);
    } catch (TokenRejected notVisitor) {
      return Http.agent(ctx, services.tokens());
    }
  }

  /** A visitor's page (when the browser names it) must be one of its site's origins, as for minting its token. */
  private Future<Void> allowedOrigin(RoutingContext ctx, Identity who) {
    String origin = ctx.request().getHeader("Origin");
    if (who.kind() != Identity.Kind.VISITOR || origin == null) {
      return Future.succeededFuture();
    }
    return services.caches().sites().get(who.siteKey()).compose(site -> site != null && Origins.isAllowed(origin, site.allowedOrigins())
        ? Future.succeededFuture()
        : Future.failedFuture(new Failure(403, "origin_not_allowed", "this page's origin may not use site " + who.siteKey())));
  }

  /** An error in the contract's shape; a body not read to its end closes the connection after the answer. */
  static void refuse(RoutingContext ctx, Throwable failure) {
    if (!ctx.request().isEnded()) {
      ctx.response().putHeader("Connection", "close");
      ctx.request().handler(chunk -> { }).resume();
    }
    if (!ctx.response().ended()) {
      Http.error(ctx, Replies.toFailure(failure));
    }
  }
}
