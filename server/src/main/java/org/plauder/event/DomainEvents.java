package org.plauder.event;

import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Domain events over the Vert.x event bus, typed. Every event goes to the listeners of the node
 * that emitted it ({@link #on}: handled once in the cluster, e.g. a push to a browser, which the
 * inbox then spreads to every node itself); events that some node listens to with
 * {@link #onEveryNode} also cross the cluster, as JSON (e.g. the node holding a visitor's socket
 * re-plans its offers when another node started its chat).
 */
public final class DomainEvents implements EventSink {

  private static final Logger log = LoggerFactory.getLogger(DomainEvents.class);
  private static final String PREFIX = "plauder.event.";
  private static final DeliveryOptions THIS_NODE = new DeliveryOptions().setLocalOnly(true);

  private final EventBus bus;
  /** Types someone listens to on every node; every node runs the same listeners, so this holds cluster-wide. */
  private final Set<Class<?>> crossingTypes = ConcurrentHashMap.newKeySet();

  public DomainEvents(EventBus bus) {
    this.bus = bus;
    EventCodec.registerAll(bus);
  }

  @Override
  public void publish(DomainEvent event) {
    bus.publish(thisNode(event.getClass()), event, THIS_NODE);
    if (crossingTypes.contains(event.getClass())) {
      bus.publish(everyNode(event.getClass()), event);
    }
  }

  /** Listens to the events this node emits. */
  public <E extends DomainEvent> Future<Void> on(Class<E> type, Consumer<E> listener) {
    return bus.<E>localConsumer(thisNode(type), message -> deliver(type, listener, message.body())).completion();
  }

  /** Listens to the events every node of the cluster emits (this one included). */
  public <E extends DomainEvent> Future<Void> onEveryNode(Class<E> type, Consumer<E> listener) {
    crossingTypes.add(type);
    return bus.<E>consumer(everyNode(type), message -> deliver(type, listener, message.body())).completion();
  }

  /** One listener's failure is its own: it is logged and the other listeners still run. */
  private static <E> void deliver(Class<E> type, Consumer<E> listener, E event) {
    try {
      listener.accept(event);
    } catch (RuntimeException e) {
      log.error("a listener of {} failed", type.getSimpleName(), e);
    }
  }

  /** An event's addresses, made once per type rather than once per event. */
  private static final ClassValue<String> THIS_NODE_ADDRESS = new ClassValue<>() {
    @Override
    protected String computeValue(Class<?> type) {
      return PREFIX + type.getSimpleName();
    }
  };
  private static final ClassValue<String> EVERY_NODE_ADDRESS = new ClassValue<>() {
    @Override
    protected String computeValue(Class<?> type) {
      return PREFIX + type.getSimpleName() + ".cluster";
    }
  };

  private static String thisNode(Class<?> type) {
    return THIS_NODE_ADDRESS.get(type);
  }

  private static String everyNode(Class<?> type) {
    return EVERY_NODE_ADDRESS.get(type);
  }
}
