package org.plauder.attachment;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * A sent file's name as people see it and as a download offers it: only its last path segment,
 * no control or path characters, at most {@link #MAX_LENGTH} characters, and the extension of the
 * type its bytes have (a PDF called "photo.png" is offered as "photo.png.pdf"), so that whoever
 * opens it gets what it is.
 */
public final class FileNames {

  public static final int MAX_LENGTH = 120;

  private FileNames() {}

  /** The name from the upload's header (percent-encoded UTF-8), made safe; "file.ext" when nothing is left. */
  public static String fromHeader(String header, FileType type) {
    String decoded;
    try {
      decoded = header == null ? "" : URLDecoder.decode(header.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      decoded = "";
    }
    return safe(decoded, type);
  }

  /** The last segment of {@code raw} without characters that could mislead a file system, a header or a reader. */
  public static String safe(String raw, FileType type) {
    String name = Normalizer.normalize(raw, Normalizer.Form.NFC);
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    StringBuilder kept = new StringBuilder();
    name.codePoints().forEach(cp -> {
      boolean unsafe = Character.isISOControl(cp) || "\"<>:|?*;".indexOf(cp) >= 0
          || Character.getType(cp) == Character.FORMAT || Character.getType(cp) == Character.SURROGATE
          || Character.getType(cp) == Character.PRIVATE_USE || cp == 0xFFFD;
      kept.appendCodePoint(unsafe ? '_' : cp);
    });
    name = kept.toString().strip().replaceAll("^\\.+", "");
    if (name.isEmpty()) {
      name = "file";
    }
    String suffix = "." + type.extension();
    if (type.named(name)) { // its own extension, kept through the shortening below
      suffix = name.substring(name.lastIndexOf('.'));
      name = name.substring(0, name.lastIndexOf('.'));
    }
    int room = MAX_LENGTH - suffix.length();
    if (name.codePointCount(0, name.length()) > room) {
      name = name.substring(0, name.offsetByCodePoints(0, room));
    }
    return name + suffix;
  }

  /**
   * The {@code Content-Disposition} header: {@code inline} for images (shown in place),
   * {@code attachment} for PDFs (saved, never rendered on our origin), with an ASCII fallback name
   * and the exact one in RFC 5987 form.
   */
  public static String contentDisposition(String name, FileType type) {
    String ascii = name.codePoints().mapToObj(cp -> cp < 0x20 || cp > 0x7E || cp == '"' || cp == '\\' || cp == '%'
        ? "_" : String.valueOf((char) cp)).reduce("", String::concat);
    String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    return (type.isImage() ? "inline" : "attachment") + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }
}
