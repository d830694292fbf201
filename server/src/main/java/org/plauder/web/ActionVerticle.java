package org.plauder.web;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.ArrayList;
import java.util.List;
import org.plauder.Services;
import org.plauder.abuse.Limits;

/**
 * Answers the request/reply actions that visitors and agents send over the bridge: the visitor's
 * in {@link VisitorActions}, the agent's in {@link AgentActions}, each behind the {@link ActionGate}.
 */
public final class ActionVerticle extends VerticleBase {

  private final Services services;
  private final Stopping stopping;

  public ActionVerticle(Services services, Stopping stopping) {
    this.services = services;
    this.stopping = stopping;
  }

  @Override
  public Future<?> start() {
    ActionGate gate = new ActionGate(vertx, new Limits(services.clock()), services.caches().agents(),
        services.metrics().ackLatency(), stopping);
    List<Future<Void>> registrations = new ArrayList<>(new VisitorActions(services).register(gate));
    registrations.addAll(new AgentActions(services).register(gate));
    registrations.addAll(new BotActions(services).register(gate));
    return Future.all(registrations);
  }
}
