package org.plauder.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.plauder.protocol.Failure;

class MessageRulesTest {

  private final MessageRules rules = new MessageRules(10);

  @Test
  void ordinaryTextWithNewlinesEmojiAndMarkupIsKeptAsIs() {
    assertEquals("<b>x</b>\n", rules.validText("<b>x</b>\n"));
    assertEquals("🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂", rules.validText("🙂".repeat(10)));
  }

  @Test
  void emptyTooLongNonStringAndBrokenTextIsRefused() {
    assertThrows(Failure.class, () -> rules.validText(""));
    assertThrows(Failure.class, () -> rules.validText(" \n "));
    assertThrows(Failure.class, () -> rules.validText("x".repeat(11)));
    assertThrows(Failure.class, () -> rules.validText(42));
    assertThrows(Failure.class, () -> rules.validText(null));
    assertThrows(Failure.class, () -> rules.validText("a\uD800b"));
    assertThrows(Failure.class, () -> rules.validText("a\uDC00"));
    assertThrows(Failure.class, () -> rules.validText("bell\u0007"));
  }

  @Test
  void clientMsgIdsAreShortPlainTokens() {
    assertEquals("c-1_A", rules.validClientMsgId("c-1_A"));
    assertThrows(Failure.class, () -> rules.validClientMsgId(""));
    assertThrows(Failure.class, () -> rules.validClientMsgId("x".repeat(65)));
    assertThrows(Failure.class, () -> rules.validClientMsgId("$where"));
    assertThrows(Failure.class, () -> rules.validClientMsgId(7));
  }
}
