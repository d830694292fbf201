package org.plauder.store;

/**
 * The database could not be reached or did not complete an operation (no primary, a timeout, a
 * closed connection). Nothing is known to be written; callers may answer "try again shortly".
 */
public final class DatabaseUnavailable extends RuntimeException {

  public DatabaseUnavailable(Throwable cause) {
    super(cause.toString(), cause);
  }
}
