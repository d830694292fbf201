package org.plauder.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TokensTest {

  private static final String SECRET = "unit-test-secret-that-is-long-enough-0123456789";
  private final Instant now = Instant.parse("2026-11-23T12:00:00Z");
  private final Tokens tokens = new Tokens(SECRET, Clock.fixed(now, ZoneOffset.UTC));

  @Test
  void aTokenVerifiesForItsOwnKindOnly() {
    String visitor = tokens.issue(Identity.visitor("v1", "demo"));
    assertEquals(Identity.visitor("v1", "demo"), tokens.verify(visitor, Identity.Kind.VISITOR));
    assertEquals("token_wrong_audience", assertThrows(TokenRejected.class, () -> tokens.verify(visitor, Identity.Kind.AGENT)).code());

    String agent = tokens.issue(Identity.agent("a1", "demo", "admin"));
    assertEquals(Identity.agent("a1", "demo", "admin"), tokens.verify(agent, Identity.Kind.AGENT));
  }

  @Test
  void agentTokensExpireAfterTwelveHours() {
    String agent = tokens.issue(Identity.agent("a1", "demo", "agent"));
    Tokens later = new Tokens(SECRET, Clock.fixed(now.plus(Duration.ofHours(12)).plusSeconds(1), ZoneOffset.UTC));
    assertEquals("token_expired", assertThrows(TokenRejected.class, () -> later.verify(agent, Identity.Kind.AGENT)).code());
  }

  @Test
  void tamperedAndForeignTokensAreInvalid() {
    String token = tokens.issue(Identity.visitor("v1", "demo"));
    String tampered = token.substring(0, token.length() - 3) + (token.endsWith("AAA") ? "BBB" : "AAA");
    assertEquals("token_invalid", assertThrows(TokenRejected.class, () -> tokens.verify(tampered, Identity.Kind.VISITOR)).code());
    Tokens other = new Tokens("some-other-secret-that-is-long-enough-0123456789", Clock.systemUTC());
    assertEquals("token_invalid", assertThrows(TokenRejected.class,
        () -> other.verify(token, Identity.Kind.VISITOR)).code());
  }

  @Test
  void aTokenThisNodeSignedPassesForItsOwnKindOnlyAndUntilItExpiresLikeAnyOther() {
    AtomicReference<Instant> time = new AtomicReference<>(now.plusMillis(700));
    Tokens node = new Tokens(SECRET, new Clock() {
      @Override
      public Instant instant() {
        return time.get();
      }

      @Override
      public java.time.ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }
    });
    String visitor = node.issue(Identity.visitor("v1", "demo"));
    Tokens.Verified checked = node.check(visitor, Identity.Kind.VISITOR);
    assertEquals(Identity.visitor("v1", "demo"), checked.identity());
    assertEquals(now.plus(Tokens.VISITOR_TOKEN_LIFETIME), checked.expiresAt(), "the expiry the token itself carries, in whole seconds");
    assertEquals("token_wrong_audience", assertThrows(TokenRejected.class, () -> node.verify(visitor, Identity.Kind.AGENT)).code());

    time.set(now.plus(Tokens.VISITOR_TOKEN_LIFETIME).plusSeconds(1));
    assertEquals("token_expired", assertThrows(TokenRejected.class, () -> node.verify(visitor, Identity.Kind.VISITOR)).code());
  }

  @Test
  void aShortSecretIsRefusedAtStartUp() {
    assertThrows(IllegalArgumentException.class, () -> new Tokens("too-short", Clock.systemUTC()));
  }
}
