package org.plauder.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;

/** Recognises MongoDB's duplicate-key error, which the unique indexes turn into "already there". */
public final class Duplicates {

  private Duplicates() {}

  public static boolean isDuplicateKey(Throwable error) {
    if (error instanceof MongoWriteException w) {
      return w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }
    if (error instanceof MongoCommandException c) {
      return c.getErrorCode() == 11000;
    }
    return false;
  }
}
