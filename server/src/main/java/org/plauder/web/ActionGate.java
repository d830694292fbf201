package org.plauder.web;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
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
 * that is still enabled. Whatever happens, the caller gets exactly one reply or one error; on a
 * stopping node (see {@link Stopping}) that may be {@code 503 shutting_down}.
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
  private final Stopping stopping;

  ActionGate(Vertx vertx, Limits limits, CachedReads<String, Agent> agents, AckLatency ackLatency, Stopping stopping) {
    this.vertx = vertx;
    this.limits = limits;
    this.agents = agents;
    this.ackLatency = ackLatency;
    this.stopping = stopping;
  }

  Future<Void> on(String address, Identity.Kind kind, Action action) {
    AckLatency.Recorder latency = ackLatency.forAction(address);
    // Local: an action is answered by the node whose bridge holds the socket, also in a cluster,
    // so that a stopping node knows when every frame it took in has had its reply.
    return vertx.eventBus().<Object>localConsumer(address, message -> {
      long arrived = System.nanoTime();
      // A stopping node answers what it had begun and refuses the rest, each with one reply.
      Stopping.Ticket ticket = stopping.admit(() -> shuttingDown(message));
      if (ticket == null) {
        shuttingDown(message);
        return;
      }
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
      result.onComplete(replied -> {
        if (!ticket.claim()) {
          return; // abandoned by the stop: it has had its shutting_down reply
        }
        if (replied.succeeded()) {
          message.reply(replied.result() == null ? new JsonObject() : replied.result());
        } else {
          Replies.fail(message, replied.cause());
        }
        stopping.actionAnswered();
        ticket.done();
        latency.replied(replied.succeeded(), arrived);
      });
    }).completion();
  }

  private void shuttingDown(Message<Object> message) {
    Replies.fail(message, Stopping.shuttingDown());
    stopping.actionAnswered();
  }

  /** Floods get a 429 before they cost a database round trip. */
  private void throttle(String address, Identity identity, String ip) {
    String ipKey = ip == null ? null : "ip:" + ip;
    switch (address) {
      case Addresses.VISITOR_SEND, Addresses.AGENT_SEND, Addresses.VISITOR_PRECHAT -> limits.message(identity.id(), ipKey);
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
