package org.plauder.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.owasp.encoder.Encode;
import org.plauder.help.Article;
import org.plauder.help.ArticleText;
import org.plauder.site.Site;

/**
 * The help centre's pages as HTML: every text from the database is encoded, an article's body
 * is the sanitised HTML of {@link ArticleText}, and nothing is inline (no script at all, styles
 * from one file), so the page's strict content security policy holds. German and English.
 */
final class HelpCentreHtml {

  private static final Map<String, Map<String, String>> WORDS = Map.of(
      "de", Map.of("help", "Hilfe", "search", "Suchen", "question", "Ihre Frage", "all", "Alle Artikel",
          "none", "Noch keine Artikel.", "noHits", "Dazu haben wir keinen Artikel gefunden. Fragen Sie uns im Chat.",
          "hits", "Artikel zu Ihrer Frage", "updated", "Stand:", "notFound", "Diese Seite gibt es nicht.",
          "language", "Sprache"),
      "en", Map.of("help", "Help", "search", "Search", "question", "Your question", "all", "All articles",
          "none", "No articles yet.", "noHits", "We found no article on that. Ask us in the chat.",
          "hits", "Articles on your question", "updated", "Updated:", "notFound", "There is no such page.",
          "language", "Language"));

  private static final Map<String, DateTimeFormatter> DATES = Map.of(
      "de", DateTimeFormatter.ofPattern("d. MMMM yyyy", Locale.GERMAN).withZone(ZoneOffset.UTC),
      "en", DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC));

  private HelpCentreHtml() {}

  /** The list of articles, or (with a question) the articles found for it; {@code hits} null when nothing was asked. */
  static String contents(Site site, String lang, List<Article> articles, String question, List<Article> hits) {
    Map<String, String> w = WORDS.get(lang);
    StringBuilder html = start(site, lang, w.get("help"));
    header(html, site, lang, w);
    html.append("<main><h1>").append(Encode.forHtml(w.get("help") + " · " + site.name())).append("</h1>")
        .append("<form class=\"search\" role=\"search\" method=\"get\" action=\"").append(Encode.forHtmlAttribute(listPath(site.key())))
        .append("\"><input type=\"hidden\" name=\"lang\" value=\"").append(lang).append("\"><label for=\"q\">")
        .append(w.get("question")).append("</label><input id=\"q\" type=\"search\" name=\"q\" maxlength=\"200\" value=\"")
        .append(Encode.forHtmlAttribute(question == null ? "" : question)).append("\"><button type=\"submit\">")
        .append(w.get("search")).append("</button></form>");
    if (hits != null) {
      html.append("<h2>").append(w.get("hits")).append("</h2>");
      list(html, site, hits, w.get("noHits"));
      html.append("<h2>").append(w.get("all")).append("</h2>");
    }
    list(html, site, articles, w.get("none"));
    return end(html);
  }

  static String article(Site site, Article article) {
    String lang = article.language();
    Map<String, String> w = WORDS.get(lang);
    StringBuilder html = start(site, lang, article.title());
    header(html, site, lang, w);
    html.append("<main><article><h1>").append(Encode.forHtml(article.title())).append("</h1>")
        .append("<p class=\"updated\">").append(w.get("updated")).append(' ')
        .append("<time datetime=\"").append(Encode.forHtmlAttribute(article.updatedAt().toString())).append("\">")
        .append(Encode.forHtml(DATES.get(lang).format(article.updatedAt()))).append("</time></p>")
        .append("<div class=\"body\">").append(ArticleText.html(article.body())).append("</div></article>")
        .append("<p class=\"back\"><a href=\"").append(Encode.forHtmlAttribute(listPath(site.key()) + "?lang=" + lang)).append("\">")
        .append(w.get("all")).append("</a></p>");
    return end(html);
  }

  static String notFound(String lang) {
    String l = WORDS.containsKey(lang) ? lang : "en";
    return error(l, 404, WORDS.get(l).get("notFound"));
  }

  /** A page that only says what went wrong. */
  static String error(String lang, int status, String message) {
    StringBuilder html = new StringBuilder("<!doctype html><html lang=\"").append(lang).append("\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>").append(status).append("</title>")
        .append("<link rel=\"stylesheet\" href=\"/help/help.css\"></head><body><main><h1>").append(status).append("</h1><p>")
        .append(Encode.forHtml(message)).append("</p>");
    return end(html);
  }

  static String listPath(String siteKey) {
    return "/help/" + Encode.forUriComponent(siteKey) + "/";
  }

  private static StringBuilder start(Site site, String lang, String title) {
    return new StringBuilder("<!doctype html><html lang=\"").append(lang).append("\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
        .append(Encode.forHtml(title + " – " + site.name())).append("</title>")
        .append("<link rel=\"stylesheet\" href=\"/help/help.css\"></head><body>");
  }

  /** The site's name, home of its help centre, and a link to each other language it speaks. */
  private static void header(StringBuilder html, Site site, String lang, Map<String, String> w) {
    html.append("<header><a class=\"home\" href=\"").append(Encode.forHtmlAttribute(listPath(site.key()) + "?lang=" + lang))
        .append("\">").append(Encode.forHtml(site.name())).append("</a>");
    if (site.languages().size() > 1) {
      html.append("<nav aria-label=\"").append(w.get("language")).append("\">");
      for (String other : site.languages()) {
        if (!other.equals(lang)) {
          html.append("<a hreflang=\"").append(other).append("\" lang=\"").append(other).append("\" href=\"")
              .append(Encode.forHtmlAttribute(listPath(site.key()) + "?lang=" + other)).append("\">")
              .append(other.equals("de") ? "Deutsch" : "English").append("</a>");
        }
      }
      html.append("</nav>");
    }
    html.append("</header>");
  }

  private static void list(StringBuilder html, Site site, List<Article> articles, String empty) {
    if (articles.isEmpty()) {
      html.append("<p class=\"empty\">").append(empty).append("</p>");
      return;
    }
    html.append("<ul class=\"articles\">");
    for (Article a : articles) {
      html.append("<li><a href=\"").append(Encode.forHtmlAttribute(HelpCentrePages.articlePath(site.key(), a.id()))).append("\">")
          .append(Encode.forHtml(a.title())).append("</a><p>").append(Encode.forHtml(ArticleText.excerpt(a.body(), 160)))
          .append("</p></li>");
    }
    html.append("</ul>");
  }

  private static String end(StringBuilder html) {
    return html.append("</main></body></html>").toString();
  }
}
