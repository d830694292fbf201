package org.plauder.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which client address a node believes, from the peer and X-Forwarded-For (PLAUDER_TRUSTED_PROXIES). */
class TrustedProxiesTest {

  private final TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8, 192.168.1.7, ::1, 2001:db8::/32");

  @Test
  void withoutTrustedProxiesTheSocketsAddressIsTheClient() {
    assertEquals("10.1.2.3", TrustedProxies.none().clientAddress("10.1.2.3", List.of("203.0.113.9")));
    assertEquals("10.1.2.3", TrustedProxies.parse("").clientAddress("10.1.2.3", List.of("203.0.113.9")));
    assertEquals("10.1.2.3", TrustedProxies.parse(null).clientAddress("10.1.2.3", List.of("203.0.113.9")));
  }

  @Test
  void aConnectionFromAnUnlistedAddressIsNotBelievedWhateverItForwards() {
    assertEquals("203.0.113.50", proxies.clientAddress("203.0.113.50", List.of("198.51.100.1")));
  }

  @Test
  void aListedProxyNamesTheClientInXForwardedFor() {
    assertEquals("203.0.113.9", proxies.clientAddress("10.0.0.5", List.of("203.0.113.9")));
    assertEquals("203.0.113.9", proxies.clientAddress("192.168.1.7", List.of("203.0.113.9")));
    assertEquals("203.0.113.9", proxies.clientAddress("::1", List.of("203.0.113.9")));
  }

  @Test
  void theRightMostUntrustedHopIsTakenSoAForgedLeftPartChangesNothing() {
    // The client wrote "1.1.1.1, 8.8.8.8" itself; the proxy appended the address it saw.
    assertEquals("203.0.113.9", proxies.clientAddress("10.0.0.5", List.of("1.1.1.1, 8.8.8.8, 203.0.113.9")));
    // Two proxies in a row: both are skipped.
    assertEquals("203.0.113.9", proxies.clientAddress("10.0.0.5", List.of("1.1.1.1, 203.0.113.9, 10.9.9.9")));
    // Several headers count as one list, in order.
    assertEquals("203.0.113.9", proxies.clientAddress("10.0.0.5", List.of("1.1.1.1", "203.0.113.9, 10.9.9.9")));
  }

  @Test
  void whenEveryHopIsAProxyTheLeftMostIsTheClient() {
    assertEquals("10.2.2.2", proxies.clientAddress("10.0.0.5", List.of("10.2.2.2, 10.3.3.3")));
  }

  @Test
  void withoutTheHeaderTheProxyItselfIsTheClient() {
    assertEquals("10.0.0.5", proxies.clientAddress("10.0.0.5", List.of()));
    assertEquals("10.0.0.5", proxies.clientAddress("10.0.0.5", null));
  }

  @Test
  void anUnreadableHopEndsTheWalkAtTheLastAddressAProxyVouchedFor() {
    assertEquals("10.9.9.9", proxies.clientAddress("10.0.0.5", List.of("203.0.113.9, evil.example, 10.9.9.9")));
    assertEquals("10.0.0.5", proxies.clientAddress("10.0.0.5", List.of("not an address")));
    assertEquals("10.0.0.5", proxies.clientAddress("10.0.0.5", List.of("999.1.1.1")));
  }

  @Test
  void portsAndBracketsThatSomeProxiesWriteAreDropped() {
    assertEquals("203.0.113.9", proxies.clientAddress("10.0.0.5", List.of("203.0.113.9:51234")));
    assertEquals("2001:db9:0:0:0:0:0:1", proxies.clientAddress("10.0.0.5", List.of("[2001:db9::1]:443")));
    assertEquals("2001:db9:0:0:0:0:0:1", proxies.clientAddress("10.0.0.5", List.of("2001:db9::1")));
  }

  @Test
  void cidrPrefixesMatchBitByBit() {
    TrustedProxies p = TrustedProxies.parse("172.16.0.0/12");
    assertTrue(p.trusts("172.16.0.1"));
    assertTrue(p.trusts("172.31.255.255"));
    assertFalse(p.trusts("172.32.0.1"));
    assertFalse(p.trusts("172.15.255.255"));
    assertTrue(proxies.trusts("2001:db8:ffff::1"));
    assertFalse(proxies.trusts("2001:db9::1"));
    assertFalse(proxies.trusts("::2"));
    assertTrue(TrustedProxies.parse("0.0.0.0/0").trusts("8.8.8.8"));
    assertFalse(TrustedProxies.parse("0.0.0.0/0").trusts("::1"), "an IPv4 network never matches IPv6");
  }

  @Test
  void namesAreNeverLookedUp() {
    assertFalse(proxies.trusts("localhost"));
    assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("localhost"));
  }

  @Test
  void aTypoIsAConfigurationErrorNotSilentlyNobody() {
    assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("10.0.0.0/33"));
    assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("10.0.0/8"));
    assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("10.0.0.1/x"));
    assertThrows(IllegalArgumentException.class,
        () -> Config.fromEnvironment(Map.of("PLAUDER_TRUSTED_PROXIES", "10.0.0.300")));
  }

  @Test
  void theEnvironmentVariableIsReadAndDefaultsToNone() {
    assertTrue(Config.fromEnvironment(Map.of()).trustedProxies().isEmpty());
    assertTrue(Config.fromEnvironment(Map.of("PLAUDER_TRUSTED_PROXIES", "127.0.0.1, 10.0.0.0/8")).trustedProxies().trusts("10.4.4.4"));
    assertEquals(10, Config.fromEnvironment(Map.of()).shutdownSeconds());
    assertEquals(3, Config.fromEnvironment(Map.of("PLAUDER_SHUTDOWN_SECONDS", "3")).shutdownSeconds());
    assertThrows(IllegalArgumentException.class, () -> Config.fromEnvironment(Map.of("PLAUDER_SHUTDOWN_SECONDS", "0")));
  }
}
