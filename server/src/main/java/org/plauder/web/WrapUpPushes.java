package org.plauder.web;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.plauder.Services;
import org.plauder.event.DomainEvent.NoteAdded;
import org.plauder.event.DomainEvent.TagsChanged;
import org.plauder.protocol.Json;

/**
 * A listener: tells every agent of the site with a dashboard open (supervisors at the monitor among
 * them) that a conversation's tags changed or a note was written ({@code wrapUp} push), so that
 * whoever has the conversation open sees it without reloading. Tags and notes are for agents only:
 * nothing here goes to a visitor's inbox.
 */
public final class WrapUpPushes extends VerticleBase {

  private final Services services;

  public WrapUpPushes(Services services) {
    this.services = services;
  }

  @Override
  public Future<?> start() {
    return Future.all(
        services.events().on(TagsChanged.class, e -> toAgentsOf(e.siteKey(), frame(e.conversationId()).put("tags", new JsonArray(e.tags())))),
        services.events().on(NoteAdded.class, e -> toAgentsOf(e.siteKey(), frame(e.note().conversationId()).put("note", WrapUpApi.note(e.note())))));
  }

  private static JsonObject frame(String conversationId) {
    return Json.push("wrapUp").put("conversationId", conversationId);
  }

  /** To each agent of the site with a dashboard socket open on any node (the sockets' shared map); the dashboard shows it where that conversation is open. */
  private void toAgentsOf(String siteKey, JsonObject frame) {
    services.connectedAgents().connectedOf(siteKey).onSuccess(ids -> ids.forEach(id -> services.inboxes().toAgent(id, frame)));
  }
}
