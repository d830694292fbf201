package org.plauder.bot;

import io.vertx.core.Future;
import java.util.Optional;
import java.util.function.Function;
import org.plauder.event.CachedReads;
import org.plauder.help.BotSettings;
import org.plauder.help.KnowledgeBase;
import org.plauder.routing.ChatHold;
import org.plauder.site.Site;

/**
 * Looks a visitor's question up for the bot in the site's published articles, with the site's bot
 * settings; as the routing's {@link ChatHold} it holds a new chat when the bot answers it first.
 */
public final class BotSearch implements ChatHold {

  private final Function<String, Future<BotSettings>> settings;
  private final CachedReads<String, Site> sites;
  private final KnowledgeBase articles;

  public BotSearch(Function<String, Future<BotSettings>> settings, CachedReads<String, Site> sites, KnowledgeBase articles) {
    this.settings = settings;
    this.sites = sites;
    this.articles = articles;
  }

  Future<BotSettings> settings(String siteKey) {
    return settings.apply(siteKey);
  }

  /** The bot's first answer to this question, if the site's mode is {@code first} and the search is sure. */
  Future<Optional<BotDecision.Answer>> firstAnswer(String siteKey, String question) {
    return settings.apply(siteKey).compose(bot -> bot.mode() != BotSettings.Mode.FIRST || BotDecision.asksForPerson(question)
        ? Future.succeededFuture(Optional.empty())
        : sites.get(siteKey)
            .compose(site -> articles.search(siteKey, question, site.languages(), BotDecision.MAX_ARTICLES + 1))
            .map(hits -> BotDecision.answersFirst(bot, question, hits)));
  }

  @Override
  public Future<Boolean> holds(String siteKey, String firstText) {
    // A search that fails must not keep the visitor from a person.
    return firstAnswer(siteKey, firstText).map(Optional::isPresent).otherwise(false);
  }
}
