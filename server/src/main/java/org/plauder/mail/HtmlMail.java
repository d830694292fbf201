package org.plauder.mail;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.HtmlSanitizer;
import org.owasp.html.HtmlStreamEventReceiver;
import org.owasp.html.PolicyFactory;

/**
 * An HTML-only mail shown as text: the OWASP sanitizer reads it (scripts and styles go with their
 * content) and hands over its text, the ends of blocks as line breaks, and each link whose target
 * is a web or mail address; that target follows the link's text in brackets, so
 * {@code <a href="https://track.example/1">Sendungsverfolgung</a>} reads
 * "Sendungsverfolgung (https://track.example/1)". What comes out is plain text, which the
 * dashboard sets with textContent and in which it makes only http(s) and mailto addresses links.
 */
public final class HtmlMail {

  private static final Set<String> BLOCKS = Set.of("p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote");
  private static final Set<String> CELLS = Set.of("td", "th");
  private static final PolicyFactory TEXT_AND_LINKS = new HtmlPolicyBuilder()
      .allowElements(BLOCKS.toArray(String[]::new)).allowElements(CELLS.toArray(String[]::new)).allowElements("br", "a")
      .allowUrlProtocols("http", "https", "mailto").allowAttributes("href").onElements("a")
      .toFactory();
  /** A target the dashboard makes a link of: http(s) with a host, or mailto with an address. */
  private static final Pattern WEB_OR_MAIL = Pattern.compile("(?i)(https?://[^/?#@\\s]+|mailto:[^@\\s]+@[^@\\s]+)([/?#].*)?");

  private HtmlMail() {
  }

  public static String toText(String html) {
    if (html == null) {
      return "";
    }
    TextWriter writer = new TextWriter();
    HtmlSanitizer.sanitize(html, TEXT_AND_LINKS.apply(writer));
    return writer.text.toString().replace('\u00a0', ' ').replaceAll("[ \t]+\n", "\n").replaceAll("\n{3,}", "\n\n").strip();
  }

  /**
   * Where a link of the mail may lead in its text form, or null: a web or mail address, with
   * spaces, quotes and angle brackets escaped so that the dashboard takes it whole. A relative,
   * javascript: or data: target is left out (the sanitizer already drops the last two).
   */
  static String target(String href) {
    String stripped = href == null ? "" : href.strip();
    if (!WEB_OR_MAIL.matcher(stripped).matches()) {
      return null;
    }
    StringBuilder escaped = new StringBuilder();
    stripped.codePoints().forEach(c -> {
      if (c == '"' || c == '<' || c == '>' || Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)
          || c == '\ufeff') {
        for (byte b : Character.toString(c).getBytes(StandardCharsets.UTF_8)) {
          escaped.append(String.format(Locale.ROOT, "%%%02X", b & 0xff));
        }
      } else {
        escaped.appendCodePoint(c);
      }
    });
    return escaped.toString();
  }

  /** Whether a link's text already says where it leads, so its target is not written twice. */
  static boolean saysItself(String linkText, String target) {
    String said = withoutTrailingSlash(linkText.strip());
    String to = withoutTrailingSlash(target);
    return said.equalsIgnoreCase(to) || to.regionMatches(true, 0, "mailto:", 0, 7) && said.equalsIgnoreCase(to.substring(7));
  }

  private static String withoutTrailingSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  /** Collects the text the sanitizer lets through; a link's target after its text. */
  private static final class TextWriter implements HtmlStreamEventReceiver {

    final StringBuilder text = new StringBuilder();
    private String linkTarget;
    private int linkStart;

    @Override
    public void openDocument() {
    }

    @Override
    public void closeDocument() {
      endLink();
    }

    @Override
    public void openTag(String element, List<String> attributes) {
      if ("br".equals(element)) {
        text.append('\n');
      } else if ("a".equals(element)) {
        endLink(); // links do not nest
        int href = attributes.indexOf("href");
        linkTarget = href >= 0 && href % 2 == 0 ? target(attributes.get(href + 1)) : null;
        linkStart = text.length();
      }
    }

    @Override
    public void closeTag(String element) {
      if ("a".equals(element)) {
        endLink();
      } else if (BLOCKS.contains(element) && !endsWith('\n')) {
        text.append('\n'); // a block in a block ends one line
      } else if (CELLS.contains(element) && !endsWith('\n') && !endsWith(' ')) {
        text.append(' ');
      }
    }

    @Override
    public void text(String chars) {
      text.append(chars);
    }

    private boolean endsWith(char c) {
      return !text.isEmpty() && text.charAt(text.length() - 1) == c;
    }

    private void endLink() {
      if (linkTarget == null) {
        return;
      }
      String linkText = text.substring(linkStart);
      if (linkText.isBlank()) {
        text.append(linkTarget);
      } else if (!saysItself(linkText, linkTarget)) {
        text.append(" (").append(linkTarget).append(')');
      }
      linkTarget = null;
    }
  }
}
