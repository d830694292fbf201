package org.plauder.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.plauder.site.Mailbox;

/** The support mailbox from PLAUDER_MAIL_* variables: URLs with their security and default ports, the login, clear errors. */
class MailboxVariablesTest {

  @Test
  void withoutAnAddressThereIsNoMailboxFromTheEnvironment() {
    assertNull(MailboxVariables.fromEnvironment(Map.of("PLAUDER_MAIL_IMAP_URL", "imaps://imap.shop.example")));
  }

  @Test
  void theUrlsSayHostPortSecurityAndLogin() {
    MailboxVariables v = MailboxVariables.fromEnvironment(Map.of(
        "PLAUDER_MAIL_ADDRESS", "support@shop.example",
        "PLAUDER_MAIL_IMAP_URL", "imaps://support%40shop.example:geheim%2B1@imap.shop.example",
        "PLAUDER_MAIL_SMTP_URL", "smtp://smtp.shop.example",
        "PLAUDER_MAIL_SITE", "shop"));
    assertEquals("shop", v.siteKey());
    Mailbox box = v.mailbox();
    assertTrue(box.enabled());
    assertEquals("imap.shop.example", box.imapHost());
    assertEquals(993, box.imapPort());
    assertEquals(Mailbox.Security.SSL, box.imapSecurity());
    assertEquals(587, box.smtpPort());
    assertEquals(Mailbox.Security.STARTTLS, box.smtpSecurity());
    assertEquals("support@shop.example", box.username());
    assertEquals("geheim+1", box.password());
    assertEquals(Mailbox.DEFAULT_POLL_SECONDS, box.pollSeconds());
  }

  @Test
  void aPasswordVariableWinsAndPlainNeedsItsPort() {
    MailboxVariables v = MailboxVariables.fromEnvironment(Map.of(
        "PLAUDER_MAIL_ADDRESS", "support@shop.example",
        "PLAUDER_MAIL_IMAP_URL", "imap+plain://127.0.0.1:3143",
        "PLAUDER_MAIL_SMTP_URL", "smtp+plain://127.0.0.1:3025",
        "PLAUDER_MAIL_PASSWORD", "aus-der-variable",
        "PLAUDER_MAIL_POLL_SECONDS", "5"));
    assertEquals("demo", v.siteKey());
    assertEquals(Mailbox.Security.NONE, v.mailbox().imapSecurity());
    assertEquals(3025, v.mailbox().smtpPort());
    assertEquals("support@shop.example", v.mailbox().username(), "the address is the login when no user is given");
    assertEquals("aus-der-variable", v.mailbox().password());
    assertEquals(5, v.mailbox().pollSeconds());
  }

  @Test
  void aBadValueNamesItsVariable() {
    Map<String, String> base = Map.of("PLAUDER_MAIL_ADDRESS", "support@shop.example", "PLAUDER_MAIL_PASSWORD", "x",
        "PLAUDER_MAIL_SMTP_URL", "smtps://smtp.shop.example");
    assertTrue(assertThrows(IllegalArgumentException.class, () -> MailboxVariables.fromEnvironment(base))
        .getMessage().startsWith("PLAUDER_MAIL_IMAP_URL is required"));
    java.util.HashMap<String, String> pop = new java.util.HashMap<>(base);
    pop.put("PLAUDER_MAIL_IMAP_URL", "pop3://pop.shop.example");
    assertTrue(assertThrows(IllegalArgumentException.class, () -> MailboxVariables.fromEnvironment(pop))
        .getMessage().startsWith("PLAUDER_MAIL_IMAP_URL must start with imaps://"));
    pop.put("PLAUDER_MAIL_IMAP_URL", "imaps://imap.shop.example");
    pop.put("PLAUDER_MAIL_POLL_SECONDS", "0");
    assertEquals("PLAUDER_MAIL_*: pollSeconds must be between 1 and 3600",
        assertThrows(IllegalArgumentException.class, () -> MailboxVariables.fromEnvironment(pop)).getMessage());
    pop.remove("PLAUDER_MAIL_POLL_SECONDS");
    pop.remove("PLAUDER_MAIL_PASSWORD");
    assertTrue(assertThrows(IllegalArgumentException.class, () -> MailboxVariables.fromEnvironment(pop))
        .getMessage().startsWith("PLAUDER_MAIL_PASSWORD"));
  }
}
