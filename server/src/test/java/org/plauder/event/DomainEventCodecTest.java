package org.plauder.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.plauder.agent.AgentStatus;
import org.plauder.conversation.ChatMessage;
import org.plauder.conversation.ChatNeeds;
import org.plauder.conversation.Conversation;
import org.plauder.conversation.Note;
import org.plauder.conversation.Whisper;
import org.plauder.conversation.RoutingStep;
import org.plauder.conversation.ConversationStatus;
import org.plauder.event.DomainEvent.QueueChanged;
import org.plauder.event.DomainEvent.Waiting;
import org.plauder.help.Article;
import org.plauder.offer.Offer;

/** Every kind of domain event crosses to another node unchanged, as JSON that names only its fields. */
class DomainEventCodecTest {

  private static final Instant AT = Instant.parse("2026-12-01T09:30:15.123Z");
  private static final Conversation CONVERSATION = new Conversation("c1", "demo", "v1", "a1", "Anna",
      ConversationStatus.ACTIVE, 7, AT, AT, null, null, null, 3, null, "Kim", "kim@example.com",
      new ChatNeeds("de", "billing", AT.plusSeconds(60)), Conversation.EMAIL);
  private static final ChatMessage MESSAGE = new ChatMessage("c1", 4, ChatMessage.Sender.AGENT, "a1", "Anna", "Hallo ü",
      "m-1", AT);
  private static final Offer OFFER = new Offer("o1", "invite", "Can I help?", "Anna", "a1");
  private static final Article ARTICLE = new Article("a1", "demo", "de", "Versand", "Wir liefern **schnell**.",
      List.of("versand", "lieferzeit"), true, AT);

  @Test
  void everyKindOfEventSurvivesTheWireUnchanged() {
    Class<?>[] kinds = DomainEvent.class.getPermittedSubclasses();
    assertTrue(kinds.length >= 15, "all event kinds are covered");
    for (Class<?> kind : kinds) {
      DomainEvent event = sample(kind);
      assertEquals(event, roundTrip(event), kind.getSimpleName());
    }
  }

  @Test
  void theJsonHoldsTheRecordsFieldsAndNoDerivedGetters() {
    String json = new String(EventCodec.toJson(new DomainEvent.ChatAssigned("demo", CONVERSATION,
        DomainEvent.AssignReason.LOWEST_LOAD, java.util.List.of())), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(json.contains("\"reason\":\"LOWEST_LOAD\""), json);
    assertTrue(json.contains("\"agentName\":\"Anna\""), json);
    assertFalse(json.contains("\"open\""), "Conversation.isOpen() is derived, not a field: " + json);
  }

  @Test
  void aQueueWithAnUnknownWaitEstimateCrossesAsNull() {
    QueueChanged event = new QueueChanged("demo", List.of(new Waiting("c1", "v1", null, AT, 1, null, null)), true, List.of("a1"));
    assertEquals(event, roundTrip(event));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static DomainEvent roundTrip(DomainEvent event) {
    EventCodec codec = new EventCodec(event.getClass());
    Buffer wire = Buffer.buffer().appendString("prefix");
    codec.encodeToWire(wire, event);
    return (DomainEvent) codec.decodeFromWire("prefix".length(), wire);
  }

  /** A value of each event kind, every field filled, built from its record components. */
  private static DomainEvent sample(Class<?> kind) {
    RecordComponent[] components = kind.getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      values[i] = valueOf(components[i].getType(), components[i].getGenericType());
    }
    try {
      Constructor<?> constructor = kind.getDeclaredConstructor(types);
      return (DomainEvent) constructor.newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(kind + " cannot be built", e);
    }
  }

  private static Object valueOf(Class<?> type, Type generic) {
    Map<Class<?>, Object> samples = Map.ofEntries(Map.entry(String.class, "s-" + type.hashCode() % 7),
        Map.entry(boolean.class, true), Map.entry(int.class, 5), Map.entry(long.class, 6L), Map.entry(Long.class, 42L),
        Map.entry(Instant.class, AT), Map.entry(Conversation.class, CONVERSATION), Map.entry(ChatMessage.class, MESSAGE),
        Map.entry(Offer.class, OFFER), Map.entry(AgentStatus.class, AgentStatus.AWAY), Map.entry(Article.class, ARTICLE),
        Map.entry(Whisper.class, new Whisper("c1", "a1", "Sina", "Frag nach der Nummer", "w-1", AT)),
        Map.entry(Note.class, new Note("c1", "demo", "a1", "Ben", "Gutschrift statt Ersatz", "n-1", AT)));
    if (samples.containsKey(type)) {
      return samples.get(type);
    }
    if (type.isEnum()) {
      Object[] constants = type.getEnumConstants();
      return constants[constants.length - 1];
    }
    if (type == List.class) {
      Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
      if (element == String.class) {
        return List.of("a1", "a2");
      }
      return element == RoutingStep.Candidate.class ? List.of(new RoutingStep.Candidate("a1", "Anna", 1, 2))
          : List.of(new Waiting("c1", "v1", "Kim", AT, 1, 60L, new ChatNeeds("de", null, AT)));
    }
    throw new AssertionError("no sample for " + type);
  }
}
