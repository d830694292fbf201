package org.plauder.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OriginsTest {

  private final List<String> allowed = List.of("https://shop.example.com", "localhost", "http://127.0.0.1:8080");

  @Test
  void fullOriginsMatchExactlyIgnoringCaseAndDefaultPorts() {
    assertTrue(Origins.isAllowed("https://shop.example.com", allowed));
    assertTrue(Origins.isAllowed("HTTPS://Shop.Example.com:443", allowed));
    assertTrue(Origins.isAllowed("http://127.0.0.1:8080", allowed));
    assertFalse(Origins.isAllowed("http://shop.example.com", allowed));
    assertFalse(Origins.isAllowed("https://shop.example.com.evil.io", allowed));
    assertFalse(Origins.isAllowed("https://evil.io", allowed));
    assertFalse(Origins.isAllowed("http://127.0.0.1:9090", allowed));
  }

  @Test
  void aBareHostAllowsAnyPortAndScheme() {
    assertTrue(Origins.isAllowed("http://localhost:8080", allowed));
    assertTrue(Origins.isAllowed("https://localhost", allowed));
    assertFalse(Origins.isAllowed("http://localhost.evil.io", allowed));
  }

  @Test
  void missingNullAndNonHttpOriginsAreNeverAllowed() {
    assertFalse(Origins.isAllowed(null, allowed));
    assertFalse(Origins.isAllowed("", allowed));
    assertFalse(Origins.isAllowed("null", allowed));
    assertFalse(Origins.isAllowed("file://localhost", allowed));
    assertFalse(Origins.isAllowed("not a url", allowed));
  }

  @Test
  void sameOriginComparesSchemeHostAndPort() {
    assertTrue(Origins.isSameOrigin("http://localhost:8080", "http://localhost:8080"));
    assertTrue(Origins.isSameOrigin("HTTP://LocalHost:8080", "http://localhost:8080/dashboard/"));
    assertTrue(Origins.isSameOrigin("https://chat.example.com", "https://chat.example.com:443"));
    assertFalse(Origins.isSameOrigin("https://localhost:8080", "http://localhost:8080"));
    assertFalse(Origins.isSameOrigin("http://localhost:8081", "http://localhost:8080"));
    assertFalse(Origins.isSameOrigin("http://localhost", "http://127.0.0.1"));
    assertFalse(Origins.isSameOrigin("null", "http://localhost:8080"));
    assertFalse(Origins.isSameOrigin(null, "http://localhost:8080"));
  }
}
