package org.plauder.help;

import java.util.regex.Pattern;

/** An article body that tries every way to run something in a reader's browser, and how to spot one that got through. */
public final class HostileMarkdown {

  public static final String BODY = """
      # Angebot

      <script>alert('x')</script>

      <img src="x" onerror="alert(1)">

      Ein [Link](javascript:alert(3)) und [Daten](data:text/html,<b>x</b>) und ![Bild](javascript:alert(8)).

      <a href="javascript:alert(2)">klick</a>
      <p onclick="alert(4)" style="position:fixed">Text</p>
      <iframe src="https://evil.example"></iframe><svg onload="alert(5)"></svg>
      <a href="JaVaScRiPt:alert(6)">groß</a> <a href="&#106;avascript:alert(7)">kodiert</a>
      """;

  /**
   * What would run in a browser: a script, frame, svg or style element, or a tag with an on… or
   * style attribute or a script or data URL. Escaped text ({@code &lt;img onerror=…&gt;}) is no tag.
   */
  public static final Pattern ACTIVE = Pattern.compile(
      "<\\s*(script|iframe|svg|style|object|embed)|<[^>]*\\s(on[a-z]+|style)\\s*="
          + "|<[^>]*\\s(href|src)\\s*=\\s*[\"']?\\s*(javascript|data|&#)",
      Pattern.CASE_INSENSITIVE);

  private HostileMarkdown() {}
}
