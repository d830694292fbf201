package org.plauder.transcript;

import java.time.ZoneId;
import java.util.Locale;
import org.plauder.site.Site;

/**
 * Who reads a transcript, as far as its look goes: the site's name, the reader's language
 * ({@code de} or {@code en}) and the time zone the site's times are shown in.
 */
public record Reader(String siteName, String language, ZoneId zone) {

  /** The language a transcript is written in when the reader's is not one of ours. */
  public static final String FALLBACK_LANGUAGE = "en";

  public Reader {
    language = "de".equals(language) ? "de" : FALLBACK_LANGUAGE;
  }

  /** German as in Germany; English as in Britain (day before month, a 24-hour clock), as the shops' customers read it. */
  /** A reader of this site's transcripts in {@code language} (null: the site's first). */
  public static Reader of(Site site, String language) {
    return new Reader(site.name(), language != null ? language : site.languages().get(0), ZoneId.of(site.timeZone()));
  }

  public Locale locale() {
    return german() ? Locale.GERMANY : Locale.UK;
  }

  public boolean german() {
    return "de".equals(language);
  }
}
