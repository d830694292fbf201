package org.plauder.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CardNumbersTest {

  @Test
  void luhnValidNumbersOfThirteenToNineteenDigitsAreMaskedButTheLastFour() {
    assertEquals("••••••••••••1111", CardNumbers.mask("4111111111111111"));
    assertEquals("Nr. •••• •••• •••• 4444.", CardNumbers.mask("Nr. 5555 5555 5555 4444."));
    assertEquals("••••-••••••-•0005", CardNumbers.mask("3782-822463-10005"));
    assertEquals("•••••••••2222", CardNumbers.mask("4222222222222"));
  }

  @Test
  void otherNumbersStayAsTheyAre() {
    assertEquals("4111111111111112", CardNumbers.mask("4111111111111112"));
    assertEquals("Bestellung 123456789012", CardNumbers.mask("Bestellung 123456789012"));
    assertEquals("Tel. +49 30 1234567", CardNumbers.mask("Tel. +49 30 1234567"));
    assertEquals("41111111111111111111", CardNumbers.mask("41111111111111111111"));
    assertEquals("no digits", CardNumbers.mask("no digits"));
  }

  @Test
  void luhnCheck() {
    assertTrue(CardNumbers.passesLuhn("79927398713"));
    assertFalse(CardNumbers.passesLuhn("79927398710"));
  }
}
