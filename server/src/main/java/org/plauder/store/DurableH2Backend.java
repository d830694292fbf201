package org.plauder.store;

import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * The embedded database's H2 backend. H2 on its own writes its file in the background about once
 * a second, so an acknowledged write could be lost when the process dies; {@link GroupCommit}
 * calls {@link #commitIfDirty()} before any reply leaves, so "acknowledged" means "in the file".
 */
final class DurableH2Backend extends H2Backend {

  DurableH2Backend(String fileName) {
    super(fileName);
  }

  /** Writes every change made so far to the file; does nothing when there is none. */
  void commitIfDirty() {
    if (getMvStore().hasUnsavedChanges()) {
      commit();
    }
  }
}
