package org.plauder.web;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.plauder.Services;
import org.plauder.auth.Identity;
import org.plauder.auth.TokenRejected;
import org.plauder.conversation.ChatMessage;
import org.plauder.conversation.Conversation;
import org.plauder.protocol.Failure;
import org.plauder.protocol.Json;
import org.plauder.protocol.Inputs;
import org.plauder.site.Site;
import org.plauder.transcript.ReadableTranscripts;
import org.plauder.transcript.Reader;
import org.plauder.transcript.TranscriptFormat;
import org.plauder.transcript.TranscriptSearch;
import org.plauder.transcript.Transcripts;
import org.plauder.transcript.VisitorErasure;

/**
 * Transcripts after the fact: one conversation exported, a site's messages exported in bulk
 * (streamed, paged through MongoDB, with backpressure), search and erasure (reports: {@link ReportApi}).
 */
final class TranscriptApi {

  private static final int SEARCH_LIMIT = 100;
  private static final String TRANSCRIPT_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";

  private final Services services;

  TranscriptApi(Services services) {
    this.services = services;
  }

  /** GET /api/v1/conversations/:id/transcript?format= — agents of the site, or the conversation's own visitor. */
  void export(RoutingContext ctx) {
    Identity caller = agentOrVisitor(ctx);
    TranscriptFormat format = ExportParams.formatOf(ctx, "json", List.of(TranscriptFormat.JSON, TranscriptFormat.CSV,
        TranscriptFormat.TXT, TranscriptFormat.HTML));
    String bom = ExportParams.byteOrderMark(ctx, format);
    String id = ctx.pathParam("id");
    if (!Inputs.isId(id)) {
      throw Failure.notFound("conversation");
    }
    services.conversations().find(id).compose(c -> {
      boolean allowed = c != null && c.siteKey().equals(caller.siteKey())
          && (caller.kind() == Identity.Kind.AGENT || c.visitorId().equals(caller.id()));
      return allowed ? services.caches().sites().get(c.siteKey()).compose(site -> rendered(ctx, caller, format, c, site))
          : Future.<Rendered>failedFuture(Failure.notFound("conversation"));
    }).onComplete(file -> {
      HttpServerResponse response = ctx.response()
          .putHeader("Content-Type", format.mediaType())
          .putHeader("Cache-Control", "no-store")
          .putHeader("X-Content-Type-Options", "nosniff");
      if (format == TranscriptFormat.HTML) {
        response.putHeader("Content-Security-Policy", TRANSCRIPT_CSP);
      } else {
        response.putHeader("Content-Disposition", "attachment; filename=\"" + file.name() + "\"");
      }
      response.end(bom + file.text());
    }, ctx::fail);
  }

  /** A transcript's text and the name it is saved under. */
  private record Rendered(String text, String name) {}

  /** In the reader's language and the site's time zone; agents' JSON also carries how the chat was routed and its whispers. */
  private Future<Rendered> rendered(RoutingContext ctx, Identity caller, TranscriptFormat format, Conversation c, Site site) {
    Reader reader = ExportParams.reader(ctx, site);
    String name = ReadableTranscripts.fileName(c, c.siteKey(), reader, format.extension());
    if (format == TranscriptFormat.JSON && caller.kind() == Identity.Kind.AGENT) {
      return Future.all(services.messages().allMessages(c), services.conversations().routing().of(c.id()),
          services.conversations().whispers().of(c.id()))
          .map(all -> new Rendered(Transcripts.forAgents(c, all.resultAt(0), all.resultAt(1), all.resultAt(2)), name));
    }
    return Future.all(services.messages().allMessages(c), services.conversations().wrapUps().of(c.id())).map(both -> new Rendered(
        Transcripts.render(format, c, both.<org.plauder.conversation.WrapUp>resultAt(1).ratingComment(), both.resultAt(0), reader), name));
  }

  /** GET /api/v1/conversations/:id — an agent of the site: the conversation, how it was routed, its whispers. */
  void show(RoutingContext ctx) {
    Identity agent = Http.agent(ctx, services.tokens());
    String id = ctx.pathParam("id");
    if (!Inputs.isId(id)) {
      throw Failure.notFound("conversation");
    }
    services.conversations().find(id).compose(c -> c == null || !c.siteKey().equals(agent.siteKey())
            ? Future.<JsonObject>failedFuture(Failure.notFound("conversation"))
            : Future.all(services.conversations().routing().of(id), services.conversations().whispers().of(id)).map(both -> new JsonObject()
                .put("conversation", Json.conversation(c)).put("routing", Json.routing(both.resultAt(0))).put("whispers", Json.whispers(both.resultAt(1)))))
        .onComplete(body -> Http.json(ctx, 200, body), ctx::fail);
  }

