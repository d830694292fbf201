package org.plauder.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.plauder.agent.Agent;
import org.plauder.agent.AgentStatus;

/**
 * Agents in MongoDB, including their capacity. {@code freeSlots} is kept equal to
 * {@code maxChats - load} so that taking a slot is one conditional atomic update.
 */
public final class Agents {

  private static final FindOneAndUpdateOptions RETURN_AFTER =
      new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);

  private final Database db;

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

  public Future<Agent> find(String agentId) {
    return Reactive.first(db.agents().find(eq("_id", agentId)).first()).map(Agents::toAgent);
  }

  /** The agent, or a 403 {@code agent_disabled} when it was disabled (or removed) after its token was issued. */
  public Future<Agent> requireEnabled(String agentId) {
    return find(agentId).compose(a -> a == null || a.disabled()
        ? Future.failedFuture(new org.plauder.protocol.Failure(403, "agent_disabled", "this account is disabled"))
        : Future.succeededFuture(a));
  }

  public Future<Credentials> findCredentials(String email) {
    return Reactive.first(db.agents().find(eq("email", email)).first())
        .map(d -> d == null ? null : new Credentials(toAgent(d), d.getString("passwordHash")));
  }

  public Future<List<Agent>> ofSite(String siteKey) {
    return Reactive.list(db.agents().find(eq("siteKey", siteKey)).sort(Sorts.ascending("name")))
        .map(list -> list.stream().map(Agents::toAgent).toList());
  }

  public Future<Long> countOnline(String siteKey) {
    return Reactive.first(db.agents().countDocuments(and(
        eq("siteKey", siteKey), eq("status", AgentStatus.ONLINE.wire()), ne("disabled", true))));
  }

  /** Whether any online agent of the site has a free chat slot right now. */
  public Future<Boolean> anyFreeSlot(String siteKey) {
    return Reactive.first(db.agents().countDocuments(and(eq("siteKey", siteKey), eq("status", AgentStatus.ONLINE.wire()),
        ne("disabled", true), gt("freeSlots", 0)))).map(n -> n > 0);
  }

  /**
   * Takes one chat slot of the site's online agent with free capacity and the lowest load
   * (ties: longest since last assignment), or returns null when nobody has room.
   */
  public Future<Agent> claimSlot(String siteKey, Instant now) {
    return claim(and(eq("siteKey", siteKey), eq("status", AgentStatus.ONLINE.wire()), ne("disabled", true),
        gt("freeSlots", 0)), now);
  }

  /** Takes one chat slot of this particular agent, or returns null when it is not online with room. */
  public Future<Agent> claimSlotOf(String agentId, String siteKey, Instant now) {
    return claim(and(eq("_id", agentId), eq("siteKey", siteKey), eq("status", AgentStatus.ONLINE.wire()),
        ne("disabled", true), gt("freeSlots", 0)), now);
  }

  private Future<Agent> claim(Bson filter, Instant now) {
    Bson update = Updates.combine(
        Updates.inc("load", 1),
        Updates.inc("freeSlots", -1),
        Updates.set("lastAssignedAt", Dates.toDate(now)));
    FindOneAndUpdateOptions options = new FindOneAndUpdateOptions()
        .returnDocument(ReturnDocument.AFTER)
        .sort(Sorts.ascending("load", "lastAssignedAt"));
    return Reactive.first(db.agents().findOneAndUpdate(filter, update, options)).map(Agents::toAgent);
  }

  /** Gives back a slot taken by {@link #claimSlot}. */
  public Future<Void> releaseSlot(String agentId) {
    return Reactive.first(db.agents().updateOne(and(eq("_id", agentId), gt("load", 0)),
        Updates.combine(Updates.inc("load", -1), Updates.inc("freeSlots", 1)))).mapEmpty();
  }

  public Future<Agent> setStatus(String agentId, AgentStatus status) {
    return Reactive.first(db.agents().findOneAndUpdate(eq("_id", agentId),
        Updates.set("status", status.wire()), RETURN_AFTER)).map(Agents::toAgent);
  }

  /**
   * Sets maxChats and recomputes freeSlots against the load read just before; retried when
   * an assignment changed the load in between, so the two fields never disagree.
   */
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
        Dates.toInstant(d.getDate("lastAssignedAt")));
  }
}
