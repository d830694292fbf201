package org.plauder.attachment;

import java.util.Set;
import org.plauder.protocol.Failure;

/**
 * What an agent's picture may be: a PNG, JPEG or WebP image (sniffed from its bytes, as every
 * file is, see {@link Attachments#typeOf}) of at most {@link #LIMIT} (1 MB). A GIF, a PDF or
 * anything else is refused, so a picture is always a still image a browser shows as it is.
 */
public final class AvatarPictures {

  /** At most 1 MB: a face, not a photo album. */
  public static final FileLimits LIMIT = new FileLimits(1);

  private static final Set<FileType> ALLOWED = Set.of(FileType.PNG, FileType.JPEG, FileType.WEBP);

  private AvatarPictures() {}

  /** The type of a picture whose first bytes are {@code head}, or a {@code 415 unsupported_file_type}. */
  public static FileType typeOf(byte[] head) {
    FileType type;
    try {
      type = Attachments.typeOf(head);
    } catch (Failure refused) {
      if (refused.status() != 415) {
        throw refused;
      }
      type = null;
    }
    if (type == null || !ALLOWED.contains(type)) {
      throw new Failure(415, "unsupported_file_type", "a picture must be a PNG, JPEG or WebP image");
    }
    return type;
  }

  /** The stored picture's name: the agent's id and the type's extension, never a name from the browser. */
  public static String fileName(String agentId, FileType type) {
    return "avatar-" + agentId + "." + type.extension();
  }
}
