package org.plauder.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The signature a site's backend makes for its logged-in user, checked without a server. */
class UserSignatureTest {

  /** {@code printf 'cust-42' | openssl dgst -sha256 -hmac 'f00dfeed'}: what the docs' snippets compute. */
  private static final String OPENSSL_HASH = "15146354a20bde380d710a17364049f1a6dbe3923b55b881a6ada43845c63654";

  @Test
  void theHashIsTheHexHmacSha256OfTheUserIdAsOpensslMakesIt() {
    assertEquals(OPENSSL_HASH, UserSignature.sign("f00dfeed", "cust-42"));
    assertTrue(UserSignature.verifies("f00dfeed", "cust-42", OPENSSL_HASH));
    assertTrue(UserSignature.verifies("f00dfeed", "cust-42", OPENSSL_HASH.toUpperCase()), "upper-case hex is the same bytes");
  }

  @Test
  void aHashForAnotherUserOrUnderAnotherSecretIsRefused() {
    assertFalse(UserSignature.verifies("f00dfeed", "cust-43", OPENSSL_HASH), "another user id");
    assertFalse(UserSignature.verifies("f00dfeee", "cust-42", OPENSSL_HASH), "another (e.g. rotated) secret");
    String flipped = (OPENSSL_HASH.charAt(0) == '0' ? "1" : "0") + OPENSSL_HASH.substring(1);
    assertFalse(UserSignature.verifies("f00dfeed", "cust-42", flipped), "one digit off");
  }

  @Test
  void malformedHashesAreRefusedWithoutAnError() {
    assertFalse(UserSignature.verifies("f00dfeed", "cust-42", OPENSSL_HASH.substring(2)), "too short");
    assertFalse(UserSignature.verifies("f00dfeed", "cust-42", OPENSSL_HASH + "00"), "too long");
    assertFalse(UserSignature.verifies("f00dfeed", "cust-42", "zz" + OPENSSL_HASH.substring(2)), "not hex");
    assertFalse(UserSignature.verifies("f00dfeed", "cust-42", ""), "empty");
    assertFalse(UserSignature.verifies(null, "cust-42", OPENSSL_HASH), "no secret");
    assertFalse(UserSignature.verifies("f00dfeed", "cust-42", null), "no hash");
  }

  @Test
  void newSecretsAre64HexDigitsAndNeverRepeat() {
    String one = UserSignature.newSecret();
    String two = UserSignature.newSecret();
    assertTrue(one.matches("[0-9a-f]{64}"), one);
    assertNotEquals(one, two);
    assertTrue(UserSignature.verifies(one, "u", UserSignature.sign(one, "u")));
  }
}
