package org.plauder.attachment;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The kinds of file a chat may carry, recognised by their first bytes (their magic numbers) and
 * never by a name or a browser's content type: an SVG or an HTML page called "image.png" is none
 * of these, and so it is refused.
 */
public enum FileType {
  PNG("image/png", "png"),
  JPEG("image/jpeg", "jpg"),
  GIF("image/gif", "gif"),
  WEBP("image/webp", "webp"),
  PDF("application/pdf", "pdf");

  /** How many leading bytes {@link #sniff} needs at most. */
  public static final int SNIFF_BYTES = 12;

  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
  private static final byte[] GIF87 = "GIF87a".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] GIF89 = "GIF89a".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] RIFF = "RIFF".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] WEBP_TAG = "WEBP".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

  private final String mime;
  private final String extension;

  FileType(String mime, String extension) {
    this.mime = mime;
    this.extension = extension;
  }

  public String mime() {
    return mime;
  }

  public String extension() {
    return extension;
  }

  public boolean isImage() {
    return this != PDF;
  }

  /** The type the file's first bytes say, or null when they are none of ours. */
  public static FileType sniff(byte[] head) {
    if (startsWith(head, 0, PNG_MAGIC)) {
      return PNG;
    }
    if (startsWith(head, 0, JPEG_MAGIC)) {
      return JPEG;
    }
    if (startsWith(head, 0, GIF87) || startsWith(head, 0, GIF89)) {
      return GIF;
    }
    if (startsWith(head, 0, RIFF) && startsWith(head, 8, WEBP_TAG)) {
      return WEBP;
    }
    if (startsWith(head, 0, PDF_MAGIC)) {
      return PDF;
    }
    return null;
  }

  /** The type stored under that MIME type, or null. */
  public static FileType ofMime(String mime) {
    for (FileType t : values()) {
      if (t.mime.equals(mime)) {
        return t;
      }
    }
    return null;
  }

  /** True when the name already ends in this type's extension (or JPEG's other one). */
  boolean named(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith("." + extension) || (this == JPEG && lower.endsWith(".jpeg"));
  }

  private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
    if (bytes == null || bytes.length < offset + prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[offset + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
