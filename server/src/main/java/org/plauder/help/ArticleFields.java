package org.plauder.help;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;

/**
 * The fields of an article in the search index. Text fields carry the article's language in
 * their name ({@code title_de}, {@code body_en}, …), so each is analysed the way its language
 * needs (see {@link HelpAnalysis}) and a question is matched against the fields of the languages
 * it may be in.
 */
final class ArticleFields {

  static final String ID = "id";
  static final String LANGUAGE = "language";

  private ArticleFields() {}

  static String title(String language) {
    return "title_" + language;
  }

  static String keywords(String language) {
    return "keywords_" + language;
  }

  static String body(String language) {
    return "body_" + language;
  }

  /** Title, keywords and body once more, cut into character grams: compounds and typos. */
  static String grams(String language) {
    return "grams_" + language;
  }

  static Document of(Article article) {
    String lang = article.language();
    String keywords = String.join(" ", article.keywords());
    String body = ArticleText.plain(article.body());
    Document doc = new Document();
    doc.add(new StringField(ID, article.id(), Field.Store.YES));
    doc.add(new StringField(LANGUAGE, lang, Field.Store.NO));
    doc.add(new TextField(title(lang), article.title(), Field.Store.NO));
    doc.add(new TextField(keywords(lang), keywords, Field.Store.NO));
    doc.add(new TextField(body(lang), body, Field.Store.NO));
    doc.add(new TextField(grams(lang), article.title() + "\n" + keywords + "\n" + body, Field.Store.NO));
    return doc;
  }
}
