package org.plauder.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.plauder.Services;
import org.plauder.auth.Identity;
import org.plauder.bot.HeldChatExits;
import org.plauder.protocol.Addresses;
import org.plauder.protocol.Inputs;
import org.plauder.protocol.Json;
import org.plauder.store.BotAnswers;

/** The visitor's two answers to the FAQ bot's first answer (docs/protocol.md, "The FAQ bot"). */
final class BotActions {

  private final Services services;
  private final HeldChatExits exits;

  BotActions(Services services) {
    this.services = services;
    this.exits = new HeldChatExits(services.router(), new BotAnswers(services.database()), services.clock());
  }

  List<Future<Void>> register(ActionGate gate) {
    return List.of(
        gate.on(Addresses.VISITOR_BOT_RESOLVED, Identity.Kind.VISITOR, this::botResolved),
        gate.on(Addresses.VISITOR_TALK_TO_PERSON, Identity.Kind.VISITOR, this::talkToPerson));
  }

  /** "That answers it": the held chat ends, counted self-served. */
  private Future<JsonObject> botResolved(Identity visitor, JsonObject body) {
    return services.access().openOfVisitor(visitor, Inputs.id(body, "conversationId"))
        .compose(exits::settle)
        .map(closed -> new JsonObject().put("conversation", Json.conversationForVisitor(closed)));
  }

  /** "Talk to a person": the held chat joins the queue; answered with the chat state, as requestChat. */
  private Future<JsonObject> talkToPerson(Identity visitor, JsonObject body) {
    return services.access().openOfVisitor(visitor, Inputs.id(body, "conversationId"))
        .compose(exits::handOver)
        .map(Json::chatState);
  }
}
