package org.plauder.help;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * An article's Markdown as readers see it: HTML that has passed an allow-list (no script, no
 * style, no event handler attributes, links and images only to http, https and mailto addresses
 * or relative ones), and plain text for search and excerpts. Markdown may contain raw HTML; it
 * passes the same allow-list, so an admin's {@code <br>} survives and a pasted {@code <script>}
 * does not. Pure and thread-safe.
 */
public final class ArticleText {

  private static final Parser PARSER = Parser.builder().build();
  private static final HtmlRenderer HTML = HtmlRenderer.builder().sanitizeUrls(true).build();

  /** The elements Markdown produces, minus anything that runs, embeds or styles. */
  private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
      .allowElements("p", "br", "hr", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li",
          "h2", "h3", "h4", "h5", "h6", "del", "kbd", "img")
      // A link whose address was refused (javascript:, data:, …) is left as its words, not an empty anchor.
      .allowElements((name, attributes) -> hasAddress(attributes) ? name : null, "a")
      // The article's title is the page's one h1; a heading of the body is one level below it.
      .allowElements((name, attributes) -> "h2", "h1")
      .allowUrlProtocols("http", "https", "mailto")
      .allowAttributes("href", "title").onElements("a")
      .requireRelsOnLinks("noopener", "noreferrer", "nofollow")
      .allowAttributes("src", "alt", "title").onElements("img")
      .allowAttributes("start").matching(java.util.regex.Pattern.compile("[0-9]{1,6}")).onElements("ol")
      .toFactory();

  private ArticleText() {}

  /** Whether an element's attributes (name, value, name, value, … as the sanitiser passes them) hold a non-empty href. */
  private static boolean hasAddress(java.util.List<String> attributes) {
    for (int i = 0; i + 1 < attributes.size(); i += 2) {
      if ("href".equals(attributes.get(i)) && !attributes.get(i + 1).isBlank()) {
        return true;
      }
    }
    return false;
  }

  /** The body as HTML safe to put into any page. */
  public static String html(String markdown) {
    return POLICY.sanitize(HTML.render(PARSER.parse(markdown)));
  }

  /** The body's words without markup (a link's words, not its address), a line per block: what search and excerpts read. */
  public static String plain(String markdown) {
    StringBuilder text = new StringBuilder();
    PARSER.parse(markdown).accept(new AbstractVisitor() {
      @Override
      public void visit(Text node) {
        text.append(node.getLiteral());
      }

      @Override
      public void visit(Code node) {
        text.append(node.getLiteral());
      }

      @Override
      public void visit(SoftLineBreak node) {
        text.append(' ');
      }

      @Override
      public void visit(HardLineBreak node) {
        text.append('\n');
      }

      @Override
      protected void visitChildren(Node parent) {
        super.visitChildren(parent);
        if (parent instanceof Block) {
          text.append('\n');
        }
      }
    });
    return text.toString().strip();
  }

  /** The first words of the body, at most {@code maxChars} characters, cut at a word. */
  public static String excerpt(String markdown, int maxChars) {
    String text = plain(markdown).replaceAll("\\s+", " ");
    if (text.length() <= maxChars) {
      return text;
    }
    int cut = text.lastIndexOf(' ', maxChars - 1);
    return text.substring(0, cut > maxChars / 2 ? cut : maxChars - 1) + "…";
  }
}
