package org.plauder.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;

/** Turns the driver's errors into the store's own: {@link AlreadyExists} and {@link DatabaseUnavailable}. */
final class DriverErrors {

  private DriverErrors() {}

  static Throwable translate(Throwable error) {
    if (isDuplicateKey(error)) {
      return new AlreadyExists(error);
    }
    if (error instanceof MongoException) {
      return new DatabaseUnavailable(error);
    }
    return error;
  }

  private static boolean isDuplicateKey(Throwable error) {
    if (error instanceof MongoWriteException w) {
      return w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }
    if (error instanceof MongoCommandException c) {
      return c.getErrorCode() == 11000;
    }
    return false;
  }
}
