package org.plauder.conversation;

import io.vertx.core.Future;
import java.util.List;

/** The internal notes of each conversation, oldest first. Implemented over MongoDB by {@code store.Notes}. */
public interface NoteLog {

  /** Stores the note once per conversation and clientMsgId; false when that clientMsgId was stored already. */
  Future<Boolean> append(Note note);

  Future<List<Note>> of(String conversationId);

  /** Notes of the site whose text holds {@code needle} (any case), newest conversations first, at most {@code limit}. */
  Future<List<Note>> search(String siteKey, String needle, int limit);
}
