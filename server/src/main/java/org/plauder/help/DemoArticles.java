package org.plauder.help;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The articles the demo shop starts with, in German and English, read from the resources under
 * {@code help/demo/}: each file names its language, title and keywords in a header ended by a
 * line {@code ---}, and the Markdown body follows. {@code index.txt} lists the files.
 */
public final class DemoArticles {

  private static final String FOLDER = "/help/demo/";

  private DemoArticles() {}

  /** The demo articles as drafts of {@code siteKey}, all published. */
  public static List<ArticleDraft> of(String siteKey) {
    return new ArrayList<>(byName(siteKey).values());
  }

  /** The demo articles by file name without ".md" ("de-versand"), in the order of the index. */
  public static Map<String, ArticleDraft> byName(String siteKey) {
    Map<String, ArticleDraft> drafts = new LinkedHashMap<>();
    for (String name : read("index.txt").split("\n")) {
      if (!name.isBlank()) {
        drafts.put(name.strip().replaceFirst("\\.md$", ""), parse(siteKey, read(name.strip())));
      }
    }
    return drafts;
  }

  static ArticleDraft parse(String siteKey, String file) {
    int end = file.indexOf("\n---\n");
    if (end < 0) {
      throw new IllegalArgumentException("a demo article has no header ended by ---");
    }
    String language = null;
    String title = null;
    List<String> keywords = List.of();
    for (String line : file.substring(0, end).split("\n")) {
      int colon = line.indexOf(':');
      String value = line.substring(colon + 1).strip();
      switch (line.substring(0, colon)) {
        case "language" -> language = value;
        case "title" -> title = value;
        case "keywords" -> keywords = Arrays.stream(value.split(",")).map(String::strip).toList();
        default -> throw new IllegalArgumentException("unknown header line in a demo article: " + line);
      }
    }
    return new ArticleDraft(siteKey, language, title, file.substring(end + 5), keywords, true);
  }

  private static String read(String name) {
    try (InputStream in = DemoArticles.class.getResourceAsStream(FOLDER + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + FOLDER + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