  /**
   * GET /api/v1/exports/messages?from=&to=&format=ndjson|csv — an admin's bulk export of the
   * messages of the site's conversations created in [from, to). Streamed a page at a time; what
   * is read next waits until the client has taken what was written ({@link BulkExport}).
   */
  void bulk(RoutingContext ctx) {
    Identity admin = Http.admin(ctx, services.tokens());
    TranscriptFormat format = ExportParams.formatOf(ctx, "ndjson", List.of(TranscriptFormat.NDJSON, TranscriptFormat.CSV));
    String bom = ExportParams.byteOrderMark(ctx, format);
    Instant from = instantParam(ctx, "from", true);
    Instant to = instantParam(ctx, "to", true);
    HttpServerResponse response = ctx.response()
        .setChunked(true)
        .putHeader("Content-Type", format.mediaType())
        .putHeader("Cache-Control", "no-store")
        .putHeader("Content-Disposition", "attachment; filename=\"messages-" + admin.siteKey() + "." + format.extension() + "\"");
    Future<Void> header = format == TranscriptFormat.CSV ? BulkExport.write(response, Buffer.buffer(bom + Transcripts.csvHeader())) : Future.succeededFuture();
    header.compose(v -> new BulkExport(services, response, format).conversations(admin.siteKey(), from, to))
        .onComplete(done -> response.end(), error -> {
          if (!response.headWritten()) {
            ctx.fail(error);
          } else {
            // Mid-stream the status is sent already; cutting the connection tells the client it is incomplete.
            response.reset();
          }
        });
  }

  /** GET /api/v1/messages?q=&agentId=&from=&to= — search the site's messages, newest first. */
  void search(RoutingContext ctx) {
    Identity agent = Http.agent(ctx, services.tokens());
    String q = ctx.request().getParam("q");
    if (q != null && (q.isBlank() || q.length() > 200)) {
      throw Failure.badInput("q must be 1 to 200 characters");
    }
    String agentId = ctx.request().getParam("agentId");
    if (agentId != null && !Inputs.isId(agentId)) {
      throw Failure.badInput("agentId must be an id");
    }
    Instant from = instantParam(ctx, "from", false);
    Instant to = instantParam(ctx, "to", false);
    new TranscriptSearch(services.conversations(), services.messageStore())
        .search(agent.siteKey(), q == null ? null : q.strip(), agentId, from, to, SEARCH_LIMIT)
        .compose(this::withConversations)
        .onComplete(results -> Http.json(ctx, 200, new JsonObject().put("results", results)), ctx::fail);
  }

  private Future<JsonArray> withConversations(List<ChatMessage> messages) {
    Map<String, Future<Conversation>> byId = new LinkedHashMap<>();
    messages.forEach(m -> byId.computeIfAbsent(m.conversationId(), id -> services.conversations().find(id)));
    return Future.all(new ArrayList<>(byId.values())).map(v -> {
      JsonArray results = new JsonArray();
      for (ChatMessage m : messages) {
        Conversation c = byId.get(m.conversationId()).result();
        results.add(new JsonObject().put("message", Json.message(m)).put("conversation", Json.conversation(c)));
      }
      return results;
    });
  }

  /** DELETE /api/v1/visitors/:id — an admin erases one visitor of the site and all its conversations. */
  void erase(RoutingContext ctx) {
    Identity admin = Http.admin(ctx, services.tokens());
    String visitorId = ctx.pathParam("id");
    if (!Inputs.isId(visitorId)) {
      throw Failure.notFound("visitor");
    }
    new VisitorErasure(services).erase(admin.siteKey(), visitorId)
        .onComplete(result -> Http.json(ctx, 200, result), ctx::fail);
  }

  private Identity agentOrVisitor(RoutingContext ctx) {
    try {
      return Http.agent(ctx, services.tokens());
    } catch (Failure notAnAgent) {
      try {
        return services.tokens().verify(Http.bearerToken(ctx), Identity.Kind.VISITOR);
      } catch (TokenRejected e) {
        throw notAnAgent;
      }
    }
  }

  /** An ISO 8601 instant ({@code 2026-11-23T10:00:00Z}) or a date ({@code 2026-11-23}, midnight UTC). */
  static Instant instantParam(RoutingContext ctx, String name, boolean required) {
    String value = ctx.request().getParam(name);
    if (value == null || value.isBlank()) {
      if (required) {
        throw Failure.badInput(name + " is required (ISO 8601 date or instant)");
      }
      return null;
    }
    try {
      return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw Failure.badInput(name + " must be an ISO 8601 date or instant");
    }
  }
}
