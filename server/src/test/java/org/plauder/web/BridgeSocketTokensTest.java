package org.plauder.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.plauder.MovableClock;
import org.plauder.auth.Identity;
import org.plauder.auth.TokenRejected;
import org.plauder.auth.Tokens;

/** A socket's sends verify its token once; what would refuse the token still refuses it the next time. */
class BridgeSocketTokensTest {

  private final MovableClock clock = new MovableClock(Instant.parse("2026-12-03T10:00:00Z"));
  private final Tokens tokens = new Tokens("a-secret-of-at-least-thirty-two-bytes!", clock);
  private final BridgeSocket socket = new BridgeSocket("s1");

  @Test
  void theSameTokenIsKnownAgainUntilItExpires() {
    String token = tokens.issue(Identity.agent("a1", "demo", "agent"));
    assertEquals("a1", socket.verifyToken(tokens, token, Identity.Kind.AGENT).id());
    assertEquals("a1", socket.verifyToken(tokens, token, Identity.Kind.AGENT).id());

    clock.advance(Tokens.AGENT_TOKEN_LIFETIME.plus(Duration.ofSeconds(1)));
    assertEquals("token_expired", assertThrows(TokenRejected.class,
        () -> socket.verifyToken(tokens, token, Identity.Kind.AGENT)).code());
  }

  @Test
  void aKnownTokenStillPassesOnlyForItsOwnKind() {
    String token = tokens.issue(Identity.visitor("v1", "demo"));
    assertEquals("v1", socket.verifyToken(tokens, token, Identity.Kind.VISITOR).id());
    assertEquals("token_wrong_audience", assertThrows(TokenRejected.class,
        () -> socket.verifyToken(tokens, token, Identity.Kind.AGENT)).code());
  }

  @Test
  void anotherTokenOnTheSameSocketIsVerifiedAfresh() {
    String visitor = tokens.issue(Identity.visitor("v1", "demo"));
    socket.verifyToken(tokens, visitor, Identity.Kind.VISITOR);
    String forged = visitor.substring(0, visitor.length() - 2) + (visitor.endsWith("AA") ? "BB" : "AA");
    assertEquals("token_invalid", assertThrows(TokenRejected.class,
        () -> socket.verifyToken(tokens, forged, Identity.Kind.VISITOR)).code());
    String other = tokens.issue(Identity.visitor("v2", "demo"));
    assertEquals("v2", socket.verifyToken(tokens, other, Identity.Kind.VISITOR).id());
  }
}
