package org.plauder.web;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import java.util.function.Supplier;
import org.plauder.conversation.ParkedStore.Parked;
import org.plauder.event.DomainEvent.ChatAssigned;
import org.plauder.event.DomainEvent.ChatClosed;
import org.plauder.event.DomainEvent.ChatTransferred;
import org.plauder.event.DomainEvent.ConversationStatusChanged;
import org.plauder.event.DomainEvent.MessageAppended;
import org.plauder.event.DomainEvent.WhisperAdded;
import org.plauder.event.DomainEvents;
import org.plauder.protocol.Inboxes;
import org.plauder.protocol.Json;
import org.plauder.event.Watchers;

/**
 * Pushes for supervision: what happens in a site's chats goes to the admins and supervisors
 * watching it ({@code monitor} frames on their own inboxes), and a whisper to the chat's agent
 * ({@code whisper}). Nothing here ever goes to a visitor's inbox.
 */
public final class SupervisorPushes extends VerticleBase {

  private final DomainEvents events;
  private final Inboxes inboxes;
  private final Watchers monitoring;

  public SupervisorPushes(DomainEvents events, Inboxes inboxes, Watchers monitoring) {
    this.events = events;
    this.inboxes = inboxes;
    this.monitoring = monitoring;
  }

  @Override
  public Future<?> start() {
    return Future.all(
        monitoring.listen(),
        events.on(MessageAppended.class, e -> toWatchers(e.siteKey(), null,
            () -> monitor("message", e.message().conversationId()).put("message", Json.message(e.message())))),
        events.on(ChatAssigned.class, e -> toWatchers(e.siteKey(), null,
            () -> monitor("assigned", e.conversation().id()).put("conversation", Json.conversation(e.conversation())))),
        events.on(ChatTransferred.class, e -> toWatchers(e.siteKey(), null,
            () -> monitor("transferred", e.conversation().id()).put("conversation", Json.conversation(e.conversation())))),
        events.on(ChatClosed.class, e -> toWatchers(e.siteKey(), null, () -> monitor("closed", e.conversationId()))),
        events.on(ConversationStatusChanged.class, e -> toWatchers(e.siteKey(), null, () -> monitor("workStatus", e.conversation().id())
            .put("conversation", StatusActions.conversation(new Parked(e.conversation(), e.snoozedUntil()))))),
        events.on(WhisperAdded.class, this::whispered));
  }

  private static JsonObject monitor(String event, String conversationId) {
    return Json.push("monitor").put("event", event).put("conversationId", conversationId);
  }

  private void whispered(WhisperAdded e) {
    JsonObject whisper = Json.whisper(e.whisper());
    inboxes.toAgent(e.agentId(), Json.push("whisper").put("whisper", whisper));
    toWatchers(e.siteKey(), e.agentId(), () -> monitor("whisper", e.whisper().conversationId()).put("whisper", whisper));
  }

  /**
   * To every watcher of the site but {@code except} (who got it another way). The frame is built
   * only when someone watches: most sites' messages have no supervisor looking.
   */
  private void toWatchers(String siteKey, String except, Supplier<JsonObject> frame) {
    JsonObject built = null;
    for (String watcher : monitoring.watchers(siteKey)) {
      if (!watcher.equals(except)) {
        built = built == null ? frame.get() : built;
        inboxes.toAgent(watcher, built);
      }
    }
  }
}
