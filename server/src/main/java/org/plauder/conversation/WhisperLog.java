package org.plauder.conversation;

import io.vertx.core.Future;
import java.util.List;

/** The whispers of each conversation, oldest first. Implemented over MongoDB by {@code store.Whispers}. */
public interface WhisperLog {

  /** Stores the whisper once per conversation and clientMsgId; false when that clientMsgId was stored already. */
  Future<Boolean> append(Whisper whisper);

  Future<List<Whisper>> of(String conversationId);
}
