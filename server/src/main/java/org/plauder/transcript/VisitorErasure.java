package org.plauder.transcript;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.plauder.Services;
import org.plauder.conversation.Conversation;
import org.plauder.protocol.Failure;
import org.plauder.store.Files;
import org.plauder.store.VerifiedUsers;

/**
 * Erases everything stored about one visitor of one site, on an admin's request: open chats are
 * closed first (so agents get their capacity back), then files, messages, conversations, a verified
 * user's link to the visitor, and the visitor.
 */
public final class VisitorErasure {

  private final Services services;

  public VisitorErasure(Services services) {
    this.services = services;
  }

  public Future<JsonObject> erase(String siteKey, String visitorId) {
    return services.visitors().find(visitorId).compose(visitor -> {
      if (visitor == null || !siteKey.equals(visitor.siteKey())) {
        return Future.failedFuture(Failure.notFound("visitor"));
      }
      return services.conversations().ofVisitor(visitorId).compose(this::closeOpen).compose(conversations -> {
        List<String> ids = conversations.stream().map(Conversation::id).toList();
        return new Files(services.database()).deleteOfConversations(ids).compose(files ->
            services.messageStore().deleteOfConversations(lastSeqs(conversations)).compose(messages ->
            services.conversations().deleteByIds(ids).compose(deleted -> forgetVerifiedUser(siteKey, visitorId).compose(v ->
                services.visitors().delete(visitorId, siteKey)).map(v -> new JsonObject()
                    .put("visitorId", visitorId)
                    .put("conversations", deleted)
                    .put("messages", messages)
                    .put("files", files)))));
      });
    });
  }

  /** A verified user's visitor takes the user's id along: its next verified visit starts afresh. */
  private Future<Void> forgetVerifiedUser(String siteKey, String visitorId) {
    return services.visitors().verifiedUserId(visitorId).compose(userId -> userId == null
        ? Future.succeededFuture()
        : new VerifiedUsers(services.database()).forget(siteKey, userId));
  }

  private static Map<String, Long> lastSeqs(List<Conversation> conversations) {
    Map<String, Long> lastSeqs = new HashMap<>();
    conversations.forEach(c -> lastSeqs.put(c.id(), c.lastSeq()));
    return lastSeqs;
  }

  private Future<List<Conversation>> closeOpen(List<Conversation> conversations) {
    Future<Void> closing = Future.succeededFuture();
    for (Conversation c : conversations) {
      if (c.isOpen()) {
        closing = closing.compose(v -> services.router().close(c, "erasure").mapEmpty());
      }
    }
    return closing.map(v -> conversations);
  }
}
