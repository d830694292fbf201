package org.plauder.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.plauder.TestNode.await;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.plauder.conversation.ChatMessage;
import org.plauder.conversation.ChatNeeds;
import org.plauder.store.Conversations;
import org.plauder.store.Database;
import org.plauder.store.EmbeddedStore;
import org.plauder.store.Messages;

/**
 * The transcript search reads conversation by conversation, by exact ids, and still finds what a
 * filter over all messages would: past a page of conversations, past a conversation's first page
 * of messages and its trailing last seq, newest first, within the time range; on the real driver
 * and embedded database.
 */
@ExtendWith(EmbeddedStore.class)
class TranscriptSearchTest {

  private static final Instant T = Instant.parse("2026-12-04T10:00:00Z");

  private Conversations conversations;
  private Messages messages;
  private TranscriptSearch search;
  private int visitors;

  @BeforeEach
  void start(Database db) {
    conversations = new Conversations(db);
    messages = new Messages(db);
    search = new TranscriptSearch(conversations, messages);
  }

  /** A conversation of the site with these texts, one second apart from {@code start}; its last seq recorded as {@code recorded}. */
  private String chat(String siteKey, Instant start, List<String> texts, long recorded) {
    String id = await(conversations.openQueued(siteKey, "v" + ++visitors, 1, "Eva", null, ChatNeeds.NONE, start)).id();
    for (int i = 0; i < texts.size(); i++) {
      await(messages.insert(new ChatMessage(id, i + 1, ChatMessage.Sender.VISITOR, "v", "Eva", texts.get(i), "m" + i,
          start.plusSeconds(i)), siteKey));
    }
    await(conversations.recordSeq(id, recorded));
    return id;
  }

  private static List<String> texts(List<ChatMessage> found) {
    return found.stream().map(ChatMessage::text).toList();
  }

  @Test
  void findsTextLiterallyIgnoringCaseAlsoInUmlauts() {
    chat("demo", T, List.of("Wo ist mein PAKET?", "Größe passt nicht", "Regex .* bleibt Text",
        "19,99 € (inkl. MwSt.) [Aktion] + Versand? ^$|{2} \\Q\\E #_/"), 4);
    chat("other", T, List.of("paket einer anderen Seite"), 1);

    assertEquals(List.of("Wo ist mein PAKET?"), texts(await(search.search("demo", "paket", null, null, null, 10))));
    assertEquals(List.of("Größe passt nicht"), texts(await(search.search("demo", "GRÖßE", null, null, null, 10))));
    assertEquals(List.of("Regex .* bleibt Text"), texts(await(search.search("demo", ".*", null, null, null, 10))));
    assertEquals(List.of(), texts(await(search.search("demo", "pak.t", null, null, null, 10))));
    assertEquals(List.of("19,99 € (inkl. MwSt.) [Aktion] + Versand? ^$|{2} \\Q\\E #_/"),
        texts(await(search.search("demo", "€ (INKL. mwst.) [aktion] + versand? ^$|{2} \\q\\e #_/", null, null, null, 10))));
  }

  @Test
  void findsPastAPageOfConversationsAndPastAConversationsFirstPageNewestFirst() {
    // More conversations than one page, one message each, a minute apart; the oldest says "Treffer".
    for (int c = 0; c < TranscriptSearch.CONVERSATION_PAGE + 5; c++) {
      chat("demo", T.plusSeconds(60L * c), List.of(c == 0 ? "Treffer in der ältesten" : "nichts " + c), 1);
    }
    // One long chat, later than all of them, recorded as far shorter than it is: its last line matches.
    List<String> longChat = new java.util.ArrayList<>();
    for (int i = 1; i < TranscriptSearch.MESSAGE_PAGE + 100; i++) {
      longChat.add("Zeile " + i);
    }
    longChat.add("Treffer ganz am Ende");
    chat("demo", T.plusSeconds(86_400), longChat, 3);

    assertEquals(List.of("Treffer ganz am Ende", "Treffer in der ältesten"), texts(await(search.search("demo", "treffer", null, null, null, 10))));
    assertEquals(List.of("Treffer ganz am Ende"), texts(await(search.search("demo", "treffer", null, null, null, 1))));
  }

  @Test
  void keepsToTheTimeRangeAndTheNewestWithinTheLimit() {
    chat("demo", T, List.of("eins", "zwei", "drei", "vier"), 4);
    chat("demo", T.plusMillis(1500), List.of("fünf"), 1);

    assertEquals(List.of("drei", "fünf", "zwei"), texts(await(search.search("demo", null, null, T.plusSeconds(1), T.plusSeconds(3), 10))));
    assertEquals(List.of("vier", "drei"), texts(await(search.search("demo", null, null, null, null, 2))));
  }
}
