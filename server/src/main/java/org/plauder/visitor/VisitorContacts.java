package org.plauder.visitor;

import io.vertx.core.Future;

/** Where the name and e-mail a visitor gives are kept; implemented by {@code store.Visitors}. */
public interface VisitorContacts {

  /** Stores what is given; a null field keeps what was there. */
  Future<Void> setContact(String visitorId, String name, String email);
}
