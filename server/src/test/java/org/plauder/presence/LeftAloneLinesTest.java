package org.plauder.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The line a visitor reads when its agent left: plain text rules, no server. */
class LeftAloneLinesTest {

  @Test
  void withNobodyOnlineTheVisitorIsAskedToLeaveAMessageInItsLanguage() {
    assertEquals("Anna ist nicht mehr erreichbar, und gerade ist niemand sonst online. Hinterlassen Sie uns eine Nachricht – wir"
        + " antworten per E-Mail.", LeftAloneLines.text("de", "Anna", true));
    assertEquals("Anna is no longer available, and nobody else is online right now. Leave us a message and we will answer by e-mail.",
        LeftAloneLines.text("en", "Anna", true));
  }

  @Test
  void withColleaguesOnlineTheChatWaitsForOne() {
    assertEquals("Anna ist nicht mehr da; gleich übernimmt eine Kollegin oder ein Kollege.", LeftAloneLines.text("de", "Anna", false));
    assertEquals("Anna has left; a colleague will take over shortly.", LeftAloneLines.text("en", "Anna", false));
  }

  @Test
  void anAgentWithoutANameIsTheVisitorsAgent() {
    assertEquals("Your agent has left; a colleague will take over shortly.", LeftAloneLines.text("en", null, false));
    assertEquals("Ihr Ansprechpartner ist nicht mehr da; gleich übernimmt eine Kollegin oder ein Kollege.",
        LeftAloneLines.text("de", null, false));
  }
}
