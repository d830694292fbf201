package org.plauder.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MailThreadingTest {

  private final MailThreading threading = new MailThreading();

  @Test
  void aTokenIsTwentyUnguessableLettersAndDigits() {
    String token = threading.newToken();
    assertTrue(token.matches("[a-z2-7]{20}"), token);
    assertNotEquals(token, threading.newToken());
  }

  @Test
  void theTokenIsFoundInAReplysReferencesWhateverItsSubject() {
    String answer = MailThreading.messageId("abcdefghijklmnopqrst", 4, "shop.test");
    assertEquals("<plauder.abcdefghijklmnopqrst.4@shop.test>", answer);
    List<String> refs = MailThreading.referencedIds(" " + answer + " ", "<first@kunde.test>\r\n " + answer);
    assertEquals(List.of(answer, "<first@kunde.test>"), refs, "each once, In-Reply-To first");
    assertEquals("abcdefghijklmnopqrst", MailThreading.tokenIn(refs));
  }

  @Test
  void idsPlauderDidNotMakeCarryNoToken() {
    assertNull(MailThreading.tokenIn(List.of("<first@kunde.test>", "<plauder.short.1@shop.test>",
        "<plauder.ABCDEFGHIJKLMNOPQRST.1@shop.test>")));
    assertNull(MailThreading.tokenIn(MailThreading.referencedIds(null, null)));
    assertNull(MailThreading.tokenIn(MailThreading.referencedIds("no id here", "plauder.abcdefghijklmnopqrst.1@shop.test")));
  }

  @Test
  void replySubjectsGetOneRe() {
    assertEquals("Re: Rechnung", MailThreading.replySubject("Rechnung"));
    assertEquals("Re: Rechnung", MailThreading.replySubject("Re: Rechnung"));
    assertEquals("AW: Rechnung", MailThreading.replySubject("AW: Rechnung"));
    assertEquals("Re:", MailThreading.replySubject(null));
  }

  @Test
  void referencesKeepTheFirstAndTheLatestIds() {
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= 15; i++) {
      ids.add("<" + i + "@x>");
    }
    assertEquals("<1@x> <2@x>", MailThreading.references(ids.subList(0, 2)));
    List<String> kept = List.of(MailThreading.references(ids).split(" "));
    assertEquals(10, kept.size());
    assertEquals("<1@x>", kept.get(0));
    assertEquals("<7@x>", kept.get(1));
    assertEquals("<15@x>", kept.get(9));
  }
}
