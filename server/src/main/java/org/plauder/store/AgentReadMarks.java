package org.plauder.store;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.vertx.core.Future;
import java.util.List;
import org.bson.Document;
import org.plauder.conversation.ReadMarks;

/** One small document per conversation ({@code _id} = its id) with the highest seq its agent has read; raised with $max. */
public final class AgentReadMarks implements ReadMarks {

  private static final FindOneAndUpdateOptions UPSERT_AFTER =
      new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER);

  private final Database db;

  AgentReadMarks(Database db) {
    this.db = db;
  }

  @Override
  public Future<Long> agentRead(String conversationId, long seq) {
    return Reactive.first(db.readMarks().findOneAndUpdate(eq("_id", conversationId), Updates.max("agentSeq", seq), UPSERT_AFTER))
        .map(AgentReadMarks::seqOf);
  }

  @Override
  public Future<Long> agentReadSeq(String conversationId) {
    return Reactive.first(db.readMarks().find(eq("_id", conversationId)).first()).map(AgentReadMarks::seqOf);
  }

  /** Removes the marks of these conversations (retention, erasure). */
  Future<Void> deleteOf(List<String> conversationIds) {
    return Reactive.done(db.readMarks().deleteMany(in("_id", conversationIds)));
  }

  private static long seqOf(Document d) {
    Object seq = d == null ? null : d.get("agentSeq");
    return seq instanceof Number n ? n.longValue() : 0L;
  }
}
