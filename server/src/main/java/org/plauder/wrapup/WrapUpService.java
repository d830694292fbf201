package org.plauder.wrapup;

import io.vertx.core.Future;
import java.time.Clock;
import java.util.List;
import org.plauder.auth.Identity;
import org.plauder.conversation.Conversation;
import org.plauder.conversation.ConversationService;
import org.plauder.conversation.Note;
import org.plauder.conversation.NoteLog;
import org.plauder.conversation.Tags;
import org.plauder.conversation.WrapUpStore;
import org.plauder.event.DomainEvent.NoteAdded;
import org.plauder.event.DomainEvent.TagsChanged;
import org.plauder.event.EventSink;

/**
 * Wrapping a conversation up: tags and internal notes by the site's agents (on open and closed
 * conversations alike), and the comment a visitor writes with its rating. Tags and notes are for
 * agents only; their changes are announced ({@code TagsChanged}, {@code NoteAdded}) for the pushes
 * to the site's agents, and nothing here is pushed to a visitor or read by the visitor's paths.
 */
public final class WrapUpService {

  /** The longest rating comment, in characters. */
  public static final int MAX_COMMENT = 500;

  /** What became of a note: stored now, or the one stored before with that clientMsgId. */
  public record Noted(Note note, boolean duplicate) {}

  private final WrapUpStore store;
  private final NoteLog notes;
  private final ConversationService conversations;
  private final EventSink events;
  private final Clock clock;

  public WrapUpService(WrapUpStore store, NoteLog notes, ConversationService conversations, EventSink events, Clock clock) {
    this.store = store;
    this.notes = notes;
    this.conversations = conversations;
    this.events = events;
    this.clock = clock;
  }

  /** Adds a tag (normalised, {@link Tags}) to a conversation of the agent's site; its tags after, announced as {@link TagsChanged}. */
  public Future<List<String>> addTag(Conversation c, Object rawTag) {
    String tag = Tags.normalise(rawTag);
    return store.addTag(c.id(), tag, Tags.MAX_PER_CONVERSATION).map(after -> announce(c, Tags.requireAdded(after, tag)));
  }

  public Future<List<String>> removeTag(Conversation c, Object rawTag) {
    return store.removeTag(c.id(), Tags.normalise(rawTag)).map(after -> announce(c, after));
  }

  private List<String> announce(Conversation c, List<String> tags) {
    events.publish(new TagsChanged(c.siteKey(), c.id(), tags));
    return tags;
  }

  /** Stores an agent's note once per clientMsgId (a resend answers with the first). */
  public Future<Noted> addNote(Identity agent, String agentName, Conversation c, String text, String clientMsgId) {
    Note note = new Note(c.id(), c.siteKey(), agent.id(), agentName, text, clientMsgId, clock.instant());
    return notes.append(note).compose(appended -> appended
        ? Future.succeededFuture(announced(note))
        : notes.of(c.id()).map(all -> new Noted(all.stream().filter(n -> n.clientMsgId().equals(clientMsgId)).findFirst()
            .orElse(note), true)));
  }

  private Noted announced(Note note) {
    events.publish(new NoteAdded(note.siteKey(), note));
    return new Noted(note, false);
  }

  /** The visitor's rating, and with it its comment (null: none, which keeps an earlier one). */
  public Future<Void> rate(Conversation c, int rating, String comment) {
    return conversations.rate(c, rating).compose(v -> comment == null ? Future.<Void>succeededFuture() : store.setRatingComment(c.id(), comment));
  }
}
