package org.plauder.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.plauder.Services;
import org.plauder.auth.Identity;
import org.plauder.protocol.Addresses;
import org.plauder.protocol.Failure;
import org.plauder.protocol.Inputs;
import org.plauder.protocol.Json;

/**
 * Read receipts: the agent's dashboard says how far it has read a chat it holds ({@code agent.read});
 * the mark only rises, and the visitor's tabs hear it as a {@code read} push for their ticks.
 */
final class ReadActions {

  private final Services services;

  ReadActions(Services services) {
    this.services = services;
  }

  List<Future<Void>> register(ActionGate gate) {
    return List.of(gate.on(Addresses.AGENT_READ, Identity.Kind.AGENT, this::read));
  }

  private Future<JsonObject> read(Identity agent, JsonObject body) {
    long seq = Inputs.optionalLong(body, "seq", 0);
    return services.access().heldBy(agent, Inputs.id(body, "conversationId")).compose(c -> {
      if (seq < 1 || seq > c.lastSeq()) {
        return Future.failedFuture(Failure.badInput("seq must be one of the chat's messages, 1 to " + c.lastSeq()));
      }
      return services.conversations().readMarks().agentRead(c.id(), seq).map(mark -> {
        services.inboxes().toVisitor(c.visitorId(), Json.push("read").put("conversationId", c.id()).put("seq", mark));
        return new JsonObject().put("seq", mark);
      });
    });
  }
}
