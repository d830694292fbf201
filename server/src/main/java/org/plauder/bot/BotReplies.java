package org.plauder.bot;

import java.util.List;
import org.plauder.help.ArticleHit;

/** What the FAQ bot says, in German or English (the language of the article it found). */
final class BotReplies {

  private BotReplies() {}

  static String name(String language) {
    return "de".equals(language) ? "Hilfe-Bot" : "Help bot";
  }

  /** The bot's first answer, before any agent: the articles, each as title and address. */
  static String first(String language, List<ArticleHit> hits, String publicUrl) {
    StringBuilder text = new StringBuilder("de".equals(language)
        ? "Das beantwortet vielleicht Ihre Frage:" : "This may answer your question:");
    appendArticles(text, hits, publicUrl);
    return text.toString();
  }

  private static void appendArticles(StringBuilder text, List<ArticleHit> hits, String publicUrl) {
    for (ArticleHit hit : hits) {
      text.append("\n• ").append(hit.article().title()).append(": ")
          .append(publicUrl).append("/help/").append(hit.article().siteKey()).append('/').append(hit.article().id());
    }
  }

  /** The articles, each as title and address, and that the visitor still waits for a person. */
  static String whileWaiting(String language, List<ArticleHit> hits, String publicUrl) {
    boolean german = "de".equals(language);
    StringBuilder text = new StringBuilder(german
        ? "Während Sie warten – vielleicht beantwortet das schon Ihre Frage:"
        : "While you wait, this may already answer your question:");
    appendArticles(text, hits, publicUrl);
    text.append(german
        ? "\nSie behalten Ihren Platz in der Warteschlange; gleich ist jemand für Sie da."
        : "\nYou keep your place in the queue; a person will be with you shortly.");
    return text.toString();
  }
}
