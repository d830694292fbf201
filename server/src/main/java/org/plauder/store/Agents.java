package org.plauder.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.size;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.plauder.agent.Agent;
import org.plauder.agent.AgentSelection;
import org.plauder.agent.AgentStatus;
import org.plauder.agent.AgentStore;

/**
 * Agents in MongoDB, including their capacity. The stored {@code freeSlots} is kept equal to
 * {@code maxChats - load} so that taking a slot is one conditional atomic update; it goes below
 * zero when maxChats is lowered under the load, so that giving slots back stays exact (the
 * record's {@link Agent#freeSlots()} never shows that).
 */
public final class Agents implements AgentStore {

  private static final FindOneAndUpdateOptions RETURN_AFTER =
      new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);

  private final Database db;
  private final SharedReads<String, List<Agent>> siteAgents = new SharedReads<>(this::readOfSite);

  public Agents(Database db) {
    this.db = db;
  }

  /** Stored credentials of an agent, for the login check only. */
  public record Credentials(Agent agent, String passwordHash) {}

  public Future<Agent> insert(String siteKey, String email, String name, String role, int maxChats, String passwordHash) {
    String id = Ids.newId();
    Document doc = new Document("_id", id)
        .append("siteKey", siteKey)
        .append("email", email)
        .append("name", name)
        .append("role", role)
        .append("maxChats", maxChats)
        .append("status", AgentStatus.OFFLINE.wire())
        .append("load", 0)
        .append("freeSlots", maxChats)
        .append("disabled", false)
        .append("lastAssignedAt", null)
        .append("passwordHash", passwordHash)
        .append("createdAt", Dates.toDate(Instant.now()));
    return Reactive.first(db.agents().insertOne(doc)).compose(r -> find(id));
  }

  @Override
  public Future<Agent> find(String agentId) {
    return Reactive.first(db.agents().find(eq("_id", agentId)).first()).map(Agents::toAgent);
  }

  public Future<Credentials> findCredentials(String email) {
    return Reactive.first(db.agents().find(eq("email", email)).first())
        .map(d -> d == null ? null : new Credentials(toAgent(d), d.getString("passwordHash")));
  }

  @Override
  public Future<List<Agent>> holdingSlots() {
    return Reactive.list(db.agents().find(or(gt("load", 0), gt("emailLoad", 0)))).map(list -> list.stream().map(Agents::toAgent).toList());
  }

  @Override
  public Future<Boolean> correctEmailLoad(String agentId, int seenEmailLoad, int activeEmails) {
    return Reactive.first(db.agents().updateOne(and(eq("_id", agentId), eq("emailLoad", seenEmailLoad)),
            Updates.set("emailLoad", activeEmails)))
        .map(result -> result.getModifiedCount() == 1);
  }

  @Override
  public Future<Boolean> correctLoad(String agentId, int seenLoad, int activeChats) {
    return Reactive.first(db.agents().updateOne(and(eq("_id", agentId), eq("load", seenLoad)),
            Updates.combine(Updates.set("load", activeChats), Updates.inc("freeSlots", seenLoad - activeChats))))
        .map(result -> result.getModifiedCount() == 1);
  }

  /**
   * The site's agents by name. Routing, the queue and the live-visitors feed ask for them on every
   * chat request and page view: callers at the same moment share one read ({@link SharedReads}).
   */
  @Override
  public Future<List<Agent>> ofSite(String siteKey) {
    return siteAgents.get(siteKey);
  }

  private Future<List<Agent>> readOfSite(String siteKey) {
    return Reactive.list(db.agents().find(eq("siteKey", siteKey)).sort(Sorts.ascending("name")))
        .map(list -> list.stream().map(Agents::toAgent).toList());
  }

  /** Whether any agent of the site is allowed by {@code selection} right now (someone online with room). */
  public Future<Boolean> anyAllowed(String siteKey, AgentSelection selection) {
    return Reactive.first(db.agents().countDocuments(filterOf(selection, eq("siteKey", siteKey)))).map(n -> n > 0);
  }

  @Override
  public Future<Agent> claimSlot(String siteKey, AgentSelection selection, Instant now) {
    return claim(filterOf(selection, eq("siteKey", siteKey)), selection, now);
  }

  @Override
  public Future<Agent> claimSlotExcept(String siteKey, String exceptAgentId, AgentSelection selection, Instant now) {
    return claim(filterOf(selection, and(eq("siteKey", siteKey), ne("_id", exceptAgentId))), selection, now);
  }

  @Override
  public Future<Agent> claimSlotOf(String agentId, String siteKey, AgentSelection selection, Instant now) {
    return claim(filterOf(selection, and(eq("_id", agentId), eq("siteKey", siteKey))), selection, now);
  }

  /** The selection's conditions as a MongoDB filter, within {@code scope}. */
  static Bson filterOf(AgentSelection selection, Bson scope) {
    List<Bson> conditions = new ArrayList<>(List.of(scope, eq("status", selection.status().wire())));
    if (selection.enabledOnly()) {
      conditions.add(ne("disabled", true));
    }
    // An e-mail slot's limit is the site's, passed in: one condition on the agent's own counter keeps it exact.
    // (An agent stored before e-mails had slots of their own has no emailLoad: it holds none.)
    conditions.add(selection.takesEmailSlot() ? or(lt("emailLoad", selection.maxEmails()), exists("emailLoad", false))
        : gte("freeSlots", selection.minFreeSlots()));
    if (selection.language() != null) {
      // An agent that lists no language speaks every one.
      conditions.add(or(eq("languages", selection.language()), size("languages", 0), exists("languages", false)));
    }
    if (selection.skill() != null) {
      conditions.add(eq("skills", selection.skill()));
    }
    if (selection.among() != null) {
      conditions.add(in("_id", selection.among()));
    }
    return and(conditions);
  }

  /** The selection's order as a MongoDB sort; MongoDB sorts a null lastAssignedAt before every date, as the ranking wants. */
  static Bson sortOf(AgentSelection selection) {
    return Sorts.ascending(selection.ranking().stream().map(key -> switch (key) {
      case LOAD -> selection.takesEmailSlot() ? "emailLoad" : "load";
      case LAST_ASSIGNED_AT -> "lastAssignedAt";
    }).toList());
  }

  private Future<Agent> claim(Bson filter, AgentSelection selection, Instant now) {
    Bson update = selection.takesEmailSlot()
        ? Updates.combine(Updates.inc("emailLoad", 1), Updates.set("lastAssignedAt", Dates.toDate(now)))
        : Updates.combine(Updates.inc("load", 1), Updates.inc("freeSlots", -1), Updates.set("lastAssignedAt", Dates.toDate(now)));
    FindOneAndUpdateOptions options = new FindOneAndUpdateOptions()
        .returnDocument(ReturnDocument.AFTER)
        .sort(sortOf(selection));
    return Reactive.first(db.agents().findOneAndUpdate(filter, update, options)).map(Agents::toAgent);
  }

  @Override
  public Future<Void> releaseSlot(String agentId, boolean emailSlot) {
    if (emailSlot) {
      return Reactive.first(db.agents().updateOne(and(eq("_id", agentId), gt("emailLoad", 0)), Updates.inc("emailLoad", -1))).mapEmpty();
    }
    return Reactive.first(db.agents().updateOne(and(eq("_id", agentId), gt("load", 0)),
        Updates.combine(Updates.inc("load", -1), Updates.inc("freeSlots", 1)))).mapEmpty();
  }

  @Override
  public Future<Agent> setStatus(String agentId, AgentStatus status) {
    return Reactive.first(db.agents().findOneAndUpdate(eq("_id", agentId),
        Updates.set("status", status.wire()), RETURN_AFTER)).map(Agents::toAgent);
  }

  @Override
  public Future<Agent> setStatusWhile(String agentId, AgentStatus expected, AgentStatus status) {
    return Reactive.first(db.agents().findOneAndUpdate(and(eq("_id", agentId), eq("status", expected.wire())),
        Updates.set("status", status.wire()), RETURN_AFTER)).map(Agents::toAgent);
  }

  /** Every enabled agent, of any site, whose chosen status is online: what the presence sweep compares with the sockets. */
  public Future<List<Agent>> onlineAnywhere() {
    return Reactive.list(db.agents().find(and(eq("status", AgentStatus.ONLINE.wire()), ne("disabled", true))))
        .map(list -> list.stream().map(Agents::toAgent).toList());
  }

  /**
   * Sets maxChats and recomputes freeSlots against the load read just before; retried when
   * an assignment changed the load in between, so the two fields never disagree.
   */
  @Override
  public Future<Agent> setMaxChats(String agentId, int maxChats) {
    return setMaxChats(agentId, maxChats, 0);
  }

  private Future<Agent> setMaxChats(String agentId, int maxChats, int attempt) {
    return find(agentId).compose(agent -> {
      if (agent == null) {
        return Future.succeededFuture(null);
      }
      Bson filter = and(eq("_id", agentId), eq("load", agent.load()));
      Bson update = Updates.combine(Updates.set("maxChats", maxChats), Updates.set("freeSlots", maxChats - agent.load()));
      return Reactive.first(db.agents().findOneAndUpdate(filter, update, RETURN_AFTER)).compose(updated -> {
        if (updated != null) {
          return Future.succeededFuture(toAgent(updated));
        }
        if (attempt >= 20) {
          return Future.failedFuture(new IllegalStateException("load of agent " + agentId + " kept changing"));
        }
        return setMaxChats(agentId, maxChats, attempt + 1);
      });
    });
  }

  static Agent toAgent(Document d) {
    if (d == null) {
      return null;
    }
    return new Agent(
        d.getString("_id"),
        d.getString("siteKey"),
        d.getString("email"),
        d.getString("name"),
        d.getString("role"),
        d.getInteger("maxChats", 0),
        AgentStatus.fromWire(d.getString("status")),
        d.getInteger("load", 0),
        d.getBoolean("disabled", false),
        Dates.toInstant(d.getDate("lastAssignedAt")),
        d.getList("languages", String.class),
        d.getList("skills", String.class),
        d.getString("displayName"),
        d.getString("avatarFileId"),
        d.getInteger("emailLoad", 0));
  }
}
