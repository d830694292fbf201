package org.plauder.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.vertx.core.Future;
import java.util.List;
import org.bson.Document;
import org.plauder.conversation.RoutingHistory;
import org.plauder.conversation.RoutingStep;

/**
 * The routing steps of each conversation in one document per conversation ({@code _id} = its
 * id), so that recording is one exact-key upsert and reading one exact-key find. The newest
 * {@link #KEPT} steps are kept.
 */
public final class RoutingLog implements RoutingHistory {

  static final int KEPT = 100;

  private final Database db;
  /** Steps recorded while a write is under way go together (ordered, so one chat's steps keep their order). */
  private final GroupedWrites<UpdateOneModel<Document>> steps;

  RoutingLog(Database db) {
    this.db = db;
    this.steps = new GroupedWrites<>(updates -> Reactive.done(db.routingLog().bulkWrite(updates, new BulkWriteOptions().ordered(true))));
  }

  @Override
  public Future<Void> record(String conversationId, RoutingStep step) {
    Document entry = new Document("at", Dates.toDate(step.at()))
        .append("rule", step.rule().wire())
        .append("agentId", step.agentId())
        .append("agentName", step.agentName())
        .append("fromAgentId", step.fromAgentId())
        .append("fromAgentName", step.fromAgentName())
        .append("candidates", step.candidates().stream().map(c -> new Document("agentId", c.agentId()).append("name", c.name())
            .append("load", c.load()).append("freeSlots", c.freeSlots())).toList());
    return steps.add(new UpdateOneModel<>(eq("_id", conversationId),
        Updates.pushEach("steps", List.of(entry), new PushOptions().slice(-KEPT)), new UpdateOptions().upsert(true)));
  }

  @Override
  public Future<List<RoutingStep>> of(String conversationId) {
    return Reactive.first(db.routingLog().find(eq("_id", conversationId)).first())
        .map(d -> d == null ? List.<RoutingStep>of() : d.getList("steps", Document.class).stream().map(RoutingLog::toStep).toList());
  }

  /** Removes the routing steps of these conversations (retention, erasure). */
  Future<Void> deleteOf(List<String> conversationIds) {
    return Reactive.done(db.routingLog().deleteMany(com.mongodb.client.model.Filters.in("_id", conversationIds)));
  }

  private static RoutingStep toStep(Document d) {
    return new RoutingStep(Dates.toInstant(d.getDate("at")), RoutingStep.Rule.fromWire(d.getString("rule")),
        d.getString("agentId"), d.getString("agentName"), d.getString("fromAgentId"), d.getString("fromAgentName"),
        d.getList("candidates", Document.class, List.of()).stream().map(c -> new RoutingStep.Candidate(c.getString("agentId"),
            c.getString("name"), c.getInteger("load", 0), c.getInteger("freeSlots", 0))).toList());
  }
}
