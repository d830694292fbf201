package org.plauder.conversation;

import java.time.Instant;

/**
 * An internal note on a conversation, written by an agent of the site while or after the chat:
 * for agents only. Stored apart from the messages, so nothing that reads messages for a visitor
 * (history, transcripts, e-mailed transcripts, exports) can come upon it.
 */
public record Note(String conversationId, String siteKey, String agentId, String agentName, String text, String clientMsgId,
    Instant at) {}
