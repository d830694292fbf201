package org.plauder.routing;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.plauder.agent.Agent;
import org.plauder.agent.AgentConnections;
import org.plauder.agent.AgentSelection;
import org.plauder.agent.AgentSelection.RankKey;
import org.plauder.agent.AgentStatus;
import org.plauder.conversation.ChatNeeds;
import org.plauder.conversation.Conversation;
import org.plauder.conversation.QueuedChat;
import org.plauder.conversation.RoutingStep.Candidate;
import org.plauder.conversation.SlotKind;
import org.plauder.event.DomainEvent.AssignReason;
import org.plauder.site.Site;

/**
 * Which agent gets a chat: only an online, enabled agent with a free slot; among those the one
 * with the lowest load, ties to the one who waited longest since its last assignment (never
 * assigned first). A chat that asks for a language or a topic's skill goes at first only to agents
 * who match it, until its {@link ChatNeeds#matchOnlyUntil} (or at once to anyone, when nobody online
 * matches). The rule is one {@link AgentSelection}: {@link #choose} reads it in plain Java, and the
 * store's atomic claim is derived from the same value, so both pick alike. On a server only agents
 * with a dashboard socket open count ({@link #onlyConnected}): {@link #now} gives the rule as it
 * stands for a site at this moment. On a site with {@link Site#maxEmails} an e-mail conversation
 * takes an e-mail slot of its own instead of a chat slot ({@link #selectionFor}), claimed as atomically;
 * the slot a conversation took is given back as written on it ({@link #holdsEmailSlot}), however the site's setting changed since.
 */
public final class AssignmentPolicy {

  /** The selection a chat is routed by now, and the rule that says why. */
  public record Choice(AgentSelection selection, AssignReason reason) {}

  /**
   * A waiting chat this round will give to an agent of {@code choice}, expected to be {@code agentId} (the first in the
   * choice's order, counting the chats planned before it), with the agents routing considered for it.
   */
  public record Planned(QueuedChat chat, Choice choice, String agentId, List<Candidate> considered) {}

  private final AgentSelection selection;
  /** Who has a dashboard open; null: every agent counts as connected (the rule alone, as its unit tests use it). */
  private final AgentConnections connections;
  /** Each agent's e-mail slots of their own (null: an e-mail takes a chat slot), as given or, with {@code sites}, the site's now. */
  private final Integer maxEmails;
  private final Function<String, Future<Site>> sites;

  private AssignmentPolicy(AgentSelection selection, AgentConnections connections, Integer maxEmails,
      Function<String, Future<Site>> sites) {
    this.selection = selection;
    this.connections = connections;
    this.maxEmails = maxEmails;
    this.sites = sites;
  }

  /** The rule Plauder routes by. */
  public static AssignmentPolicy lowestLoad() {
    return new AssignmentPolicy(new AgentSelection(AgentStatus.ONLINE, true, 1, List.of(RankKey.LOAD, RankKey.LAST_ASSIGNED_AT)), null,
        null, null);
  }

  /** The same rule, for agents with a dashboard socket open only: an agent whose last socket closed gets no new chat. */
  public AssignmentPolicy onlyConnected(AgentConnections connections) {
    return new AssignmentPolicy(selection, connections, maxEmails, sites);
  }

  /** The same rule, with e-mail slots of their own, this many per agent (null: an e-mail takes a chat slot). */
  public AssignmentPolicy withMaxEmails(Integer maxEmails) {
    return new AssignmentPolicy(selection, connections, maxEmails, null);
  }

  /** The same rule, with each site's e-mail slots as its settings say at the moment ({@link #now}). */
  public AssignmentPolicy withSiteSettings(Function<String, Future<Site>> sites) {
    return new AssignmentPolicy(selection, connections, maxEmails, sites);
  }

  /** The rule for the site at this moment: among the agents connected now, with the site's e-mail slots. */
  public Future<AssignmentPolicy> now(String siteKey) {
    Future<Set<String>> connected = connections == null ? Future.succeededFuture(null) : connections.connectedOf(siteKey);
    return Future.all(connected, maxEmailsOf(siteKey)).map(both -> {
      Set<String> ids = both.resultAt(0);
      return new AssignmentPolicy(ids == null ? selection : selection.among(ids), null, both.resultAt(1), null);
    });
  }

  /** Whether a conversation of this channel takes an e-mail slot of its own rather than a chat slot. */
  public boolean takesEmailSlot(String channel) {
    return maxEmails != null && Conversation.EMAIL.equals(channel);
  }

  /**
   * Whether {@code c}'s agent holds an e-mail slot for it (else a chat slot), to give back: as
   * written on it when it became active ({@link Conversation#slot}), whatever its site says now;
   * only for an e-mail stored before slots were written down is the site's setting read.
   */
  public Future<Boolean> holdsEmailSlot(Conversation c) {
    if (c.slot() != null || !Conversation.EMAIL.equals(c.channel())) {
      return Future.succeededFuture(c.slotHeld(null) == SlotKind.EMAIL);
    }
    return maxEmailsOf(c.siteKey()).map(limit -> c.slotHeld(limit) == SlotKind.EMAIL);
  }

  /** The rule for {@code c} that asks nothing in particular, with the slot it claims on its site now; among all agents. */
  public Future<AgentSelection> selectionFor(Conversation c) {
    if (!Conversation.EMAIL.equals(c.channel())) {
      return Future.succeededFuture(selection);
    }
    return maxEmailsOf(c.siteKey()).map(limit -> limit == null ? selection : selection.emailSlots(limit));
  }

