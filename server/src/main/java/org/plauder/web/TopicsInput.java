package org.plauder.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.plauder.agent.RoutingTags;
import org.plauder.protocol.Failure;
import org.plauder.protocol.FreeText;
import org.plauder.site.Site;
import org.plauder.site.SkillRouting;
import org.plauder.site.SkillRouting.Topic;

/** A site's topics as an admin sends them: {@code [{"skill": "billing", "labels": {"de": "Rechnung", "en": "Billing"}}, …]}. */
final class TopicsInput {

  private TopicsInput() {}

  static List<Topic> parse(Object value) {
    if (!(value instanceof JsonArray array) || array.size() > SkillRouting.MAX_TOPICS) {
      throw Failure.badInput("topics must be a list of at most " + SkillRouting.MAX_TOPICS + " topics");
    }
    List<Topic> topics = new ArrayList<>();
    for (Object o : array) {
      if (!(o instanceof JsonObject topic) || !(topic.getValue("labels") instanceof JsonObject labels)) {
        throw Failure.badInput("each topic is {\"skill\": \"billing\", \"labels\": {\"de\": \"…\", \"en\": \"…\"}}");
      }
      String skill = RoutingTags.skill(topic.getValue("skill"));
      if (topics.stream().anyMatch(t -> t.skill().equals(skill))) {
        throw Failure.badInput("two topics need the skill " + skill + "; give each topic its own");
      }
      topics.add(new Topic(skill, labels(skill, labels)));
    }
    return topics;
  }

  private static Map<String, String> labels(String skill, JsonObject labels) {
    Map<String, String> byLanguage = new HashMap<>();
    for (String lang : labels.fieldNames()) {
      Object label = labels.getValue(lang);
      if (!Site.SUPPORTED_LANGUAGES.contains(lang) || !(label instanceof String text) || text.isBlank()
          || FreeText.length(text.strip()) > SkillRouting.MAX_LABEL_LENGTH) {
        throw Failure.badInput("topic " + skill + ": labels are keyed by " + Site.SUPPORTED_LANGUAGES
            + " and each is one line of 1 to " + SkillRouting.MAX_LABEL_LENGTH + " characters");
      }
      byLanguage.put(lang, FreeText.check("topic " + skill + " label", text.strip(), false));
    }
    if (byLanguage.isEmpty()) {
      throw Failure.badInput("topic " + skill + " needs a label in at least one language");
    }
    return byLanguage;
  }
}
