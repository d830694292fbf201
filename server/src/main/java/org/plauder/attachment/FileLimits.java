package org.plauder.attachment;

import org.plauder.protocol.Failure;

/**
 * How large a sent file may be on a site: {@code maxFileSizeMb} megabytes (10 unless the admin
 * chose 1 to {@link #MAX_MB}), checked against the announced length before anything is read and
 * against the bytes as they arrive.
 */
public record FileLimits(int maxFileSizeMb) {

  public static final int DEFAULT_MB = 10;
  public static final int MAX_MB = 50;
  public static final FileLimits DEFAULT = new FileLimits(DEFAULT_MB);

  public FileLimits {
    if (maxFileSizeMb < 1 || maxFileSizeMb > MAX_MB) {
      throw Failure.badInput("maxFileSizeMb must be a whole number from 1 to " + MAX_MB);
    }
  }

  public long maxBytes() {
    return maxFileSizeMb * 1024L * 1024L;
  }

  /** Whether a file of that many bytes is too large. */
  public boolean tooLarge(long bytes) {
    return bytes > maxBytes();
  }

  public Failure tooLargeFailure() {
    return new Failure(413, "file_too_large", "a file may have at most " + maxFileSizeMb + " MB on this site");
  }
}
