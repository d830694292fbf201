package org.plauder.conversation;

import java.time.Instant;

/**
 * A note written into a chat for agents only (its agent, admins and supervisors): never shown to
 * the visitor, never in the visitor's transcript; marked as a whisper in agents' transcripts.
 */
public record Whisper(String conversationId, String agentId, String agentName, String text, String clientMsgId, Instant at) {}
