package org.plauder.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.regex;

import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.bson.Document;
import org.plauder.conversation.Note;
import org.plauder.conversation.NoteLog;

/**
 * The internal notes of each conversation in one document per conversation ({@code _id} = its id,
 * with its site and the time of the latest note), in the collection {@code notes}, apart from the
 * messages: nothing that reads messages for a visitor can come upon them. At most {@link #KEPT}
 * per conversation.
 */
public final class Notes implements NoteLog {

  static final int KEPT = 200;

  private final Database db;

  public Notes(Database db) {
    this.db = db;
  }

  /** Stored once per clientMsgId ({@link ConversationEntries#appendOnce}), with the site and the time of the latest note. */
  @Override
  public Future<Boolean> append(Note n) {
    Document entry = new Document("agentId", n.agentId()).append("agentName", n.agentName()).append("text", n.text())
        .append("clientMsgId", n.clientMsgId()).append("at", Dates.toDate(n.at()));
    return ConversationEntries.appendOnce(db.notes(), n.conversationId(), "notes", entry,
        List.of(Updates.setOnInsert("siteKey", n.siteKey()), Updates.set("lastAt", Dates.toDate(n.at()))), KEPT);
  }

  @Override
  public Future<List<Note>> of(String conversationId) {
    return Reactive.first(db.notes().find(eq("_id", conversationId)).first()).map(d -> d == null ? List.<Note>of() : notes(d));
  }

  @Override
  public Future<List<Note>> search(String siteKey, String needle, int limit) {
    String lower = needle.toLowerCase(Locale.ROOT);
    return Reactive.list(db.notes().find(and(eq("siteKey", siteKey), regex("notes.text", Pattern.quote(needle), "i")))
        .sort(Sorts.descending("lastAt"))).map(docs -> {
          List<Note> found = new ArrayList<>();
          for (Document d : docs) {
            for (Note n : notes(d)) {
              if (found.size() < limit && n.text().toLowerCase(Locale.ROOT).contains(lower)) {
                found.add(n);
              }
            }
          }
          return found;
        });
  }

  private static List<Note> notes(Document d) {
    String conversationId = d.getString("_id");
    String siteKey = d.getString("siteKey");
    return d.getList("notes", Document.class).stream().map(n -> new Note(conversationId, siteKey, n.getString("agentId"),
        n.getString("agentName"), n.getString("text"), n.getString("clientMsgId"), Dates.toInstant(n.getDate("at")))).toList();
  }

  /** Removes the notes of these conversations (retention, erasure). */
  static Future<Void> deleteOf(Database db, List<String> conversationIds) {
    return Reactive.done(db.notes().deleteMany(in("_id", conversationIds)));
  }
}
