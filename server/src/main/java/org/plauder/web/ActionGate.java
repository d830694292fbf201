package org.plauder.web;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.plauder.abuse.Limits;
import org.plauder.auth.Identity;
import org.plauder.protocol.Addresses;
import org.plauder.protocol.Failure;
import org.plauder.agent.Agent;
import org.plauder.event.CachedReads;
import org.plauder.metrics.AckLatency;

/**
 * What every bridge action goes through before its handler: the verified identity the bridge
 * attached (of the right kind), the rate limits, a JSON-object body, and for agents an account
 * that is still enabled. Whatever happens, the caller gets exactly one reply or one error.
 */
final class ActionGate {

  /** A handler: validates the body, calls one service method, shapes the reply. */
  @FunctionalInterface
  interface Action {
    Future<JsonObject> handle(Identity identity, JsonObject body);
  }

  private final Vertx vertx;
  private final Limits limits;
  private final CachedReads<String, Agent> agents;
  private final AckLatency ackLatency;

  ActionGate(Vertx vertx, Limits limits, CachedReads<String, Agent> agents, AckLatency ackLatency) {
    this.vertx = vertx;
    this.limits = limits;
    this.agents = agents;
    this.ackLatency = ackLatency;
  }

  Future<Void> on(String address, Identity.Kind kind, Action action) {
    AckLatency.Recorder latency = ackLatency.forAction(address);
    return vertx.eventBus().<Object>consumer(address, message -> {
      long arrived = System.nanoTime();
      Future<JsonObject> result;
      try {
        Identity identity = identityOf(message.headers(), kind);
        throttle(address, identity, message.headers().get(Addresses.HEADER_IP));
        if (!(message.body() instanceof JsonObject body)) {
          throw Failure.badInput("the body must be a JSON object");
        }
        result = kind == Identity.Kind.AGENT
            ? AgentGate.requireEnabled(agents, identity).compose(a -> action.handle(identity, body))
            : action.handle(identity, body);
      } catch (RuntimeException e) {
        result = Future.failedFuture(e);
      }
      result.onComplete(
          reply -> message.reply(reply == null ? new JsonObject() : reply),
          error -> Replies.fail(message, error))
          .onComplete(replied -> latency.replied(replied.succeeded(), arrived));
    }).completion();
  }

  /** Floods get a 429 before they cost a database round trip. */
  private void throttle(String address, Identity identity, String ip) {
    String ipKey = ip == null ? null : "ip:" + ip;
    switch (address) {
      case Addresses.VISITOR_SEND, Addresses.AGENT_SEND -> limits.message(identity.id(), ipKey);
      case Addresses.VISITOR_TYPING, Addresses.AGENT_TYPING -> limits.typing(identity.id());
      case Addresses.VISITOR_REQUEST_CHAT, Addresses.VISITOR_LEAVE_MESSAGE, Addresses.VISITOR_ACCEPT_OFFER ->
          limits.chatStart(identity.id(), ipKey);
      default -> { }
    }
  }

  private static Identity identityOf(MultiMap headers, Identity.Kind expected) {
    String authError = headers.get(Addresses.HEADER_AUTH_ERROR);
    if (authError != null) {
      throw Failure.unauthorized(authError, "the token was refused (" + authError + "), sign in again");
    }
    String kind = headers.get(Addresses.HEADER_KIND);
    String id = headers.get(Addresses.HEADER_ID);
    String site = headers.get(Addresses.HEADER_SITE);
    if (kind == null || id == null || site == null) {
      throw Failure.unauthorized("token_missing", "no verified identity");
    }
    if (!expected.audience().equals(kind)) {
      throw Failure.forbidden("this action is not for " + kind + "s");
    }
    return new Identity(expected, id, site, headers.get(Addresses.HEADER_ROLE));
  }
}
