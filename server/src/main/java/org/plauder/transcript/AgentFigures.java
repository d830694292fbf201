package org.plauder.transcript;

import io.vertx.core.json.JsonArray;
import java.text.Collator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.plauder.conversation.Conversation;

/**
 * A report's figures per agent: one entry for each agent with a conversation among those given,
 * under the name written on its newest one (an agent renamed since shows its new name), ordered
 * by that name (then by id), whatever order the conversations came in. Pure.
 */
public record AgentFigures(String agentId, String agentName, Report figures) {

  private static final Comparator<Conversation> OLDEST_FIRST =
      Comparator.comparing(Conversation::createdAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
          .thenComparing(Conversation::id);

  public static List<AgentFigures> of(List<Conversation> conversations) {
    Map<String, List<Conversation>> byAgent = new HashMap<>();
    for (Conversation c : conversations) {
      if (c.agentId() != null) {
        byAgent.computeIfAbsent(c.agentId(), k -> new ArrayList<>()).add(c);
      }
    }
    List<AgentFigures> agents = new ArrayList<>();
    byAgent.forEach((agentId, list) -> agents.add(new AgentFigures(agentId, list.stream().max(OLDEST_FIRST).orElseThrow().agentName(),
        Report.of(list))));
    Collator names = Collator.getInstance(Locale.ROOT);
    agents.sort(Comparator.comparing(AgentFigures::agentName, Comparator.nullsLast(names)).thenComparing(AgentFigures::agentId));
    return agents;
  }

  public static JsonArray toJson(List<AgentFigures> agents) {
    JsonArray array = new JsonArray();
    agents.forEach(a -> array.add(a.figures().toJson().put("agentId", a.agentId()).put("agentName", a.agentName())));
    return array;
  }
}
