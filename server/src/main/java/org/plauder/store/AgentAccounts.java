package org.plauder.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import org.bson.conversions.Bson;
import org.plauder.agent.Agent;
import org.plauder.agent.AgentStatus;

/** What an admin changes about another agent's account: whether it may work at all, and what it speaks and knows. */
public final class AgentAccounts {

  private static final FindOneAndUpdateOptions RETURN_AFTER =
      new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);

  private final Database db;

  public AgentAccounts(Database db) {
    this.db = db;
  }

  /**
   * Disables (and sets offline, so that no new chat reaches it) or enables an agent of this site;
   * null when there is no such agent on the site.
   */
  public Future<Agent> setDisabled(String agentId, String siteKey, boolean disabled) {
    Bson update = disabled
        ? Updates.combine(Updates.set("disabled", true), Updates.set("status", AgentStatus.OFFLINE.wire()))
        : Updates.set("disabled", false);
    return Reactive.first(db.agents().findOneAndUpdate(and(eq("_id", agentId), eq("siteKey", siteKey)), update, RETURN_AFTER))
        .map(Agents::toAgent);
  }

  /**
   * Sets what routing matches the agent by (either list may be null: unchanged); null when there is
   * no such agent on the site.
   */
  public Future<Agent> setRoutingTags(String agentId, String siteKey, List<String> languages, List<String> skills) {
    List<Bson> updates = new ArrayList<>();
    if (languages != null) {
      updates.add(Updates.set("languages", languages));
    }
    if (skills != null) {
      updates.add(Updates.set("skills", skills));
    }
    if (updates.isEmpty()) {
      return Reactive.first(db.agents().find(and(eq("_id", agentId), eq("siteKey", siteKey))).first()).map(Agents::toAgent);
    }
    return Reactive.first(db.agents().findOneAndUpdate(and(eq("_id", agentId), eq("siteKey", siteKey)), Updates.combine(updates),
        RETURN_AFTER)).map(Agents::toAgent);
  }
}
