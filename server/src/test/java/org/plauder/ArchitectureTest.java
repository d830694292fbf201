package org.plauder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The rules of docs/architecture.md, checked on the sources: who may use whom, and that the map names real classes. */
class ArchitectureTest {

  private static final Path MAIN = Path.of("src/main/java/org/plauder");
  private static final Path SOURCES = Path.of("src");
  private static final Path MAP = Path.of("../docs/architecture.md");
  private static final Set<String> STORE_MAY_USE = Set.of("store", "agent", "conversation", "visitor", "offer", "site", "help", "attachment");
  /** Library types the map may name. */
  private static final Set<String> LIBRARY_TYPES = Set.of("Future");
  private static final Pattern PLAUDER_IMPORT = Pattern.compile("org\\.plauder\\.([a-z]+)\\.");

  private static Map<Path, String> javaFiles(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.toString().endsWith(".java"))
          .collect(java.util.stream.Collectors.toMap(p -> p, ArchitectureTest::read));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String packageOf(Path file) {
    Path relative = MAIN.relativize(file);
    return relative.getNameCount() == 1 ? "" : relative.getName(0).toString();
  }

  @Test
  void onlyTheStoreKnowsMongoDb() {
    List<String> offenders = new ArrayList<>();
    javaFiles(MAIN).forEach((file, source) -> {
      if (!packageOf(file).equals("store") && (source.contains("org.bson") || source.contains("com.mongodb"))) {
        offenders.add(file.toString());
      }
    });
    assertEquals(List.of(), offenders);
  }

  @Test
  void theStoreUsesNothingAboveTheDomainRecords() {
    List<String> offenders = new ArrayList<>();
    javaFiles(MAIN.resolve("store")).forEach((file, source) -> {
      Matcher m = PLAUDER_IMPORT.matcher(source);
      while (m.find()) {
        if (!STORE_MAY_USE.contains(m.group(1))) {
          offenders.add(file.getFileName() + " uses " + m.group(1));
        }
      }
    });
    assertEquals(List.of(), offenders);
  }

  @Test
  void noSourceFileOfTheServerIsLongerThan300Lines() {
    List<String> long_ = new ArrayList<>();
    javaFiles(MAIN).forEach((file, source) -> {
      long lines = source.lines().count();
      if (lines > 300) {
        long_.add(file.getFileName() + ": " + lines);
      }
    });
    assertEquals(List.of(), long_);
  }

  /** Every `Name` and `Name.member` in backticks on the map is a class, record, interface or enum of the server (and has that member). */
  @Test
  void everyClassTheMapNamesExists() {
    String map = read(MAP);
    Map<Path, String> sources = javaFiles(SOURCES);
    Set<String> missing = new TreeSet<>();
    Matcher named = Pattern.compile("`([A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*)(?:\\.([a-z][A-Za-z0-9]*))?(?:\\(\\))?`").matcher(map);
    int checked = 0;
    while (named.find()) {
      String type = named.group(1);
      String member = named.group(2);
      if (LIBRARY_TYPES.contains(type)) {
        continue;
      }
      Pattern declaration = Pattern.compile("\\b(class|record|interface|enum) " + type + "\\b");
      var declaring = sources.values().stream().filter(s -> declaration.matcher(s).find()).toList();
      if (declaring.isEmpty()) {
        missing.add(type);
      } else if (member != null && declaring.stream().noneMatch(s -> s.contains(" " + member + "("))) {
        missing.add(type + "." + member);
      }
      checked++;
    }
    assertTrue(checked > 40, "the map names the classes it speaks of");
    assertEquals(Set.of(), missing, "named in docs/architecture.md but not in the code");
  }
}