  /** The site's e-mail slots per agent now (null: an e-mail takes a chat slot). */
  private Future<Integer> maxEmailsOf(String siteKey) {
    return sites == null ? Future.succeededFuture(maxEmails) : sites.apply(siteKey).map(site -> site == null ? null : site.maxEmails());
  }

  /** The slot a claim by {@code selection} takes. */
  public static SlotKind slotClaimedBy(AgentSelection selection) {
    return SlotKind.claimed(selection.takesEmailSlot());
  }

  /** The rule for a conversation of this channel that asks nothing in particular: the slot it claims included. */
  public AgentSelection selectionFor(String channel) {
    return takesEmailSlot(channel) ? selection.emailSlots(maxEmails) : selection;
  }

  /** Whether the agent counts as online for visitors: chose online, enabled and (see {@link #now}) connected; room aside. */
  public boolean isOnline(Agent agent) {
    return agent.status() == selection.status() && !agent.disabled() && selection.admits(agent.id());
  }

  /** The rule for a chat that asks nothing in particular. */
  public AgentSelection selection() {
    return selection;
  }

  /** Whether this agent may get a new chat now. */
  public boolean canTakeChat(Agent agent) {
    return selection.allows(agent);
  }

  /** How many chats these agents may take between them now: the free slots of those the policy allows. */
  public int roomAmong(Collection<Agent> agents) {
    return agents.stream().filter(selection::allows).mapToInt(Agent::freeSlots).sum();
  }

  /**
   * How many agents a routing step writes down as considered: the chosen one and the next best.
   * All of them on a site with a hundred agents online made each step's record and event a hundred
   * entries long, the costliest write of a chat request, and the "why me?" list unreadable.
   */
  public static final int MAX_CONSIDERED = 10;

  /** The agents a step considered, best first in the selection's order, at most {@link #MAX_CONSIDERED}. */
  static List<Candidate> considered(Stream<Agent> allowed, AgentSelection selection) {
    return allowed.sorted(selection.order()).limit(MAX_CONSIDERED).map(QueueDrain::candidate).toList();
  }

  /** The agent that gets the next chat, or empty when nobody may. */
  public Optional<Agent> choose(Collection<Agent> agents) {
    return agents.stream().filter(selection::allows).min(selection.order());
  }

  /**
   * How a chat with these needs is routed at {@code now} among the site's {@code agents}: only the
   * matching ones while it is within its match-only time and someone online matches (skill); anyone
   * once that time is over or when nobody online matches (fallback); anyone when every agent online
   * matches anyway or the chat asks nothing (lowest load).
   */
  public Choice choiceFor(ChatNeeds needs, Collection<Agent> agents, Instant now) {
    return choiceFor(needs, Conversation.CHAT, agents, now);
  }

  /** As {@link #choiceFor(ChatNeeds, Collection, Instant)}, for a conversation of this channel (the slot it claims). */
  public Choice choiceFor(ChatNeeds needs, String channel, Collection<Agent> agents, Instant now) {
    AgentSelection selection = selectionFor(channel);
    AgentSelection matching = selection.matching(needs.language(), needs.skill());
    List<Agent> online = agents.stream().filter(this::isOnline).toList();
    long fitting = online.stream().filter(matching::fits).count();
    if (!needs.asksAnything() || fitting == online.size()) {
      return new Choice(selection, AssignReason.LOWEST_LOAD);
    }
    if (needs.matchOnlyAt(now) && fitting > 0) {
      return new Choice(matching, AssignReason.SKILL);
    }
    return new Choice(selection, AssignReason.FALLBACK);
  }

  /**
   * Which of the waiting chats (in queue order) one round can hand to these agents, each by its own
   * choice, counting the slots earlier chats of the round take. A chat nobody may take yet is
   * passed over, so that a chat for a busy skill does not hold up those behind it.
   */
  public List<Planned> plan(List<QueuedChat> waiting, Collection<Agent> agents, Instant now) {
    Map<String, Agent> asIfAssigned = new LinkedHashMap<>();
    agents.forEach(a -> asIfAssigned.put(a.id(), a));
    List<Planned> planned = new ArrayList<>();
    for (QueuedChat chat : waiting) {
      Choice choice = choiceFor(chat.needs(), chat.channel(), agents, now);
      List<Agent> allowed = asIfAssigned.values().stream().filter(choice.selection()::allows).toList();
      Optional<Agent> next = allowed.stream().min(choice.selection().order());
      if (next.isPresent()) {
        planned.add(new Planned(chat, choice, next.get().id(), considered(allowed.stream(), choice.selection())));
        Agent agent = next.get();
        asIfAssigned.put(agent.id(), choice.selection().takesEmailSlot() ? agent.withOneMoreEmail(now) : agent.withOneMoreChat(now));
      }
    }
    return planned;
  }

  /** When the earliest of these waiting chats, left unplanned while only matching agents may take it, opens to anyone; null for none. */
  public static Instant nextFallback(List<QueuedChat> waiting, List<Planned> planned, Instant now) {
    List<String> placed = planned.stream().map(p -> p.chat().conversationId()).toList();
    return waiting.stream()
        .filter(c -> c.needs().matchOnlyAt(now) && !placed.contains(c.conversationId()))
        .map(c -> c.needs().matchOnlyUntil())
        .min(Instant::compareTo).orElse(null);
  }
}
