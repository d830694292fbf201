package org.plauder.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.plauder.agent.Agent;
import org.plauder.conversation.ChatState;
import org.plauder.conversation.Conversation;
import org.plauder.event.CachedReads;
import org.plauder.protocol.Json;

/**
 * The face of the agent a visitor chats with: the conversation as the visitor sees it gets
 * {@code agentAvatarUrl} (the agent's picture, or null for initials drawn from {@code agentName}),
 * read from the node's agent cache. Nothing else of the agent — no id, no e-mail — reaches the visitor.
 */
final class AgentFaces {

  private AgentFaces() {}

  /** A visitor's chat state (requestChat, acceptOffer, history) with the agent's picture. */
  static Future<JsonObject> chatState(CachedReads<String, Agent> agents, ChatState state) {
    JsonObject json = Json.chatState(state);
    JsonObject conversation = json.getJsonObject("conversation");
    return conversation == null ? Future.succeededFuture(json) : withAvatar(agents, state.conversation(), conversation).map(json);
  }

  /** The conversation as the visitor sees it, with the agent's picture. */
  static Future<JsonObject> conversation(CachedReads<String, Agent> agents, Conversation c) {
    return withAvatar(agents, c, Json.conversationForVisitor(c));
  }

  private static Future<JsonObject> withAvatar(CachedReads<String, Agent> agents, Conversation c, JsonObject visible) {
    if (c.agentId() == null) {
      return Future.succeededFuture(visible.putNull("agentAvatarUrl"));
    }
    // a picture that cannot be read now is no reason to fail the answer: initials then
    return agents.get(c.agentId()).map(a -> a == null ? null : Json.avatarUrl(a.avatarFileId())).otherwise((String) null)
        .map(url -> visible.put("agentAvatarUrl", url));
  }
}
