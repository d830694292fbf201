package org.plauder.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.plauder.Services;
import org.plauder.agent.Agent;
import org.plauder.auth.Identity;
import org.plauder.conversation.Conversation;
import org.plauder.conversation.Note;
import org.plauder.conversation.Tags;
import org.plauder.conversation.WrapUp;
import org.plauder.protocol.Failure;
import org.plauder.protocol.Inputs;
import org.plauder.protocol.Json;
import org.plauder.store.Notes;
import org.plauder.store.WrapUps;
import org.plauder.transcript.WrapUpFigures;
import org.plauder.wrapup.WrapUpService;

/**
 * Tags and internal notes over REST, for the site's agents only: a conversation's wrap-up, adding
 * and removing a tag, writing a note, the site's tags in use (suggestions), and finding
 * conversations by tag or by a note's text. No visitor token opens any of it.
 */
final class WrapUpApi {

  private static final int MAX_NOTE = 2000;
  private static final int FOUND_LIMIT = 100;

  private final Services services;
  private final WrapUps wrapUps;
  private final Notes notes;
  private final WrapUpService service;

  private WrapUpApi(Services services) {
    this.services = services;
    this.wrapUps = new WrapUps(services.database());
    this.notes = new Notes(services.database());
    this.service = new WrapUpService(wrapUps, notes, services.messages(), services.events(), services.clock());
  }

  /** The routes, after the API's JSON body handler. */
  static void mount(Router router, Services services) {
    WrapUpApi api = new WrapUpApi(services);
    router.get("/api/v1/conversations/:id/wrap-up").handler(api::show);
    router.post("/api/v1/conversations/:id/tags").handler(api::addTag);
    router.delete("/api/v1/conversations/:id/tags/:tag").handler(api::removeTag);
    router.post("/api/v1/conversations/:id/notes").handler(api::addNote);
    router.get("/api/v1/tags").handler(api::tagsInUse);
    router.get("/api/v1/wrap-ups").handler(api::find);
  }

  /** GET …/wrap-up: {tags, ratingComment, notes}. */
  private void show(RoutingContext ctx) {
    Identity agent = Http.agent(ctx, services.tokens());
    services.access().ofSite(agent, conversationId(ctx))
        .compose(c -> Future.all(wrapUps.of(c.id()), notes.of(c.id())))
        .onComplete(both -> Http.json(ctx, 200, toJson(both.resultAt(0), both.resultAt(1))), ctx::fail);
  }

  private void addTag(RoutingContext ctx) {
    Identity agent = Http.agent(ctx, services.tokens());
    Object tag = Http.body(ctx).getValue("tag");
    services.access().ofSite(agent, conversationId(ctx)).compose(c -> service.addTag(c, tag))
        .onComplete(tags -> Http.json(ctx, 200, new JsonObject().put("tags", new JsonArray(tags))), ctx::fail);
  }

  private void removeTag(RoutingContext ctx) {
    Identity agent = Http.agent(ctx, services.tokens());
    String tag = ctx.pathParam("tag");
    services.access().ofSite(agent, conversationId(ctx)).compose(c -> service.removeTag(c, tag))
        .onComplete(tags -> Http.json(ctx, 200, new JsonObject().put("tags", new JsonArray(tags))), ctx::fail);
  }

  /** POST …/notes {text, clientMsgId}: {note, duplicate}. */
  private void addNote(RoutingContext ctx) {
    Identity agent = Http.agent(ctx, services.tokens());
    JsonObject body = Http.body(ctx);
    String text = Inputs.optionalMultiLineText(body, "text", MAX_NOTE);
    if (text == null) {
      throw Failure.badInput("text is required");
    }
    String clientMsgId = services.messageRules().validClientMsgId(body.getValue("clientMsgId"));
    Future.all(services.access().ofSite(agent, conversationId(ctx)), services.caches().agents().get(agent.id()))
        .compose(all -> service.addNote(agent, all.resultAt(1) == null ? null : all.<Agent>resultAt(1).name(), all.resultAt(0),
            text, clientMsgId))
        .onComplete(noted -> Http.json(ctx, 200, new JsonObject().put("note", note(noted.note())).put("duplicate", noted.duplicate())),
            ctx::fail);
  }

