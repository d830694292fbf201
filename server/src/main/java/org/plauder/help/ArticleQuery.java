package org.plauder.help;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;

/**
 * A visitor's question as a Lucene query: its words in title, keywords and body (title weighs
 * most), their character grams (compounds), and the same words with a typo or two, weighing
 * least. The question is never parsed as query syntax: quotes, {@code +}, {@code *} and
 * {@code ~} are words like any other.
 */
final class ArticleQuery {

  static final float TITLE = 3.0f;
  static final float KEYWORDS = 2.5f;
  static final float BODY = 1.0f;
  static final float GRAMS = 0.6f;
  static final float TYPO = 0.5f;

  /** Stems shorter than this are matched exactly: one edit in "zeit" is a different word. */
  private static final int MIN_FUZZY_LENGTH = 5;
  /** Two typos only in long words: in shorter ones they make another word, and they cost search time. */
  private static final int TWO_TYPOS_LENGTH = 10;
  /** How many similar words of the index one word of the question may stand for. */
  private static final int MAX_TYPO_TERMS = 10;

  private ArticleQuery() {}

  /** The query for {@code question} over the articles in {@code languages}; null when no word in it is searchable. */
  static Query of(String question, List<String> languages, Analyzer analyzer) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    boolean searchable = false;
    for (String lang : languages) {
      Map<String, Float> weights = new LinkedHashMap<>();
      weights.put(ArticleFields.title(lang), TITLE);
      weights.put(ArticleFields.keywords(lang), KEYWORDS);
      weights.put(ArticleFields.body(lang), BODY);
      weights.put(ArticleFields.grams(lang), GRAMS);
      // No operator enabled: the parser only splits into words and weighs the fields.
      Query words = new SimpleQueryParser(analyzer, weights, 0).parse(question);
      if (words != null && !(words instanceof BooleanQuery b && b.clauses().isEmpty())) {
        any.add(words, Occur.SHOULD);
        searchable = true;
      }
      for (String stem : stems(analyzer, ArticleFields.title(lang), question)) {
        if (stem.length() >= MIN_FUZZY_LENGTH) {
          int edits = stem.length() >= TWO_TYPOS_LENGTH ? 2 : 1;
          for (String field : List.of(ArticleFields.title(lang), ArticleFields.keywords(lang), ArticleFields.body(lang))) {
            Query typo = new FuzzyQuery(new Term(field, stem), edits, 1, MAX_TYPO_TERMS, true);
            any.add(new BoostQuery(typo, TYPO * weights.get(field)), Occur.SHOULD);
          }
        }
      }
    }
    if (!searchable) {
      return null;
    }
    return new BooleanQuery.Builder()
        .add(any.build(), Occur.MUST)
        .add(new TermInSetQuery(ArticleFields.LANGUAGE, languages.stream().map(org.apache.lucene.util.BytesRef::new).toList()),
            Occur.FILTER)
        .build();
  }

  /** The terms the field's analyzer makes of the text, each once, in order. */
  static List<String> stems(Analyzer analyzer, String field, String text) {
    Set<String> terms = new LinkedHashSet<>();
    try (TokenStream stream = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        terms.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ArrayList<>(terms);
  }
}
