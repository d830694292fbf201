package org.plauder.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Gives each test a {@link Database} on a fresh embedded store in a temporary directory, removed after the test. */
public final class EmbeddedStore implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

  private static final Namespace NAMESPACE = Namespace.create(EmbeddedStore.class);

  private record Started(Path dir, EmbeddedMongo mongo, Database db) {}

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    Path dir = Files.createTempDirectory("plauder-store");
    EmbeddedMongo mongo = EmbeddedMongo.start(dir);
    Database db = new Database(mongo.connectionString(), "plauder", null);
    context.getStore(NAMESPACE).put(Started.class, new Started(dir, mongo, db));
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    Started started = context.getStore(NAMESPACE).remove(Started.class, Started.class);
    started.db().close();
    started.mongo().close();
    List<Path> deepestFirst;
    try (Stream<Path> paths = Files.walk(started.dir())) {
      deepestFirst = paths.sorted(Comparator.reverseOrder()).toList();
    }
    for (Path path : deepestFirst) {
      Files.delete(path);
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Database.class;
  }

  @Override
  public Database resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getStore(NAMESPACE).get(Started.class, Started.class).db();
  }
}
