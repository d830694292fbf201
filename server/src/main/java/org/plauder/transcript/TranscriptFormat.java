package org.plauder.transcript;

import java.util.Locale;

/** The formats a transcript can be exported in, with their media types and file extensions. */
public enum TranscriptFormat {
  JSON("application/json; charset=utf-8", "json"),
  CSV("text/csv; charset=utf-8", "csv"),
  TXT("text/plain; charset=utf-8", "txt"),
  HTML("text/html; charset=utf-8", "html"),
  NDJSON("application/x-ndjson; charset=utf-8", "ndjson");

  private final String mediaType;
  private final String extension;

  TranscriptFormat(String mediaType, String extension) {
    this.mediaType = mediaType;
    this.extension = extension;
  }

  public String mediaType() {
    return mediaType;
  }

  public String extension() {
    return extension;
  }

  /** The format for a query value, or null when there is none of that name. */
  public static TranscriptFormat fromWire(String value) {
    if (value == null) {
      return null;
    }
    for (TranscriptFormat f : values()) {
      if (f.extension.equals(value.toLowerCase(Locale.ROOT))) {
        return f;
      }
    }
    return null;
  }
}
