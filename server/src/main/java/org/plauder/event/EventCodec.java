package org.plauder.event;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageCodec;
import io.vertx.core.json.jackson.VertxModule;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * How a domain event travels on the event bus: by reference within a node (events are immutable
 * records), as JSON between nodes. Only the record components are written, never derived getters.
 */
final class EventCodec<E extends DomainEvent> implements MessageCodec<E, E> {

  static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new VertxModule())
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .visibility(PropertyAccessor.GETTER, Visibility.NONE)
      .visibility(PropertyAccessor.IS_GETTER, Visibility.NONE)
      .visibility(PropertyAccessor.FIELD, Visibility.ANY)
      .build();

  private final Class<E> type;

  EventCodec(Class<E> type) {
    this.type = type;
  }

  /** Registers a codec for every kind of event; a second server on the same Vert.x replaces them with equal ones. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static void registerAll(EventBus bus) {
    for (Class<?> type : DomainEvent.class.getPermittedSubclasses()) {
      bus.unregisterDefaultCodec(type);
      bus.registerDefaultCodec((Class) type, new EventCodec(type));
    }
  }

  static byte[] toJson(DomainEvent event) {
    try {
      return MAPPER.writeValueAsBytes(event);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static <T extends DomainEvent> T fromJson(byte[] json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void encodeToWire(Buffer buffer, E event) {
    byte[] json = toJson(event);
    buffer.appendInt(json.length).appendBytes(json);
  }

  @Override
  public E decodeFromWire(int pos, Buffer buffer) {
    int length = buffer.getInt(pos);
    return fromJson(buffer.getBytes(pos + 4, pos + 4 + length), type);
  }

  @Override
  public E transform(E event) {
    return event;
  }

  @Override
  public String name() {
    return "plauder.event." + type.getSimpleName();
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }
}
