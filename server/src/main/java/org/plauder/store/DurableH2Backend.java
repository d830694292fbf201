package org.plauder.store;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;

/**
 * The embedded database's H2 backend, committing its file before each reply leaves the server.
 * H2 otherwise writes in the background about once a second, so an acknowledged write could be
 * lost when the process dies; committing first makes "acknowledged" mean "in the file".
 */
final class DurableH2Backend extends H2Backend {

  DurableH2Backend(String fileName) {
    super(fileName);
  }

  @Override
  public Document handleMessage(MongoMessage message) {
    Document reply = super.handleMessage(message);
    if (getMvStore().hasUnsavedChanges()) {
      commit();
    }
    return reply;
  }
}
