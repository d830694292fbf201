package org.plauder.help;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Search latency on a large knowledge base: 2,000 published articles (the demo articles, each
 * rewritten 125 times with other words of the same vocabulary mixed in), 10,000 visitors'
 * questions from the relevance set, one thread, after a warm-up. Prints p50, p90, p99 and max.
 *
 * <p>{@code cd server && mvn -o -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.plauder.help.SearchBenchmark}
 */
public final class SearchBenchmark {

  private static final int ARTICLES = 2_000;
  private static final int QUERIES = 10_000;
  private static final int WARM_UP = 3_000;

  public static void main(String[] args) throws Exception {
    Random random = new Random(14);
    List<ArticleDraft> demo = new ArrayList<>(DemoArticles.byName("bench").values());
    List<String> vocabulary = new ArrayList<>();
    demo.forEach(d -> vocabulary.addAll(Arrays.asList(ArticleText.plain(d.body()).split("\\s+"))));
    List<Article> articles = new ArrayList<>();
    for (int i = 0; i < ARTICLES; i++) {
      ArticleDraft d = demo.get(i % demo.size());
      StringBuilder body = new StringBuilder(d.body()).append("\n\n");
      for (int w = 0; w < 80; w++) {
        body.append(vocabulary.get(random.nextInt(vocabulary.size()))).append(w % 12 == 11 ? ".\n" : " ");
      }
      String title = d.title() + " " + vocabulary.get(random.nextInt(vocabulary.size()));
      articles.add(new Article(String.format("%024x", i), "bench", d.language(), title, body.toString(), d.keywords(), true,
          Instant.EPOCH));
    }
    ArticleIndex index = new ArticleIndex();
    long buildStart = System.nanoTime();
    index.putAll(articles);
    long buildMillis = (System.nanoTime() - buildStart) / 1_000_000;

    List<RelevanceTest.Question> questions = RelevanceTest.questions();
    for (int i = 0; i < WARM_UP; i++) {
      ask(index, questions.get(i % questions.size()));
    }
    long[] nanos = new long[QUERIES];
    for (int i = 0; i < QUERIES; i++) {
      RelevanceTest.Question q = questions.get((i * 7) % questions.size());
      long start = System.nanoTime();
      ask(index, q);
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    System.out.printf("%d articles indexed in %d ms; %d queries: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
        index.size("bench"), buildMillis, QUERIES, ms(nanos, 0.50), ms(nanos, 0.90), ms(nanos, 0.99),
        nanos[nanos.length - 1] / 1e6);
    System.out.println(Map.of("java", System.getProperty("java.version"), "cores", Runtime.getRuntime().availableProcessors()));
  }

  private static void ask(ArticleIndex index, RelevanceTest.Question q) {
    if (index.search("bench", q.text(), List.of(q.language()), 3).isEmpty()) {
      throw new AssertionError("nothing found for " + q.text());
    }
  }

  private static double ms(long[] sorted, double quantile) {
    return sorted[(int) Math.min(sorted.length - 1, Math.round(quantile * sorted.length))] / 1e6;
  }
}
