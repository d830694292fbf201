package org.plauder.event;

/** Where the core announces what happened; {@link DomainEvents} in a node, a recording list in unit tests. */
@FunctionalInterface
public interface EventSink {

  void publish(DomainEvent event);
}
