package org.plauder.web;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.ArrayList;
import java.util.List;
import org.plauder.Services;
import org.plauder.abuse.Limits;
import org.plauder.supervision.Supervision;

/**
 * Answers the request/reply actions that visitors and agents send over the bridge: the visitor's
 * in {@link VisitorActions}, the agent's in {@link AgentActions} and {@link SupervisorActions}, each behind the {@link ActionGate}.
 */
public final class ActionVerticle extends VerticleBase {

  private final Services services;
  private final Stopping stopping;
  private final Supervision supervision;

  public ActionVerticle(Services services, Stopping stopping, Supervision supervision) {
    this.services = services;
    this.stopping = stopping;
    this.supervision = supervision;
  }

  @Override
  public Future<?> start() {
    ActionGate gate = new ActionGate(vertx, new Limits(services.clock()), services.caches().agents(),
        services.metrics().ackLatency(), stopping);
    List<Future<Void>> registrations = new ArrayList<>(new VisitorActions(services).register(gate));
    registrations.addAll(new AgentActions(services).register(gate));
    registrations.addAll(new ReadActions(services).register(gate));
    registrations.addAll(new SupervisorActions(services, supervision.monitoring(), supervision.whispers()).register(gate));
    registrations.addAll(new BotActions(services).register(gate));
    registrations.addAll(new StatusActions(services).register(gate));
    registrations.add(new LeaveActions(services).register(gate));
    return Future.all(registrations);
  }
}
