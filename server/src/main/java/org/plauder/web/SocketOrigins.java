package org.plauder.web;

import io.vertx.core.Future;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import org.plauder.auth.Identity;
import org.plauder.auth.Origins;
import org.plauder.event.CachedReads;
import org.plauder.site.Site;

/**
 * Whether the page that opened a bridge socket may act for an identity: a visitor's page must be
 * on an origin its site allows, an agent's (the dashboard) on the server's own origin — the public
 * URL's, or the one the request reached this node at — compared whole: scheme, host and port.
 */
final class SocketOrigins {

  private final CachedReads<String, Site> sites;
  private final String publicOrigin;

  SocketOrigins(CachedReads<String, Site> sites, String publicUrl) {
    this.sites = sites;
    this.publicOrigin = publicUrl;
  }

  /** The socket's Origin header, or null when it sent none (not a browser page). */
  static String originOf(SockJSSocket socket) {
    return socket.headers() == null ? null : socket.headers().get("Origin");
  }

  Future<Boolean> allows(SockJSSocket socket, String origin, Identity identity) {
    if (identity.kind() == Identity.Kind.AGENT) {
      return Future.succeededFuture(isServersOwn(socket, origin));
    }
    return sites.get(identity.siteKey()).map(site -> site != null && Origins.isAllowed(origin, site.allowedOrigins()));
  }

  private boolean isServersOwn(SockJSSocket socket, String origin) {
    if (Origins.isSameOrigin(origin, publicOrigin)) {
      return true;
    }
    String host = socket.headers().get("Host");
    boolean tls = socket.routingContext() != null && socket.routingContext().request().isSSL();
    return host != null && Origins.isSameOrigin(origin, (tls ? "https://" : "http://") + host);
  }
}
