package org.plauder.conversation;

/**
 * What an agent reads about a waiting chat before taking it: the visitor's first words, shortened
 * to a preview, and the page the visitor was on when it wrote them (address and title, null when
 * not known: an e-mail, or a visitor whose page was not reported). Kept with the chat when its
 * first message is stored, so that showing the queue reads nothing more.
 */
public record QueueCard(String preview, String pageUrl, String pageTitle) {

  /** The longest preview, in characters (code points), before the ellipsis. */
  public static final int PREVIEW_LENGTH = 140;

  /** A chat that has not said anything yet. */
  public static final QueueCard NONE = new QueueCard(null, null, null);

  public static QueueCard orNone(QueueCard card) {
    return card == null ? NONE : card;
  }

  /** The card of a chat whose first visitor message is {@code first}, written while the visitor was on that page. */
  public static QueueCard of(ChatMessage first, String pageUrl, String pageTitle) {
    String text = first.attachment() != null ? "\uD83D\uDCCE " + first.attachment().name() : first.text();
    return new QueueCard(preview(text), pageUrl, pageTitle);
  }

  /**
   * The text on one line (runs of white space as one space) and at most {@link #PREVIEW_LENGTH}
   * characters: cut at the last space in the second half of that length when there is one, so no
   * word is cut in two, then "…"; null for an empty text.
   */
  public static String preview(String text) {
    if (text == null) {
      return null;
    }
    String line = text.strip().replaceAll("\\s+", " ");
    if (line.isEmpty()) {
      return null;
    }
    if (line.codePointCount(0, line.length()) <= PREVIEW_LENGTH) {
      return line;
    }
    String cut = line.substring(0, line.offsetByCodePoints(0, PREVIEW_LENGTH));
    int space = cut.lastIndexOf(' ');
    if (space > cut.length() / 2) {
      cut = cut.substring(0, space);
    }
    return cut.stripTrailing() + "…";
  }

  /** Whether there is anything to show. */
  public boolean isEmpty() {
    return preview == null && pageUrl == null;
  }
}
