package org.plauder.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import io.vertx.core.Future;
import org.bson.Document;
import org.plauder.help.BotSettings;

/** A site's FAQ bot settings, kept in the site's own document (field {@code bot}); a site without them has the bot off. */
public final class SiteBots {

  private static final String FIELD = "bot";

  private final Database db;

  public SiteBots(Database db) {
    this.db = db;
  }

  public Future<BotSettings> find(String siteKey) {
    return Reactive.first(db.sites().find(eq("_id", siteKey)).projection(Projections.include(FIELD)).first()).map(site -> {
      Document bot = site == null ? null : site.get(FIELD, Document.class);
      if (bot == null) {
        return BotSettings.OFF;
      }
      BotSettings.Mode mode = java.util.Arrays.stream(BotSettings.Mode.values())
          .filter(m -> m.wire().equals(bot.getString("mode"))).findFirst().orElse(BotSettings.Mode.OFF);
      Number minScore = bot.get("minScore", Number.class);
      return new BotSettings(mode, minScore == null ? BotSettings.DEFAULT_MIN_SCORE : minScore.doubleValue());
    });
  }

  /** Stores the settings; false when there is no such site. */
  public Future<Boolean> save(String siteKey, BotSettings settings) {
    Document bot = new Document("mode", settings.mode().wire()).append("minScore", settings.minScore());
    return Reactive.first(db.sites().updateOne(eq("_id", siteKey), Updates.set(FIELD, bot)))
        .map(result -> result.getMatchedCount() == 1);
  }
}
