package org.plauder.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.vertx.core.Future;
import org.bson.conversions.Bson;
import org.plauder.agent.Agent;
import org.plauder.agent.AgentStatus;

/** What an admin changes about another agent's account: whether it may work at all. */
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
}
