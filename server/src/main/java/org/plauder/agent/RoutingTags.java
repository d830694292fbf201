package org.plauder.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.plauder.protocol.Failure;

/**
 * The words routing matches chats and agents by: languages as ISO 639 codes ({@code de}, {@code en})
 * and skills as short free tags ({@code billing}, {@code technik}), both lower-cased, each listed once.
 */
public final class RoutingTags {

  public static final int MAX_LANGUAGES = 10;
  public static final int MAX_SKILLS = 20;
  public static final int MAX_SKILL_LENGTH = 40;

  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
  private static final Pattern SKILL = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_-]*");

  private RoutingTags() {}

  /** A checked list of languages; refused with a clear error when one is not an ISO code. */
  public static List<String> languages(List<?> given) {
    return checked(given, "languages", MAX_LANGUAGES, LANGUAGE, 3, "an ISO language code such as de or en");
  }

  /** A checked list of skills; refused with a clear error when one is not a short tag. */
  public static List<String> skills(List<?> given) {
    return checked(given, "skills", MAX_SKILLS, SKILL, MAX_SKILL_LENGTH,
        "a tag of letters, digits, - and _ (at most " + MAX_SKILL_LENGTH + " characters) such as billing");
  }

  /** One skill (a topic's), checked the same way. */
  public static String skill(Object given) {
    return skills(List.of(given == null ? "" : given)).get(0);
  }

  private static List<String> checked(List<?> given, String field, int max, Pattern pattern, int maxLength, String what) {
    if (given.size() > max) {
      throw Failure.badInput(field + " takes at most " + max + " entries");
    }
    List<String> out = new ArrayList<>();
    for (Object value : given) {
      String tag = value instanceof String s ? s.strip().toLowerCase(Locale.ROOT) : null;
      if (tag == null || tag.length() > maxLength || !pattern.matcher(tag).matches()) {
        throw Failure.badInput("each of " + field + " must be " + what);
      }
      if (!out.contains(tag)) {
        out.add(tag);
      }
    }
    return List.copyOf(out);
  }
}
