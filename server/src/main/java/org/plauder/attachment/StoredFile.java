package org.plauder.attachment;

import java.time.Instant;
import org.plauder.conversation.Attachment;

/**
 * A file sent in a conversation, as stored beside its bytes: whose it is (site, conversation,
 * visitor), who sent it, and what it is. {@code id} is null until the store gave it one.
 */
public record StoredFile(String id, String siteKey, String conversationId, String visitorId, String senderId,
    String name, FileType type, long size, Instant uploadedAt) {

  public StoredFile withId(String newId) {
    return new StoredFile(newId, siteKey, conversationId, visitorId, senderId, name, type, size, uploadedAt);
  }

  public StoredFile withSize(long bytes) {
    return new StoredFile(id, siteKey, conversationId, visitorId, senderId, name, type, bytes, uploadedAt);
  }

  /** What a message says about this file. */
  public Attachment attachment() {
    return new Attachment(id, name, type.mime(), size);
  }
}
