package org.plauder.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A site's backend vouches for its logged-in user: {@code userHash} is the HMAC-SHA256 of the
 * user id (UTF-8) keyed with the site's identity secret (the secret's text as UTF-8), in hex.
 * Only the site's backend and Plauder know the secret, so a page script cannot make one up.
 */
public final class UserSignature {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final HexFormat HEX = HexFormat.of();

  private UserSignature() {}

  /** A new identity secret: 32 random bytes as 64 hex digits. */
  public static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return HEX.formatHex(bytes);
  }

  /** The hash a site's backend sends for {@code userId}, lower-case hex. */
  public static String sign(String secret, String userId) {
    return HEX.formatHex(hmac(secret, userId));
  }

  /**
   * Whether {@code userHash} is the signature of {@code userId} under {@code secret}. Compared in
   * constant time, so the answer's timing tells nothing about how much of a guess was right;
   * upper-case hex is accepted too.
   */
  public static boolean verifies(String secret, String userId, String userHash) {
    if (secret == null || userId == null || userHash == null || userHash.length() != 64) {
      return false;
    }
    byte[] given;
    try {
      given = HEX.parseHex(userHash);
    } catch (IllegalArgumentException notHex) {
      return false;
    }
    return MessageDigest.isEqual(hmac(secret, userId), given);
  }

  private static byte[] hmac(String secret, String userId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(userId.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java 17", e);
    }
  }
}
