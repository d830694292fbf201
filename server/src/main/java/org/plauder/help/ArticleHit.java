package org.plauder.help;

/** An article that matched a question, with the search's score (higher is better; comparable within one search). */
public record ArticleHit(Article article, float score) {}
