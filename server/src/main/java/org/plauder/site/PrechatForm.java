package org.plauder.site;

import java.util.Locale;
import org.plauder.protocol.Failure;

/**
 * What a site asks of a visitor before a chat: name and e-mail (each off, optional or required)
 * and whether the visitor must agree to a consent line (linking the site's privacy page). The
 * rules are checked by the server for every new chat; a verified user is never asked.
 */
public record PrechatForm(boolean enabled, Field name, Field email, boolean consentRequired, String privacyUrl) {

  /** How the form asks for one field. */
  public enum Field {
    OFF, OPTIONAL, REQUIRED;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The field setting of that wire name, or null. */
    public static Field of(Object wire) {
      for (Field f : values()) {
        if (f.wire().equals(wire)) {
          return f;
        }
      }
      return null;
    }
  }

  /** A site that asks nothing (the default); the fields as the form would ask once it is turned on. */
  public static final PrechatForm NONE = new PrechatForm(false, Field.OPTIONAL, Field.REQUIRED, true, null);

  /**
   * The refusal for what a chat request's answers (blank ones null) lack, named so the widget can say which field (codes
   * {@code name_required}, {@code email_required}, {@code consent_required}); null when nothing.
   */
  public Failure missing(String givenName, String givenEmail, boolean consent) {
    if (!enabled) {
      return null;
    }
    if (name == Field.REQUIRED && givenName == null) {
      return new Failure(400, "name_required", "this site's pre-chat form requires a name");
    }
    if (email == Field.REQUIRED && givenEmail == null) {
      return new Failure(400, "email_required", "this site's pre-chat form requires an e-mail address");
    }
    if (consentRequired && !consent) {
      return new Failure(400, "consent_required", "this site's pre-chat form requires consent to storing the details (consent: true)");
    }
    return null;
  }
}
