package org.plauder.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.plauder.auth.Identity;
import org.plauder.auth.TokenRejected;
import org.plauder.auth.Tokens;
import org.plauder.config.TrustedProxies;
import org.plauder.protocol.Failure;

/** The small things every REST handler needs: JSON in, JSON out, errors in the contract's shape. */
final class Http {

  private Http() {}

  static JsonObject body(RoutingContext ctx) {
    String text = strictUtf8(ctx.body().buffer());
    if (text == null || text.isBlank()) {
      return new JsonObject();
    }
    try {
      Object parsed = io.vertx.core.json.Json.decodeValue(text);
      if (parsed instanceof JsonObject o) {
        return o;
      }
    } catch (DecodeException e) {
      throw new Failure(400, "invalid_json", "the body is not valid JSON");
    }
    throw new Failure(400, "invalid_json", "the body must be a JSON object");
  }

  /**
   * The body's text, refusing bytes that are not UTF-8: a lenient decoder would turn them into
   * U+FFFD unnoticed, and the damaged text would be stored as if the client had sent it.
   */
  private static String strictUtf8(Buffer body) {
    if (body == null) {
      return null;
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body.getBytes()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new Failure(400, "invalid_json", "the body is not valid UTF-8");
    }
  }

  static void json(RoutingContext ctx, int status, Object body) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(io.vertx.core.json.Json.encode(body));
  }

  static void error(RoutingContext ctx, Failure f) {
    json(ctx, f.status(), new JsonObject().put("error", new JsonObject().put("code", f.code()).put("message", f.getMessage())));
  }

  /** The failure handler of /api: every error ends as {"error":{"code","message"}}. */
  static void onFailure(RoutingContext ctx) {
    if (ctx.response().ended()) {
      return;
    }
    Throwable cause = ctx.failure();
    if (cause == null) {
      int status = ctx.statusCode();
      error(ctx, switch (status) {
        case 413 -> new Failure(413, "payload_too_large", "the request body is too large");
        case 404 -> new Failure(404, "not_found", "no such resource");
        case 405 -> new Failure(405, "method_not_allowed", "method not allowed here");
        default -> new Failure(status, "http_" + status, "the request failed");
      });
      return;
    }
    error(ctx, Replies.toFailure(cause));
  }

  /** The address of the client, as the proxies this node trusts report it. */
  static String clientAddress(RoutingContext ctx, TrustedProxies proxies) {
    return proxies.clientAddress(ctx.request().remoteAddress() == null ? "?" : ctx.request().remoteAddress().hostAddress(),
        ctx.request().headers().getAll("X-Forwarded-For"));
  }

  /** The token of an {@code Authorization: Bearer …} header, or null. */
  static String bearerToken(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    return header != null && header.startsWith("Bearer ") ? header.substring(7).trim() : null;
  }

  /** The agent behind the request's bearer token, or a 401. */
  static Identity agent(RoutingContext ctx, Tokens tokens) {
    try {
      return tokens.verify(bearerToken(ctx), Identity.Kind.AGENT);
    } catch (TokenRejected e) {
      throw Failure.unauthorized(e.code(), e.getMessage());
    }
  }

  static Identity admin(RoutingContext ctx, Tokens tokens) {
    Identity agent = agent(ctx, tokens);
    if (!agent.isAdmin()) {
      throw Failure.forbidden("only an admin may do this");
    }
    return agent;
  }
}