  /** GET /api/v1/tags: {tags: [{tag, conversations}]}, most used first — the suggestions. */
  private void tagsInUse(RoutingContext ctx) {
    Identity agent = Http.agent(ctx, services.tokens());
    wrapUps.tagsInUse(agent.siteKey())
        .onComplete(counts -> Http.json(ctx, 200, new JsonObject().put("tags", WrapUpFigures.tagCounts(counts))), ctx::fail);
  }

  /**
   * GET /api/v1/wrap-ups?tag=&q=: the site's conversations with the tag and/or a note holding the
   * text, newest first, each with its tags and the notes that matched.
   */
  private void find(RoutingContext ctx) {
    Identity agent = Http.agent(ctx, services.tokens());
    String rawTag = ctx.request().getParam("tag");
    String tag = rawTag == null || rawTag.isBlank() ? null : Tags.normalise(rawTag);
    String q = ctx.request().getParam("q");
    if (q != null && (q.isBlank() || q.length() > 200)) {
      throw Failure.badInput("q must be 1 to 200 characters");
    }
    if (tag == null && q == null) {
      throw Failure.badInput("give tag or q");
    }
    Future<List<String>> tagged = tag == null ? Future.succeededFuture(null)
        : wrapUps.tagged(agent.siteKey(), tag, q == null ? FOUND_LIMIT : 5000);
    Future<List<Note>> noted = q == null ? Future.succeededFuture(null) : notes.search(agent.siteKey(), q.strip(), 1000);
    Future.all(tagged, noted).compose(both -> found(both.resultAt(0), both.resultAt(1)))
        .onComplete(results -> Http.json(ctx, 200, new JsonObject().put("results", results)), ctx::fail);
  }

  /** Conversation ids in order with the notes that matched (none when only the tag was asked for). */
  private Future<JsonArray> found(List<String> tagged, List<Note> noted) {
    Map<String, List<Note>> hits = new LinkedHashMap<>();
    if (noted == null) {
      tagged.forEach(id -> hits.put(id, List.of()));
    } else {
      Set<String> allowed = tagged == null ? null : Set.copyOf(tagged);
      for (Note n : noted) {
        if ((allowed == null || allowed.contains(n.conversationId())) && (hits.containsKey(n.conversationId()) || hits.size() < FOUND_LIMIT)) {
          hits.computeIfAbsent(n.conversationId(), k -> new ArrayList<>()).add(n);
        }
      }
    }
    List<Future<JsonObject>> rows = new ArrayList<>();
    hits.forEach((id, matches) -> rows.add(Future.all(services.conversations().find(id), wrapUps.of(id)).map(both -> {
      Conversation c = both.resultAt(0);
      return c == null ? null : toJson(both.resultAt(1), matches).put("conversation", Json.conversation(c));
    })));
    return Future.all(rows).map(v -> {
      JsonArray results = new JsonArray();
      rows.forEach(row -> {
        if (row.result() != null) {
          results.add(row.result());
        }
      });
      return results;
    });
  }

  private static JsonObject toJson(WrapUp w, List<Note> notes) {
    JsonArray list = new JsonArray();
    notes.forEach(n -> list.add(note(n)));
    return new JsonObject().put("tags", new JsonArray(w.tags())).put("ratingComment", w.ratingComment()).put("notes", list);
  }

  /** A note, as agents (never visitors) read it. */
  static JsonObject note(Note n) {
    return new JsonObject().put("conversationId", n.conversationId()).put("agentId", n.agentId()).put("agentName", n.agentName())
        .put("text", n.text()).put("clientMsgId", n.clientMsgId()).put("time", Json.time(n.at()));
  }

  private static String conversationId(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    if (!Inputs.isId(id)) {
      throw Failure.notFound("conversation");
    }
    return id;
  }
}
