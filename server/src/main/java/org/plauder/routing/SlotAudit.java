package org.plauder.routing;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.plauder.agent.Agent;
import org.plauder.agent.AgentStore;
import org.plauder.conversation.Conversation;
import org.plauder.conversation.ConversationStore;
import org.plauder.conversation.ConversationStore.Holding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives back chat and e-mail slots that nothing holds ({@link SlotLeaks}) and then drains the queues of the
 * sites concerned, so a visitor never waits for capacity that a dead node took with it. Runs on
 * every node; a correction only applies while the load is still what was seen, so two nodes
 * never correct twice.
 */
public final class SlotAudit extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(SlotAudit.class);

  private final AgentStore agents;
  private final ConversationStore conversations;
  private final ChatRouter router;
  private final AssignmentPolicy policy;
  private final Duration period;
  private final SlotLeaks leaks = new SlotLeaks();
  private long timer = -1;
  private boolean running;

  public SlotAudit(AgentStore agents, ConversationStore conversations, ChatRouter router, AssignmentPolicy policy, Duration period) {
    this.policy = policy;
    this.agents = agents;
    this.conversations = conversations;
    this.router = router;
    this.period = period;
  }

  @Override
  public Future<?> start() {
    timer = vertx.setPeriodic(period.toMillis(), id -> {
      if (!running) {
        running = true;
        audit().onComplete(r -> running = false).onFailure(e -> log.warn("slot audit failed: {}", e.toString()));
      }
    });
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    return Future.succeededFuture();
  }

  /**
   * One look: corrects what two looks in a row found leaking, then drains those sites' queues. An
   * active conversation counts against the slot it took, as written on it; an e-mail stored before
   * slots were written down, against an e-mail slot where the site gives e-mails slots of their own
   * and against a chat slot where it does not.
   */
  Future<Void> audit() {
    return Future.all(agents.holdingSlots(), conversations.activeByAgent()).compose(both -> {
      List<Agent> holding = both.resultAt(0);
      Map<String, Holding> active = both.resultAt(1);
      // Asked once per site, not once per agent: whether its e-mails have slots of their own.
      Map<String, Future<Boolean>> ownEmailSlots = new HashMap<>();
      return Future.all(holding.stream().map(a -> ownEmailSlots.computeIfAbsent(a.siteKey(),
          site -> policy.now(site).map(p -> p.takesEmailSlot(Conversation.EMAIL))).map(own -> {
            Holding h = active.getOrDefault(a.id(), Holding.NONE);
            return List.of(new SlotLeaks.Seen(a.id(), a.siteKey(), a.load(), h.chatSlotsTaken(own), false),
                new SlotLeaks.Seen(a.id(), a.siteKey(), a.emailLoad(), h.emailSlotsTaken(own), true));
          })).toList()).compose(looked -> correct(looked.<List<SlotLeaks.Seen>>list().stream().flatMap(List::stream).toList()));
    });
  }

  private Future<Void> correct(List<SlotLeaks.Seen> seen) {
    Set<String> sites = new LinkedHashSet<>();
    Future<Void> corrections = Future.succeededFuture();
    for (SlotLeaks.Seen leak : leaks.look(seen)) {
      corrections = corrections.compose(v -> (leak.email()
              ? agents.correctEmailLoad(leak.agentId(), leak.load(), leak.activeChats())
              : agents.correctLoad(leak.agentId(), leak.load(), leak.activeChats()))
          .map(corrected -> {
            if (corrected) {
              log.warn("agent {} counted {} {} but has {}: slots taken by a hand-over that never finished "
                  + "(a node stopped between the two writes) are given back", leak.agentId(), leak.load(),
                  leak.email() ? "e-mails" : "chats", leak.activeChats());
              sites.add(leak.siteKey());
            }
            return null;
          }));
    }
    return corrections.compose(v -> Future.all(sites.stream().map(router::assignQueued).toList()).mapEmpty());
  }
}
