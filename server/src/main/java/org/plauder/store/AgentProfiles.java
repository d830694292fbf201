package org.plauder.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.vertx.core.Future;
import org.plauder.agent.Agent;

/**
 * What an agent shows of itself, kept in its own agents document: the display name visitors read
 * and the file id of its picture (the bytes are in {@link Files}, as every file is).
 */
public final class AgentProfiles {

  private static final FindOneAndUpdateOptions RETURN_BEFORE = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE);
  private static final FindOneAndUpdateOptions RETURN_AFTER = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);

  private final Database db;

  public AgentProfiles(Database db) {
    this.db = db;
  }

  /** Sets (null: removes) the display name; the agent as it is now, or null when there is none. */
  public Future<Agent> setDisplayName(String agentId, String displayName) {
    return Reactive.first(db.agents().findOneAndUpdate(eq("_id", agentId), Updates.set("displayName", displayName), RETURN_AFTER))
        .map(Agents::toAgent);
  }

  /** Sets (null: removes) the picture; the agent as it was before, so that its old picture can go. */
  public Future<Agent> setAvatar(String agentId, String fileId) {
    return Reactive.first(db.agents().findOneAndUpdate(eq("_id", agentId), Updates.set("avatarFileId", fileId), RETURN_BEFORE))
        .map(Agents::toAgent);
  }

  /** The agent whose picture this file is now, or null (an old picture, a chat's file, no such file). */
  public Future<Agent> ownerOfAvatar(String fileId) {
    return Reactive.first(db.agents().find(eq("avatarFileId", fileId)).first()).map(Agents::toAgent);
  }
}
