package org.plauder.mail;

import io.vertx.core.Future;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.plauder.attachment.Attachments;
import org.plauder.attachment.FileLimits;
import org.plauder.conversation.ChatLog;
import org.plauder.conversation.ChatMessage;
import org.plauder.conversation.Conversation;
import org.plauder.protocol.Failure;
import org.plauder.store.SiteFileLimits;

/**
 * The files of an incoming mail, under the attachment rules of the chat: each within the site's
 * size limit and of a type its bytes show to be accepted (images, PDF) is stored and becomes the
 * customer's message carrying it, as a file sent in the widget would; any other is not stored, and
 * a system message in the conversation says which file was refused and why. The mail itself is
 * taken in either way. Each file's message key comes from the mail's Message-ID and the file's
 * place, so a mail taken twice stores each file once.
 */
final class MailFiles {

  private final Attachments attachments;
  private final SiteFileLimits limits;
  private final ChatLog chatLog;

  MailFiles(Attachments attachments, SiteFileLimits limits, ChatLog chatLog) {
    this.attachments = attachments;
    this.limits = limits;
    this.chatLog = chatLog;
  }

  /** Stores the mail's files in the conversation, one after the other. */
  Future<Void> keep(Conversation c, IncomingMail mail, Instant now) {
    if (mail.files().isEmpty()) {
      return Future.succeededFuture();
    }
    return limits.find(c.siteKey()).compose(limit -> {
      Future<Void> done = Future.succeededFuture();
      List<MailFile> files = mail.files();
      for (int i = 0; i < files.size(); i++) {
        MailFile file = files.get(i);
        String key = MailIntake.clientMsgId(mail.messageId() + "#file-" + i);
        done = done.compose(v -> keepOne(c, mail, file, key, limit, now));
      }
      return done;
    });
  }

  private Future<Void> keepOne(Conversation c, IncomingMail mail, MailFile file, String key, FileLimits limit, Instant now) {
    if (file.tooLarge() || limit.tooLarge(file.bytes().length)) {
      return refuse(c, file, key, "larger than " + limit.maxFileSizeMb() + " MB / größer als " + limit.maxFileSizeMb() + " MB");
    }
    try {
      Attachments.typeOf(file.bytes());
    } catch (Failure refused) {
      return refuse(c, file, key, "only images (PNG, JPEG, GIF, WebP) and PDF / nur Bilder (PNG, JPEG, GIF, WebP) und PDF");
    }
    String name = URLEncoder.encode(file.name(), StandardCharsets.UTF_8).replace("+", "%20");
    return attachments.send(c, new Attachments.Sender(ChatMessage.Sender.VISITOR, c.visitorId(), mail.fromName()), name, key,
        Attachments.Upload.of(file.bytes()), now).mapEmpty();
  }

  /** A note for the agent, in both languages as the channel's other system lines: the file is not stored. */
  private Future<Void> refuse(Conversation c, MailFile file, String key, String why) {
    String text = "Anhang nicht angenommen / attachment refused: „" + shown(file.name()) + "“ (" + why + ")";
    return chatLog.append(c, ChatMessage.Sender.SYSTEM, null, null, text, key).mapEmpty();
  }

  /** The name as the note shows it: no control characters, at most 120 characters. */
  private static String shown(String name) {
    String clean = name.codePoints().filter(cp -> !Character.isISOControl(cp))
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
    return clean.length() > 120 ? clean.substring(0, 120) + "…" : clean;
  }
}
