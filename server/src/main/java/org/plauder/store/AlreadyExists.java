package org.plauder.store;

/** A unique index refused a write: a document with the same key (id, e-mail, clientMsgId, seq) is stored already. */
public final class AlreadyExists extends RuntimeException {

  public AlreadyExists(Throwable cause) {
    super(cause.toString(), cause);
  }
}
