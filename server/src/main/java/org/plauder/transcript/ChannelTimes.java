package org.plauder.transcript;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.plauder.conversation.Conversation;
import org.plauder.conversation.ConversationStatus;

/**
 * First-response and resolution times per channel ({@code chat}, {@code email}: always both, then
 * any other by name), over the conversations given; left messages are not counted. Pure.
 */
public record ChannelTimes(String channel, int conversations, Long firstResponseMedianSeconds, Long firstResponseP90Seconds,
    Long resolutionMedianSeconds, Long resolutionP90Seconds) {

  public static List<ChannelTimes> of(List<Conversation> all) {
    Map<String, List<Conversation>> others = new TreeMap<>();
    Map<String, List<Conversation>> byChannel = new LinkedHashMap<>();
    byChannel.put(Conversation.CHAT, new ArrayList<>());
    byChannel.put(Conversation.EMAIL, new ArrayList<>());
    for (Conversation c : all) {
      if (c.status() != ConversationStatus.OFFLINE) {
        (byChannel.containsKey(c.channel()) ? byChannel : others).computeIfAbsent(c.channel(), k -> new ArrayList<>()).add(c);
      }
    }
    byChannel.putAll(others);
    List<ChannelTimes> times = new ArrayList<>();
    byChannel.forEach((channel, list) -> {
      List<Long> first = list.stream().map(Resolution::firstResponseSeconds).filter(Objects::nonNull).toList();
      List<Long> resolved = list.stream().map(Resolution::seconds).filter(Objects::nonNull).toList();
      times.add(new ChannelTimes(channel, list.size(), Report.percentile(first, 50), Report.percentile(first, 90),
          Report.percentile(resolved, 50), Report.percentile(resolved, 90)));
    });
    return times;
  }

  public JsonObject toJson() {
    return new JsonObject().put("channel", channel).put("conversations", conversations)
        .put("firstResponseMedianSeconds", firstResponseMedianSeconds).put("firstResponseP90Seconds", firstResponseP90Seconds)
        .put("resolutionMedianSeconds", resolutionMedianSeconds).put("resolutionP90Seconds", resolutionP90Seconds);
  }

  public static JsonArray toJson(List<ChannelTimes> times) {
    JsonArray array = new JsonArray();
    times.forEach(t -> array.add(t.toJson()));
    return array;
  }
}
