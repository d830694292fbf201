package org.plauder.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldNamesTest {

  /** A name as the wire decoder makes it: a String of its own for every document. */
  private static String decoded(String name) {
    return new String(name.toCharArray());
  }

  private static Document message(String text) {
    return new Document(decoded("_id"), "c1:" + text).append(decoded("senderName"), "Eva").append(decoded("agentId"), null)
        .append(decoded("attachment"), new Document(decoded("name"), "a.pdf"))
        .append(decoded("pages"), new ArrayList<>(List.of(new Document(decoded("url"), "/"), new Document(decoded("url"), "/cart"))));
  }

  private static String keyOf(Document document, int index) {
    return new ArrayList<>(document.keySet()).get(index);
  }

  @Test
  void twoStoredDocumentsUseTheSameNameObjectsAlsoInsideAndKeepTheirFieldsInOrder() {
    FieldNames names = new FieldNames();
    Document first = message("one");
    Document second = message("two");
    assertNotSame(keyOf(first, 1), keyOf(second, 1));

    names.share(first);
    names.share(second);

    for (int i = 0; i < first.size(); i++) {
      assertSame(keyOf(first, i), keyOf(second, i));
    }
    assertSame(keyOf((Document) first.get("attachment"), 0), keyOf((Document) second.get("attachment"), 0));
    Document lastPage = (Document) ((List<?>) second.get("pages")).get(1);
    assertSame(keyOf((Document) ((List<?>) first.get("pages")).get(0), 0), keyOf(lastPage, 0));
    assertEquals(List.of("_id", "senderName", "agentId", "attachment", "pages"), new ArrayList<>(second.keySet()));
    assertEquals(message("two"), second, "the values, a null one too, are untouched");
  }

  @Test
  void namesBeyondTheLimitStayAsTheyCame() {
    FieldNames names = new FieldNames();
    for (int i = 0; i < FieldNames.MAX_NAMES; i++) {
      names.shared("field" + i);
    }
    String late = decoded("late");
    assertSame(late, names.shared(late));
    assertNotSame(late, names.shared(decoded("late")), "not remembered: each keeps its own");
    assertSame(names.shared("field7"), names.shared(decoded("field7")), "the names already shared still are");
  }
}
