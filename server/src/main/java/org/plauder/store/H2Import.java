package org.plauder.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the data of an earlier Plauder, kept by the embedded database in an H2 file, into the
 * journal, once: every document of every collection with the database's own bookkeeping of
 * collections and indexes. The H2 file is then renamed, not deleted, so nothing is lost if
 * anything about the move is in doubt.
 */
final class H2Import {

  private static final Logger log = LoggerFactory.getLogger(H2Import.class);

  private H2Import() {}

  /** Imports the H2 file into the (empty) journal directory, if there is a file and no journal yet. */
  static void importIfNeeded(Path h2File, Path journalDirectory) {
    if (!Files.exists(h2File) || !new JournalSegments(journalDirectory).numbers().isEmpty()) {
      return;
    }
    long documents = 0;
    try (Journal journal = Journal.open(journalDirectory); ListedH2Backend h2 = new ListedH2Backend(h2File)) {
      for (String name : h2.databaseNames()) {
        MongoDatabase database = h2.resolveDatabase(name);
        for (String collection : collectionNames(database)) {
          MongoCollection<?> stored = database.resolveCollection(collection, false);
          if (stored == null) {
            continue;
          }
          for (Document document : stored.queryAll()) {
            journal.put(name, collection, document);
            documents++;
          }
          journal.sync();
        }
      }
    }
    try {
      Files.move(h2File, h2File.resolveSibling(h2File.getFileName() + ".imported"), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("imported " + h2File + " but could not rename it", e);
    }
    log.info("Moved {} documents from {} into the database journal; the old file is kept as {}.imported", documents,
        h2File, h2File.getFileName());
  }

  private static List<String> collectionNames(MongoDatabase database) {
    List<String> names = new ArrayList<>(List.of("system.namespaces", "system.indexes"));
    MongoCollection<?> namespaces = database.resolveCollection("system.namespaces", false);
    if (namespaces != null) {
      String prefix = database.getDatabaseName() + ".";
      for (Document namespace : namespaces.queryAll()) {
        names.add(namespace.get("name").toString().substring(prefix.length()));
      }
    }
    return names;
  }

  /** H2's backend, with the names of the databases it found in the file. */
  private static final class ListedH2Backend extends H2Backend implements AutoCloseable {
    ListedH2Backend(Path file) {
      super(file.toString());
    }

    Set<String> databaseNames() {
      return listDatabaseNames();
    }
  }
}
