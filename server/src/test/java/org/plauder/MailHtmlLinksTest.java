package org.plauder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.plauder.TestMailServer.CUSTOMER;
import static org.plauder.TestNode.await;

import org.junit.jupiter.api.Test;
import org.plauder.TestNode.OnlineAgent;

/** A customer's HTML-only mail with links, through a real mail server: the agent sees where each link leads. */
class MailHtmlLinksTest extends MailNodeTest {

  @Test
  void theAgentSeesWhereTheLinksOfAnHtmlOnlyMailLeadInTheMessageAndInTheMailAsItCame() throws Exception {
    OnlineAgent anna = node.onlineAgent("Anna", 2);
    mail.connect(node);
    mail.customerWritesHtml("Paket", "<html><body><p>Laut <a href=\"https://track.example/123?land=de&amp;id=9\">Sendungsverfolgung</a> "
        + "ist es da, ist es aber nicht.</p><p><a href=\"javascript:alert(1)\">Hier</a> klicken.</p></body></html>");

    String conversationId = await(anna.bus().push("assigned")).getJsonObject("conversation").getString("id");
    String text = messages(anna, conversationId).getJsonObject(0).getString("text");
    assertEquals("Paket\n\nLaut Sendungsverfolgung (https://track.example/123?land=de&id=9) ist es da, ist es aber nicht.\n"
        + "Hier klicken.", text);
    String original = await(node.http.get("/api/v1/conversations/" + conversationId + "/mails")
        .bearerTokenAuthentication(anna.person().token()).send()).bodyAsJsonObject().getJsonArray("mails").getJsonObject(0).getString("text");
    assertEquals("Laut Sendungsverfolgung (https://track.example/123?land=de&id=9) ist es da, ist es aber nicht.\nHier klicken.", original);
    assertFalse(original.contains("javascript"));
  }
}
