package org.plauder.load;

/** A server under test, started fresh for a step: Plauder or the bare relay, in its own process or (smoke test) in this JVM. */
interface Target extends AutoCloseable {

  /** How a scenario gets a fresh target of one kind. */
  interface Kind {
    /** "Plauder" or "bare relay", as the result tables name them. */
    String name();

    Target start();

    /** A target whose store (or, for the bare relay, whose export) holds {@code count} messages of the demo site. */
    Target startWithMessages(long count);
  }

  int port();

  /** The process to measure; for an in-process target, this JVM's. */
  long pid();

  String adminEmail();

  String adminPassword();

  /** What a page served by the node sends as Origin: allowed for visitors (demo site) and agents alike. */
  default String origin() {
    return "http://127.0.0.1:" + port();
  }

  @Override
  void close();
}
