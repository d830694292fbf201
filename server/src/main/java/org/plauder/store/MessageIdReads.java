package org.plauder.store;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.plauder.conversation.Conversation;

/**
 * The ids of the messages of several conversations, seqs 1 to each one's recorded last seq, in
 * groups of at most a given size (one read each), made as they are asked for: a page of long
 * conversations can have millions of ids.
 */
public final class MessageIdReads implements Iterator<List<String>> {

  private final List<Conversation> conversations;
  private final int idsPerRead;
  private int conversation;
  private long nextSeq = 1;

  public MessageIdReads(List<Conversation> conversations, int idsPerRead) {
    this.conversations = conversations;
    this.idsPerRead = idsPerRead;
    skipDone();
  }

  @Override
  public boolean hasNext() {
    return conversation < conversations.size();
  }

  @Override
  public List<String> next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    List<String> ids = new ArrayList<>(idsPerRead);
    while (hasNext() && ids.size() < idsPerRead) {
      Conversation c = conversations.get(conversation);
      ids.add(Messages.idOf(c.id(), nextSeq++));
      skipDone();
    }
    return ids;
  }

  /** Moves past conversations whose ids are all given (or that have none). */
  private void skipDone() {
    while (hasNext() && nextSeq > conversations.get(conversation).lastSeq()) {
      conversation++;
      nextSeq = 1;
    }
  }
}
