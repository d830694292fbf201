package org.plauder.offer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class UrlGlobTest {

  @Test
  void pathPatternsMatchPathAndQuery() {
    assertTrue(UrlGlob.matches("/checkout*", "https://shop.example/checkout/step-2"));
    assertTrue(UrlGlob.matches("/produkt?.html", "https://shop.example/produkt1.html"));
    assertTrue(UrlGlob.matches("/search?q=*", "https://shop.example/search?q=kaffee"));
    assertFalse(UrlGlob.matches("/checkout*", "https://shop.example/cart?next=/checkout"));
  }

  @Test
  void otherPatternsMatchTheWholeUrl() {
    assertTrue(UrlGlob.matches("https://shop.example/*", "https://shop.example/a/b"));
    assertFalse(UrlGlob.matches("https://shop.example/*", "https://evil.example/shop.example/"));
  }

  @Test
  void regexCharactersAreLiteral() {
    assertTrue(UrlGlob.matches("/a.b(c)+", "https://x/a.b(c)+"));
    assertFalse(UrlGlob.matches("/a.b", "https://x/aXb"));
    assertFalse(UrlGlob.matches("/[a-z]*", "https://x/abc"));
  }

  @Test
  void hostilePatternsStayFastAndOverlongOnesAreRefused() {
    String hostile = "/" + "*a".repeat(90) + "b";
    String url = "https://x/" + "a".repeat(5000);
    assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertFalse(UrlGlob.matches(hostile, url)));
    assertFalse(UrlGlob.isValid("/" + "x".repeat(UrlGlob.MAX_LENGTH)));
  }
}
