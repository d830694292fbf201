package org.plauder.web;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import org.plauder.Services;
import org.plauder.auth.Identity;
import org.plauder.auth.UserSignature;
import org.plauder.store.IdentitySecrets;

/**
 * /api/v1/site/identity-secret (admins): whether the site verifies users, and a new secret —
 * shown in the answer that made it and never again; making one replaces the one before.
 */
final class IdentitySecretApi {

  private final Services services;
  private final IdentitySecrets secrets;

  IdentitySecretApi(Services services) {
    this.services = services;
    this.secrets = new IdentitySecrets(services.database());
  }

  /** GET: {"configured", "createdAt"}, never the secret. */
  void get(RoutingContext ctx) {
    Identity admin = Http.admin(ctx, services.tokens());
    secrets.find(admin.siteKey()).onComplete(stored -> Http.json(ctx, 200, new JsonObject()
        .put("configured", stored != null)
        .put("createdAt", stored == null ? null : stored.createdAt().toString())), ctx::fail);
  }

  /** POST: a new secret for the site, answered once with {"secret", "createdAt"}. */
  void rotate(RoutingContext ctx) {
    Identity admin = Http.admin(ctx, services.tokens());
    String secret = UserSignature.newSecret();
    Instant now = services.clock().instant();
    secrets.replace(admin.siteKey(), secret, now).onComplete(v -> Http.json(ctx, 201, new JsonObject()
        .put("secret", secret)
        .put("createdAt", now.toString())), ctx::fail);
  }
}
