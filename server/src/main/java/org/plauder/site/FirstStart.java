package org.plauder.site;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.util.List;
import org.plauder.agent.Agent;
import org.plauder.auth.Passwords;
import org.plauder.config.Config;
import org.plauder.store.Agents;
import org.plauder.store.AlreadyExists;
import org.plauder.store.Sites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** On the first start, creates the demo site and its admin, so a fresh install can chat at once. */
public final class FirstStart {

  public static final String DEMO_SITE = "demo";
  private static final Logger log = LoggerFactory.getLogger(FirstStart.class);

  private FirstStart() {}

  public static Future<Void> ensureDemo(Vertx vertx, Config config, Sites sites, Agents agents, Passwords passwords) {
    Site demo = new Site(DEMO_SITE, "Demo shop", List.of(ownOrigin(config.publicUrl()), "localhost", "127.0.0.1"), 3,
        "Nobody is online right now. Leave us a message and we will answer by e-mail.", null, true,
        Site.SUPPORTED_LANGUAGES);
    String email = config.adminEmail().toLowerCase(java.util.Locale.ROOT);
    return sites.createIfAbsent(demo)
        .compose(site -> agents.findCredentials(email))
        .compose(existing -> {
          if (existing != null) {
            return Future.succeededFuture();
          }
          return vertx.executeBlocking(() -> passwords.hash(config.adminPassword()), false)
              .compose(hash -> agents.insert(DEMO_SITE, email, "Admin", Agent.ROLE_ADMIN, 3, hash))
              .onSuccess(a -> log.info("Created the admin agent {} of site '{}'", email, DEMO_SITE))
              .<Void>mapEmpty()
              .recover(e -> e instanceof AlreadyExists ? Future.succeededFuture() : Future.failedFuture(e));
        });
  }

  private static String ownOrigin(String publicUrl) {
    URI uri = URI.create(publicUrl);
    return uri.getScheme() + "://" + uri.getAuthority();
  }
}
