package org.plauder.site;

import java.util.List;

/**
 * A tenant: one website that embeds the widget, with the origins allowed to use its key and its
 * business settings. {@code retentionDays} null keeps conversations forever; {@code languages}
 * are those the widget may speak to this site's visitors, the first being the fallback;
 * {@code reassignAfterSeconds} is how long an agent has for the first answer of a new chat;
 * with {@code stickyAgent} a returning visitor's chat goes first to the agent of its previous one;
 * {@code prechatForm} is what a visitor is asked before a chat; {@code skillRouting} the topics a
 * visitor may pick and how long a chat waits for an agent who speaks its language and knows its topic;
 * {@code timeZone} (an IANA id) the zone transcripts show their times in;
 * {@code agentGraceSeconds} is how long an agent who chose online may be without a dashboard open
 * before it is set away and its chats move; after {@code agentAutoAwayMinutes} without an action of
 * its own (0: never) a connected agent is set away. {@code maxEmails} null: an e-mail conversation
 * takes one of its agent's chat slots, as a chat does; otherwise e-mails have slots of their own,
 * this many per agent, and an agent with full chat slots still gets e-mails.
 */
public record Site(
    String key,
    String name,
    List<String> allowedOrigins,
    int defaultMaxChats,
    String offlineMessage,
    Integer retentionDays,
    boolean maskCardNumbers,
    List<String> languages,
    int reassignAfterSeconds,
    boolean stickyAgent,
    PrechatForm prechatForm,
    SkillRouting skillRouting,
    String timeZone,
    int agentGraceSeconds,
    int agentAutoAwayMinutes,
    Integer maxEmails) {

  /** A site whose e-mails take chat slots. */
  public Site(String key, String name, List<String> allowedOrigins, int defaultMaxChats, String offlineMessage,
      Integer retentionDays, boolean maskCardNumbers, List<String> languages, int reassignAfterSeconds, boolean stickyAgent,
      PrechatForm prechatForm, SkillRouting skillRouting, String timeZone, int agentGraceSeconds, int agentAutoAwayMinutes) {
    this(key, name, allowedOrigins, defaultMaxChats, offlineMessage, retentionDays, maskCardNumbers, languages,
        reassignAfterSeconds, stickyAgent, prechatForm, skillRouting, timeZone, agentGraceSeconds, agentAutoAwayMinutes, null);
  }

  /** The most e-mail slots of their own an admin may give each agent. */
  public static final int MAX_EMAILS_LIMIT = 50;

  /** A new chat whose agent has not answered within this many seconds moves to a colleague; 0 turns it off. */
  public static final int DEFAULT_REASSIGN_AFTER_SECONDS = 90;
  public static final int MAX_REASSIGN_AFTER_SECONDS = 3600;

  /** An agent without a dashboard socket this long is set away and its chats go to colleagues. */
  public static final int DEFAULT_AGENT_GRACE_SECONDS = 60;
  public static final int MIN_AGENT_GRACE_SECONDS = 1;
  public static final int MAX_AGENT_GRACE_SECONDS = 3600;
  /** Longest auto-away time an admin may set: a working day. */
  public static final int MAX_AGENT_AUTO_AWAY_MINUTES = 480;

  /** A site with the default grace period for agents who lost their connection, and no auto-away. */
  public Site(String key, String name, List<String> allowedOrigins, int defaultMaxChats, String offlineMessage,
      Integer retentionDays, boolean maskCardNumbers, List<String> languages, int reassignAfterSeconds, boolean stickyAgent,
      PrechatForm prechatForm, SkillRouting skillRouting, String timeZone) {
    this(key, name, allowedOrigins, defaultMaxChats, offlineMessage, retentionDays, maskCardNumbers, languages,
        reassignAfterSeconds, stickyAgent, prechatForm, skillRouting, timeZone, DEFAULT_AGENT_GRACE_SECONDS, 0);
  }

  /** As above, in the default time zone. */
  public Site(String key, String name, List<String> allowedOrigins, int defaultMaxChats, String offlineMessage,
      Integer retentionDays, boolean maskCardNumbers, List<String> languages, int reassignAfterSeconds, boolean stickyAgent,
      PrechatForm prechatForm, SkillRouting skillRouting) {
    this(key, name, allowedOrigins, defaultMaxChats, offlineMessage, retentionDays, maskCardNumbers, languages,
        reassignAfterSeconds, stickyAgent, prechatForm, skillRouting, DEFAULT_TIME_ZONE);
  }

  /** A site with the default routing settings and without a pre-chat form. */
  public Site(String key, String name, List<String> allowedOrigins, int defaultMaxChats, String offlineMessage,
      Integer retentionDays, boolean maskCardNumbers, List<String> languages) {
    this(key, name, allowedOrigins, defaultMaxChats, offlineMessage, retentionDays, maskCardNumbers, languages,
        DEFAULT_REASSIGN_AFTER_SECONDS, true, PrechatForm.NONE, SkillRouting.NONE, DEFAULT_TIME_ZONE);
  }

  /** Where a site's transcripts tell the time unless its admin says otherwise: the shops Plauder is made for are mostly German. */
  public static final String DEFAULT_TIME_ZONE = "Europe/Berlin";

  /** The languages the widget speaks; a site serves one or both. */
  public static final List<String> SUPPORTED_LANGUAGES = List.of("de", "en");
}
