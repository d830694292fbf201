package org.plauder.web;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Locale;
import org.plauder.conversation.ChatNeeds;
import org.plauder.protocol.Failure;
import org.plauder.protocol.Inputs;
import org.plauder.site.Site;

/**
 * What a visitor's chat request asks of its agent: {@code language} (the widget's, a tag such as
 * {@code de} or {@code en-GB}; its primary code counts) and {@code topic} (the skill of one of the
 * site's topics), both optional. An unknown topic is refused, so a visitor never waits for a skill
 * nobody offers.
 */
final class ChatNeedsInput {

  /** A language tag as pages and the widget send it: {@code de}, {@code en-GB}. */
  static final String LANGUAGE_TAG = "[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})?";

  private ChatNeedsInput() {}

  static ChatNeeds parse(JsonObject body, Site site, Instant now) {
    String tag = Inputs.optionalString(body, "language", 16);
    if (tag != null && !tag.matches(LANGUAGE_TAG)) {
      throw Failure.badInput("language must be a language tag such as de or en-GB");
    }
    String language = tag == null ? null : tag.split("[-_]")[0].toLowerCase(Locale.ROOT);
    String topic = Inputs.optionalString(body, "topic", 60);
    if (topic != null && (site == null || site.skillRouting().topic(topic) == null)) {
      throw new Failure(400, "unknown_topic", "this site offers no topic " + topic);
    }
    if (site == null || (language == null && topic == null)) {
      return ChatNeeds.NONE;
    }
    return new ChatNeeds(language, topic, site.skillRouting().matchOnlyUntil(now));
  }
}
