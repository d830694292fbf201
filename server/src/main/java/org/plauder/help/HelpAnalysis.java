package org.plauder.help;

import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * How article text and visitors' questions become search terms, per language.
 *
 * <p>German: lower case, stop words out, umlauts and ß folded ("Größe" and "Groesse" meet in
 * "grosse"), light stemming ("Lieferzeiten" → "lieferzeit"). German glues nouns together, and a
 * visitor asking about the "Zeit der Lieferung" should find the article on "Lieferzeiten": the
 * stemmed words are also cut into character four-grams in a field of their own, so a compound
 * and its parts share terms without a dictionary of compounds.
 *
 * <p>English: possessives off, lower case, stop words out, Porter stemming ("returns",
 * "returned" → "return").
 */
public final class HelpAnalysis {

  /** The length of the character grams that join German compounds and their parts. */
  static final int GRAM = 4;

  private HelpAnalysis() {}

  /** The analyzer of every field of the index, chosen by the field's name (see {@link ArticleFields}). */
  public static Analyzer perField() {
    Analyzer german = german(false);
    Analyzer english = english(false);
    return new PerFieldAnalyzerWrapper(german, Map.of(
        ArticleFields.title("en"), english,
        ArticleFields.keywords("en"), english,
        ArticleFields.body("en"), english,
        ArticleFields.grams("de"), german(true),
        ArticleFields.grams("en"), english(true)));
  }

  static Analyzer german(boolean grams) {
    return analyzer(words -> new GermanLightStemFilter(new GermanNormalizationFilter(
        new StopFilter(new LowerCaseFilter(words), GermanAnalyzer.getDefaultStopSet()))), grams);
  }

  /** English compounds are rarer ("checkout", "giftcard") than typos; grams of the stems help with both. */
  static Analyzer english(boolean grams) {
    return analyzer(words -> new PorterStemFilter(new StopFilter(new LowerCaseFilter(new EnglishPossessiveFilter(words)),
        EnglishAnalyzer.ENGLISH_STOP_WORDS_SET)), grams);
  }

  /** Words as the standard tokenizer finds them, through the language's filters, and then perhaps cut into grams. */
  private static Analyzer analyzer(UnaryOperator<TokenStream> language, boolean grams) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream stream = language.apply(source);
        if (grams) {
          stream = new NGramTokenFilter(stream, GRAM, GRAM, true);
        }
        return new TokenStreamComponents(source, stream);
      }
    };
  }
}
