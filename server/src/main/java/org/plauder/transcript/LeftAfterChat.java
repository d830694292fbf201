package org.plauder.transcript;

import io.vertx.core.Future;
import org.plauder.conversation.ChatMessage;
import org.plauder.conversation.Conversation;
import org.plauder.conversation.ConversationService;
import org.plauder.event.CachedReads;
import org.plauder.site.Site;

/**
 * A message a visitor left after its chat lost its agent carries that chat, so the agent who
 * answers it reads the whole conversation: the chat's readable transcript (in the site's first
 * language and time zone) as a system message right after the left message, its end kept when it
 * is longer than a message may be.
 */
public final class LeftAfterChat {

  /** The longest text the note may have: as long as any message. */
  public static final int MAX_TEXT = 4000;

  private LeftAfterChat() {}

  /** The note: a heading, then the transcript, cut from the front (with "…") to {@code maxLength} characters. */
  public static String note(String transcript, boolean german, int maxLength) {
    String heading = german ? "Der Chat vor dieser Nachricht:\n\n" : "The chat before this message:\n\n";
    int room = maxLength - heading.length();
    if (transcript.codePointCount(0, transcript.length()) <= room) {
      return heading + transcript;
    }
    int keep = room - 2;
    int start = transcript.offsetByCodePoints(transcript.length(), -keep);
    return heading + "…\n" + transcript.substring(start);
  }

  /** Appends {@code chat}'s transcript to the left message's conversation, once (a resend stores nothing twice). */
  public static Future<Void> attach(ConversationService messages, CachedReads<String, Site> sites, Conversation left, Conversation chat) {
    return Future.all(messages.allMessages(chat), sites.get(chat.siteKey())).compose(all -> {
      Reader reader = Reader.of(all.resultAt(1), null);
      String text = note(ReadableTranscripts.text(chat, all.resultAt(0), reader), reader.german(), MAX_TEXT);
      return messages.append(left, ChatMessage.Sender.SYSTEM, null, null, text, "chat-" + chat.id()).mapEmpty();
    });
  }
}
