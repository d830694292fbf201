package org.plauder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.TestMailServer.CUSTOMER;
import static org.plauder.TestNode.await;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import jakarta.activation.DataHandler;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.plauder.TestNode.OnlineAgent;

/**
 * Files in the e-mail channel against a real mail server (GreenMail) and the real server: a mail's
 * attachments follow the chat's attachment rules (type from the bytes, the site's size limit), a
 * refused one is not stored and the agent reads why, and an agent's file in an e-mail
 * conversation reaches the customer as a MIME attachment.
 */
class MailAttachmentTest extends MailNodeTest {

  /** The smallest PNG there is: 1×1 pixel. */
  static final byte[] PNG = java.util.Base64.getDecoder().decode(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");


  @Test
  void aMailsFilesAreStoredByTheAttachmentRulesAndARefusedOneIsNamedToTheAgent() throws Exception {
    HttpResponse<Buffer> limit = await(node.http.put("/api/v1/site/files").bearerTokenAuthentication(node.loginAdmin().token())
        .sendJsonObject(new JsonObject().put("maxFileSizeMb", 1)));
    assertEquals(200, limit.statusCode(), limit.bodyAsString());
    OnlineAgent anna = node.onlineAgent("Anna", 2);
    mail.connect(node);
    byte[] bigPdf = new byte[1024 * 1024 + 10];
    System.arraycopy("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), 0, bigPdf, 0, 9);
    MimeMessage withFiles = mail.draft(CUSTOMER, "Eva Muster", "Kratzer");
    withFiles.setContent(new MimeMultipart(text("Hier ein Foto vom Kratzer."), file("Kratzer.png", PNG, "image/png"),
        file("rechnung.exe", "MZ\u0090\u0000this program".getBytes(StandardCharsets.ISO_8859_1), "application/pdf"),
        file("Handbuch.pdf", bigPdf, "application/pdf")));
    Transport.send(withFiles);

    String conversationId = await(anna.bus().push("assigned")).getJsonObject("conversation").getString("id");
    JsonArray messages = waitForMessages(anna, conversationId, 4);
    assertEquals("Kratzer\n\nHier ein Foto vom Kratzer.", messages.getJsonObject(0).getString("text"));

    JsonObject photo = messages.getJsonObject(1);
    assertEquals("visitor", photo.getString("sender"));
    JsonObject attachment = photo.getJsonObject("attachment");
    assertEquals("Kratzer.png", attachment.getString("name"));
    assertEquals("image/png", attachment.getString("type"));
    HttpResponse<Buffer> download = await(node.http.get("/api/v1/files/" + attachment.getString("id"))
        .bearerTokenAuthentication(anna.person().token()).send());
    assertEquals(200, download.statusCode());
    assertArrayEquals(PNG, download.body().getBytes(), "the agent gets the file as the customer sent it");

    JsonObject exe = messages.getJsonObject(2);
    assertEquals("system", exe.getString("sender"));
    assertNull(exe.getJsonObject("attachment"));
    assertTrue(exe.getString("text").contains("rechnung.exe") && exe.getString("text").contains("only images"), exe.getString("text"));
    JsonObject big = messages.getJsonObject(3);
    assertTrue(big.getString("text").contains("Handbuch.pdf") && big.getString("text").contains("larger than 1 MB"), big.getString("text"));
    assertEquals(1L, (long) await(new org.plauder.store.Files(node.server.services().database()).count()), "only the photo is stored");
  }

  @Test
  void anAgentsFileInAnEmailConversationReachesTheCustomerAsAnAttachment() throws Exception {
    OnlineAgent anna = node.onlineAgent("Anna", 2);
    String conversationId = emailConversation(anna, "Retoure", "Schicken Sie mir das Etikett?");

    HttpResponse<Buffer> sent = await(node.http.post("/api/v1/files").addQueryParam("conversationId", conversationId)
        .putHeader("Authorization", "Bearer " + anna.person().token()).putHeader("Origin", node.origin())
        .putHeader("X-File-Name", "R%C3%BCcksende-Etikett.png").sendBuffer(Buffer.buffer(PNG)));
    assertEquals(201, sent.statusCode(), sent.bodyAsString());

    assertTrue(mail.mail.waitForIncomingEmail(15_000, 2));
    MimeMessage answer = mail.customerMails().get(0);
    assertEquals("Re: Retoure", answer.getSubject());
    Multipart parts = (Multipart) answer.getContent();
    Part file = parts.getBodyPart(1);
    assertEquals(Part.ATTACHMENT, file.getDisposition());
    assertEquals("Rücksende-Etikett.png", jakarta.mail.internet.MimeUtility.decodeText(file.getFileName()));
    assertTrue(file.isMimeType("image/png"), file.getContentType());
    assertArrayEquals(PNG, file.getInputStream().readAllBytes());
  }

  private static MimeBodyPart text(String text) throws Exception {
    MimeBodyPart part = new MimeBodyPart();
    part.setText(text, "UTF-8");
    return part;
  }

  private static MimeBodyPart file(String name, byte[] bytes, String type) throws Exception {
    MimeBodyPart part = new MimeBodyPart();
    part.setDataHandler(new DataHandler(new ByteArrayDataSource(bytes, type)));
    part.setFileName(name);
    part.setDisposition(Part.ATTACHMENT);
    return part;
  }

  private JsonArray waitForMessages(OnlineAgent agent, String conversationId, int count) throws Exception {
    assertTrue(waitUntil(() -> messages(agent, conversationId).size() >= count));
    JsonArray messages = messages(agent, conversationId);
    assertEquals(count, messages.size(), messages.encodePrettily());
    return messages;
  }
}
