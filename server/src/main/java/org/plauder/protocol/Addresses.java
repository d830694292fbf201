package org.plauder.protocol;

import java.util.Set;

/**
 * Every event-bus address of the wire contract (docs/protocol.md). Browsers send to the action
 * addresses and receive on their own inbox, {@code visitor.<visitorId>} or {@code agent.<agentId>}.
 */
public final class Addresses {

  private Addresses() {}

  public static final String VISITOR_PREFIX = "visitor.";
  public static final String AGENT_PREFIX = "agent.";

  public static final String VISITOR_PAGE_VIEW = "visitor.pageView";
  public static final String VISITOR_REQUEST_CHAT = "visitor.requestChat";
  public static final String VISITOR_SEND = "visitor.send";
  public static final String VISITOR_TYPING = "visitor.typing";
  public static final String VISITOR_CLOSE = "visitor.close";
  public static final String VISITOR_RATE = "visitor.rate";
  public static final String VISITOR_LEAVE_MESSAGE = "visitor.leaveMessage";
  public static final String VISITOR_HISTORY = "visitor.history";
  public static final String VISITOR_EMAIL_TRANSCRIPT = "visitor.emailTranscript";
  public static final String VISITOR_ACCEPT_OFFER = "visitor.acceptOffer";
  public static final String VISITOR_DISMISS_OFFER = "visitor.dismissOffer";
  public static final String VISITOR_PRECHAT = "visitor.prechat";
  public static final String VISITOR_OFFER_SEEN = "visitor.offerSeen";
  public static final String VISITOR_AVAILABILITY = "visitor.availability";
  public static final String VISITOR_BOT_RESOLVED = "visitor.botResolved";
  public static final String VISITOR_TALK_TO_PERSON = "visitor.talkToPerson";

  public static final String AGENT_STATUS = "agent.status";
  public static final String AGENT_CONVERSATIONS = "agent.conversations";
  public static final String AGENT_SEND = "agent.send";
  public static final String AGENT_TYPING = "agent.typing";
  public static final String AGENT_CLOSE = "agent.close";
  public static final String AGENT_TRANSFER = "agent.transfer";
  public static final String AGENT_TAKE = "agent.take";
  public static final String AGENT_VISITORS = "agent.visitors";
  public static final String AGENT_INVITE = "agent.invite";
  public static final String AGENT_HISTORY = "agent.history";
  public static final String AGENT_MONITOR = "agent.monitor";
  public static final String AGENT_WHISPER = "agent.whisper";
  public static final String AGENT_TAKE_OVER = "agent.takeOver";
  public static final String AGENT_WHISPERS = "agent.whispers";
  public static final String AGENT_READ = "agent.read";
  public static final String AGENT_WORK_STATUS = "agent.workStatus";
  public static final String AGENT_PARKED = "agent.parked";
  public static final String AGENT_LEAVE = "agent.leave";

  public static final Set<String> VISITOR_ACTIONS = Set.of(
      VISITOR_PAGE_VIEW, VISITOR_REQUEST_CHAT, VISITOR_SEND, VISITOR_TYPING, VISITOR_CLOSE,
      VISITOR_RATE, VISITOR_LEAVE_MESSAGE, VISITOR_HISTORY, VISITOR_EMAIL_TRANSCRIPT, VISITOR_ACCEPT_OFFER,
      VISITOR_DISMISS_OFFER, VISITOR_PRECHAT, VISITOR_OFFER_SEEN,
      VISITOR_AVAILABILITY, VISITOR_BOT_RESOLVED, VISITOR_TALK_TO_PERSON);

  public static final Set<String> AGENT_ACTIONS = Set.of(
      AGENT_STATUS, AGENT_CONVERSATIONS, AGENT_SEND, AGENT_TYPING, AGENT_CLOSE, AGENT_TRANSFER,
      AGENT_TAKE, AGENT_HISTORY, AGENT_VISITORS, AGENT_INVITE, AGENT_MONITOR, AGENT_WHISPER, AGENT_TAKE_OVER, AGENT_WHISPERS, AGENT_READ,
      AGENT_WORK_STATUS, AGENT_PARKED, AGENT_LEAVE);


  /** Server-internal, this node only: a visitor's socket registered / closed (body: visitorId, siteKey, socketId). */
  public static final String INTERNAL_VISITOR_SOCKET_OPENED = "plauder.visitorSocketOpened";
  public static final String INTERNAL_VISITOR_SOCKET_CLOSED = "plauder.visitorSocketClosed";

  /** Server-internal, this node only: an agent's first dashboard socket on this node registered / its last closed (body: agentId, siteKey). */
  public static final String INTERNAL_AGENT_CONNECTED = "plauder.agentConnected";
  public static final String INTERNAL_AGENT_DISCONNECTED = "plauder.agentDisconnected";

  /** Server-internal, every node: watches renewed by dashboards ({@code event.Watchers}): a supervisor's monitor, an agent's live-visitors list. */
  public static final String INTERNAL_MONITOR_WATCHES = "internal.monitoring";
  public static final String INTERNAL_LIVE_VISITOR_WATCHES = "internal.liveVisitors";

  /** Headers the bridge sets after verifying a token; whatever the client sent is dropped. */
  public static final String HEADER_KIND = "plauder.kind";
  public static final String HEADER_ID = "plauder.id";
  public static final String HEADER_SITE = "plauder.site";
  public static final String HEADER_ROLE = "plauder.role";
  public static final String HEADER_AUTH_ERROR = "plauder.authError";
  public static final String HEADER_IP = "plauder.ip";

  public static String visitorInbox(String visitorId) {
    return VISITOR_PREFIX + visitorId;
  }

  public static String agentInbox(String agentId) {
    return AGENT_PREFIX + agentId;
  }
}
