package org.plauder.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.plauder.protocol.Failure;
import org.plauder.site.PrechatForm.Field;

/** What a chat request must answer of a site's pre-chat form, without a server. */
class PrechatFormTest {

  private static final PrechatForm NAME_AND_EMAIL = new PrechatForm(true, Field.REQUIRED, Field.REQUIRED, true, "https://shop/privacy");

  @Test
  void eachMissingRequiredAnswerIsNamedByItsCode() {
    assertEquals("name_required", code(NAME_AND_EMAIL.missing(null, "eva@example.org", true)));
    assertEquals("email_required", code(NAME_AND_EMAIL.missing("Eva", null, true)));
    assertEquals("consent_required", code(NAME_AND_EMAIL.missing("Eva", "eva@example.org", false)));
    assertEquals(400, NAME_AND_EMAIL.missing("Eva", null, true).status());
    assertNull(NAME_AND_EMAIL.missing("Eva", "eva@example.org", true));
  }

  @Test
  void optionalAndOffFieldsAndAnOptionalConsentAskNothing() {
    PrechatForm relaxed = new PrechatForm(true, Field.OFF, Field.OPTIONAL, false, null);
    assertNull(relaxed.missing(null, null, false));
    assertEquals("email_required", code(new PrechatForm(true, Field.OFF, Field.REQUIRED, false, null).missing("Eva", null, false)));
  }

  @Test
  void aFormThatIsOffAsksNothingHoweverItsFieldsAreSet() {
    assertNull(new PrechatForm(false, Field.REQUIRED, Field.REQUIRED, true, null).missing(null, null, false));
    assertNull(PrechatForm.NONE.missing(null, null, false));
  }

  @Test
  void fieldSettingsReadOnlyTheirWireNames() {
    assertEquals(Field.REQUIRED, Field.of("required"));
    assertEquals(Field.OFF, Field.of("off"));
    assertNull(Field.of("REQUIRED"));
    assertNull(Field.of(1));
  }

  private static String code(Failure f) {
    return f == null ? null : f.code();
  }
}
