package org.plauder.protocol;

import io.vertx.core.json.JsonObject;
import org.plauder.conversation.QueueCard;

/** A waiting chat's {@link QueueCard} on the wire: {@code preview}, {@code pageUrl}, {@code pageTitle}, each null when not known. */
public final class QueueCardJson {

  private QueueCardJson() {}

  /** Adds the card's fields to a queue item (of the {@code queue} push, or of {@code agent.conversations}' queue). */
  public static JsonObject withCard(JsonObject item, QueueCard card) {
    return item.put("preview", card.preview()).put("pageUrl", card.pageUrl()).put("pageTitle", card.pageTitle());
  }
}
