package org.plauder.auth;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.IncorrectClaimException;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.MissingClaimException;
import io.jsonwebtoken.security.Keys;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.SecretKey;

/**
 * Issues and verifies the signed tokens of visitors and agents. The two kinds differ in audience,
 * so a visitor token never passes as an agent's. Every token carries an expiry.
 */
public final class Tokens {

  public static final Duration VISITOR_TOKEN_LIFETIME = Duration.ofDays(30);
  public static final Duration AGENT_TOKEN_LIFETIME = Duration.ofHours(12);

  private static final int MAX_TOKEN_LENGTH = 4096;

  private final SecretKey key;
  private final Clock clock;
  private final JwtParser visitorParser;
  private final JwtParser agentParser;
  /** The tokens this node signed last, by their text; see {@link #check}. Guarded by itself. */
  private final Map<String, Verified> issuedLately = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Verified> eldest) {
      return size() > ISSUED_REMEMBERED;
    }
  };

  /** A visitor's socket registers right after its mint; a thousand cover a second at 1,000 mints a second (a later check parses). */
  static final int ISSUED_REMEMBERED = 1_000;

  public Tokens(String secret, Clock clock) {
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    if (bytes.length < 32) {
      throw new IllegalArgumentException("the JWT secret must be at least 32 bytes long");
    }
    this.key = Keys.hmacShaKeyFor(bytes);
    this.clock = clock;
    this.visitorParser = parser(Identity.Kind.VISITOR);
    this.agentParser = parser(Identity.Kind.AGENT);
  }

  private JwtParser parser(Identity.Kind kind) {
    return Jwts.parser()
        .verifyWith(key)
        .requireAudience(kind.audience())
        .clock(() -> Date.from(clock.instant()))
        .build();
  }

  public String issue(Identity identity) {
    Instant now = clock.instant();
    Duration lifetime = identity.kind() == Identity.Kind.VISITOR ? VISITOR_TOKEN_LIFETIME : AGENT_TOKEN_LIFETIME;
    var builder = Jwts.builder()
        .subject(identity.id())
        .audience().add(identity.kind().audience()).and()
        .claim("site", identity.siteKey())
        .issuedAt(Date.from(now))
        .expiration(Date.from(now.plus(lifetime)));
    if (identity.role() != null) {
      builder.claim("role", identity.role());
    }
    String token = builder.signWith(key).compact();
    synchronized (issuedLately) {
      issuedLately.put(token, new Verified(identity, now.plus(lifetime).truncatedTo(ChronoUnit.SECONDS))); // as the token says
    }
    return token;
  }

  /** A token that passed {@link #check}: whose it is, and until when. */
  public record Verified(Identity identity, Instant expiresAt) {}

  /** Verifies signature, expiry and audience; throws {@link TokenRejected} otherwise. */
  public Identity verify(String token, Identity.Kind expected) {
    return check(token, expected).identity();
  }

  /** Whether a token verified earlier has not expired since. */
  public boolean stillValid(Verified verified) {
    return clock.instant().isBefore(verified.expiresAt());
  }

  /** As {@link #verify}, with the token's expiry, for a caller that meets the same token again. */
  public Verified check(String token, Identity.Kind expected) {
    if (token == null || token.isBlank()) {
      throw new TokenRejected("token_missing", "no token was sent");
    }
    if (token.length() > MAX_TOKEN_LENGTH) {
      throw new TokenRejected("token_invalid", "the token is not valid");
    }
    // A token this node has just signed is the same text, so it needs no parsing: checking one costs
    // about twice as much as signing it, a third of a new visitor's work on the HTTP event loop.
    Verified signedHere;
    synchronized (issuedLately) {
      signedHere = issuedLately.get(token);
    }
    if (signedHere != null && signedHere.identity().kind() == expected && stillValid(signedHere)) {
      return signedHere;
    }
    JwtParser parser = expected == Identity.Kind.VISITOR ? visitorParser : agentParser;
    Claims claims;
    try {
      claims = parser.parseSignedClaims(token).getPayload();
    } catch (ExpiredJwtException e) {
      throw new TokenRejected("token_expired", "the token has expired");
    } catch (IncorrectClaimException | MissingClaimException e) {
      throw new TokenRejected("token_wrong_audience", "the token is not meant for this use");
    } catch (JwtException | IllegalArgumentException e) {
      throw new TokenRejected("token_invalid", "the token is not valid");
    }
    String subject = claims.getSubject();
    String site = claims.get("site", String.class);
    if (subject == null || site == null || claims.getExpiration() == null) {
      throw new TokenRejected("token_invalid", "the token is not valid");
    }
    Identity identity = expected == Identity.Kind.VISITOR
        ? Identity.visitor(subject, site)
        : Identity.agent(subject, site, claims.get("role", String.class));
    return new Verified(identity, claims.getExpiration().toInstant());
  }
}
