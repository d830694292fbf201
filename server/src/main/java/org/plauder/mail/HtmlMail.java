package org.plauder.mail;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * An HTML-only mail shown as text: the OWASP sanitizer with no element allowed keeps the text
 * and drops everything else, scripts and styles with their content; line breaks of blocks are
 * kept. What comes out is plain text, which the dashboard sets with textContent.
 */
public final class HtmlMail {

  private static final PolicyFactory TEXT_ONLY = new HtmlPolicyBuilder().toFactory();
  private static final Pattern BREAK = Pattern.compile("(?i)<br\\s*/?>|</(p|div|li|tr|h[1-6]|blockquote)\\s*>");
  private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#x[0-9a-fA-F]{1,6}|amp|lt|gt|quot|apos|nbsp);");

  private HtmlMail() {
  }

  public static String toText(String html) {
    if (html == null) {
      return "";
    }
    String sanitised = TEXT_ONLY.sanitize(BREAK.matcher(html).replaceAll("\n"));
    Matcher m = ENTITY.matcher(sanitised);
    StringBuilder text = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(text, Matcher.quoteReplacement(decode(m.group(1))));
    }
    m.appendTail(text);
    return text.toString().replace('\u00a0', ' ').replaceAll("[ \t]+\n", "\n").replaceAll("\n{3,}", "\n\n").strip();
  }

  private static String decode(String entity) {
    return switch (entity) {
      case "amp" -> "&";
      case "lt" -> "<";
      case "gt" -> ">";
      case "quot" -> "\"";
      case "apos" -> "'";
      case "nbsp" -> " ";
      default -> {
        int code = entity.startsWith("#x") ? Integer.parseInt(entity.substring(2), 16) : Integer.parseInt(entity.substring(1));
        yield Character.isValidCodePoint(code) ? new String(Character.toChars(code)) : "";
      }
    };
  }
}
