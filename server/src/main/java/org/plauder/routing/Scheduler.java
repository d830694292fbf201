package org.plauder.routing;

/** Runs a task later: a Vert.x timer in a node, at once in the routing unit tests. */
@FunctionalInterface
public interface Scheduler {

  void later(long millis, Runnable task);
}
