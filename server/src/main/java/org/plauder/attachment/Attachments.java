package org.plauder.attachment;

import io.vertx.core.Future;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.LongSupplier;
import org.plauder.conversation.ChatLog;
import org.plauder.conversation.ChatMessage;
import org.plauder.conversation.Conversation;
import org.plauder.conversation.ConversationService;
import org.plauder.protocol.Failure;
import org.plauder.store.Files;
import org.reactivestreams.Publisher;

/**
 * Sends a file in a conversation: its type is read from its bytes, it is stored, and then a
 * message that references it is appended through the ordinary message path, so the other side
 * gets it as a {@code message} push and in history. A resend (same clientMsgId) or a message that
 * cannot be appended leaves no file behind.
 */
public final class Attachments {

  private final Files files;
  private final ConversationService messages;

  public Attachments(Files files, ConversationService messages) {
    this.files = files;
    this.messages = messages;
  }

  /** A sender of a file: who (visitor or agent id) under which name. */
  public record Sender(ChatMessage.Sender kind, String id, String name) {}

  /** What a file whose first bytes are {@code head} is, or a {@code 415 unsupported_file_type} naming what is accepted. */
  public static FileType typeOf(byte[] head) {
    if (head.length == 0) {
      throw Failure.badInput("the file is empty");
    }
    FileType type = FileType.sniff(Arrays.copyOf(head, FileType.SNIFF_BYTES));
    if (type == null) {
      throw new Failure(415, "unsupported_file_type",
          "only images (PNG, JPEG, GIF, WebP) and PDF documents can be sent; this file is none of them");
    }
    return type;
  }

  /** The bytes as they arrive ({@code content}) and how many came once it completed ({@code size}). */
  public record Upload(byte[] head, Publisher<ByteBuffer> content, LongSupplier size) {

    /** An upload of bytes already in memory (a mail's attached file). */
    public static Upload of(byte[] bytes) {
      return new Upload(Arrays.copyOf(bytes, Math.min(bytes.length, FileType.SNIFF_BYTES)), new OneBuffer(bytes), () -> bytes.length);
    }
  }

  /** Stores the upload (its type known from its head) and appends the message that carries it. */
  public Future<ChatLog.Appended> send(Conversation c, Sender sender, String nameHeader, String clientMsgId,
      Upload upload, java.time.Instant now) {
    FileType type = typeOf(upload.head());
    String name = FileNames.fromHeader(nameHeader, type);
    StoredFile draft = new StoredFile(null, c.siteKey(), c.id(), c.visitorId(), sender.id(), name, type, 0, now);
    return files.save(draft, upload.content()).map(saved -> saved.withSize(upload.size().getAsLong())).compose(stored -> messages
        .append(c, sender.kind(), sender.id(), sender.name(), name, clientMsgId, stored.attachment())
        .compose(appended -> appended.duplicate()
            ? files.delete(stored.id()).map(appended) // the first send's file stays, this copy goes
            : Future.succeededFuture(appended))
        .recover(failed -> files.delete(stored.id()).transform(v -> Future.failedFuture(failed))));
  }
}
