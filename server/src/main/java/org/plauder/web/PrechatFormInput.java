package org.plauder.web;

import io.vertx.core.json.JsonObject;
import java.util.Set;
import org.plauder.protocol.Failure;
import org.plauder.protocol.Inputs;
import org.plauder.site.PrechatForm;

/** An admin's pre-chat form from {@code PATCH /api/v1/site}: every field checked, nothing else accepted. */
final class PrechatFormInput {

  private static final Set<String> FIELDS = Set.of("enabled", "name", "email", "consentRequired", "privacyUrl");
  private static final int MAX_URL = 500;

  private PrechatFormInput() {}

  static PrechatForm parse(Object value) {
    if (!(value instanceof JsonObject form) || !form.fieldNames().containsAll(FIELDS) || !FIELDS.containsAll(form.fieldNames())) {
      throw Failure.badInput("prechatForm must be an object with exactly " + FIELDS);
    }
    PrechatForm.Field name = field(form, "name");
    PrechatForm.Field email = field(form, "email");
    String privacyUrl = Inputs.optionalString(form, "privacyUrl", MAX_URL);
    if (privacyUrl != null && !privacyUrl.matches("https?://[^\\s]+")) {
      throw Failure.badInput("prechatForm.privacyUrl must be an http:// or https:// address");
    }
    return new PrechatForm(Inputs.bool(form, "enabled"), name, email, Inputs.bool(form, "consentRequired"), privacyUrl);
  }

  private static PrechatForm.Field field(JsonObject form, String key) {
    PrechatForm.Field f = PrechatForm.Field.of(form.getValue(key));
    if (f == null) {
      throw Failure.badInput("prechatForm." + key + " must be off, optional or required");
    }
    return f;
  }
}
