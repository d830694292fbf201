package org.plauder.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.plauder.Services;
import org.plauder.auth.Identity;
import org.plauder.auth.UserSignature;
import org.plauder.protocol.Failure;
import org.plauder.protocol.FreeText;
import org.plauder.site.Site;
import org.plauder.store.IdentitySecrets;
import org.plauder.store.VerifiedUsers;

/**
 * The mint's verified path: a page that passes {@code userId} and {@code userHash} gets the
 * visitor of that user on this site — the same one on every browser and device — once the hash
 * proves the site's backend signed that user. Nothing else may claim a user id.
 */
final class VerifiedVisitors {

  static final int MAX_USER_ID_LENGTH = 128;

  /** The user a page says it is, with the site backend's signature. */
  record Claim(String userId, String userHash) {}

  /** A visitor the mint hands out, whether it was known before, and whether it is a verified user's. */
  record Minted(Identity identity, boolean returning, boolean verified) {}

  private final Services services;
  private final IdentitySecrets secrets;
  private final VerifiedUsers users;

  VerifiedVisitors(Services services) {
    this.services = services;
    this.secrets = new IdentitySecrets(services.database());
    this.users = new VerifiedUsers(services.database());
  }

  /** The claim in a mint body, or null when the page identified nobody; a half or malformed claim is refused. */
  static Claim claimIn(JsonObject body) {
    Object userId = body.getValue("userId");
    Object userHash = body.getValue("userHash");
    if (userId == null && userHash == null) {
      return null;
    }
    if (!(userId instanceof String id) || id.isEmpty() || FreeText.length(id) > MAX_USER_ID_LENGTH) {
      throw Failure.badInput("userId must be a string of 1 to " + MAX_USER_ID_LENGTH + " characters");
    }
    FreeText.check("userId", id, false);
    if (!(userHash instanceof String hash)) {
      throw refused("a userId needs its userHash, signed by the site's backend");
    }
    return new Claim(id, hash);
  }

  /** The user's visitor, made on its first verified visit; a wrong signature is refused and changes nothing. */
  Future<Minted> visitor(Site site, Claim claim, String userAgent) {
    return secrets.find(site.key()).compose(stored -> {
      if (stored == null) {
        return Future.failedFuture(new Failure(403, "identity_not_enabled",
            "site " + site.key() + " has no identity secret; an admin creates one to verify users"));
      }
      if (!UserSignature.verifies(stored.secret(), claim.userId(), claim.userHash())) {
        return Future.failedFuture(refused("the userHash is not this userId's HMAC-SHA256 with the site's current identity secret"));
      }
      return users.visitorOf(site.key(), claim.userId()).compose(known -> known == null
          ? newVisitor(site, claim, userAgent).compose(id -> users.claim(site.key(), claim.userId(), id)).map(id -> minted(site, id, false))
          : resume(site, claim, known, userAgent));
    });
  }

  /** The user's visitor as it was; if it was erased meanwhile, a new one takes its place. */
  private Future<Minted> resume(Site site, Claim claim, String visitorId, String userAgent) {
    return services.visitors().markSeenAgain(visitorId, site.key(), userAgent, services.clock().instant())
        .compose(visit -> visit > 0
            ? Future.succeededFuture(minted(site, visitorId, visit > 1))
            : newVisitor(site, claim, userAgent)
                .compose(id -> users.replaceGone(site.key(), claim.userId(), visitorId, id))
                .map(id -> minted(site, id, false)));
  }

  private Future<String> newVisitor(Site site, Claim claim, String userAgent) {
    return services.visitors().create(site.key(), userAgent, services.clock().instant())
        .compose(id -> services.visitors().markVerified(id, claim.userId()).map(id));
  }

  private static Minted minted(Site site, String visitorId, boolean returning) {
    return new Minted(Identity.visitor(visitorId, site.key()), returning, true);
  }

  private static Failure refused(String message) {
    return new Failure(401, "identity_invalid", message);
  }
}
