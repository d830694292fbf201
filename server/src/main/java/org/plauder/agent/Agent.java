package org.plauder.agent;

import java.time.Instant;
import java.util.List;

/**
 * A support agent of one site; {@code load} is the number of active chats it holds. {@code languages}
 * (ISO codes such as de, en; none listed: it serves every language) and {@code skills} (free tags
 * such as billing) say which chats routing gives it first. {@code displayName} (null: its
 * {@code name}) is what visitors and colleagues read, {@code avatarFileId} its picture (null: initials).
 * {@code emailLoad} counts the e-mail conversations it holds in e-mail slots of their own, on a
 * site that gives e-mails a limit apart from the chat slots; elsewhere e-mails count in {@code load}.
 */
public record Agent(
    String id,
    String siteKey,
    String email,
    String name,
    String role,
    int maxChats,
    AgentStatus status,
    int load,
    boolean disabled,
    Instant lastAssignedAt,
    List<String> languages,
    List<String> skills,
    String displayName,
    String avatarFileId,
    int emailLoad) {

  /** An agent holding no e-mail slot (see {@link AgentSelection#maxEmails}). */
  public Agent(String id, String siteKey, String email, String name, String role, int maxChats, AgentStatus status, int load,
      boolean disabled, Instant lastAssignedAt, List<String> languages, List<String> skills, String displayName,
      String avatarFileId) {
    this(id, siteKey, email, name, role, maxChats, status, load, disabled, lastAssignedAt, languages, skills, displayName,
        avatarFileId, 0);
  }

  /** An agent without a display name or picture of its own. */
  public Agent(String id, String siteKey, String email, String name, String role, int maxChats, AgentStatus status, int load,
      boolean disabled, Instant lastAssignedAt, List<String> languages, List<String> skills) {
    this(id, siteKey, email, name, role, maxChats, status, load, disabled, lastAssignedAt, languages, skills, null, null);
  }

  public Agent {
    languages = languages == null ? List.of() : List.copyOf(languages);
    skills = skills == null ? List.of() : List.copyOf(skills);
  }

  public static final String ROLE_AGENT = "agent";
  public static final String ROLE_ADMIN = "admin";
  /** Sees every chat of the site, whispers to its agents and takes chats over; otherwise an agent. */
  public static final String ROLE_SUPERVISOR = "supervisor";
  public static final int MAX_CHATS_LIMIT = 50;

  /** Whether it speaks this language (null: any chat); an agent that lists no language speaks every one. */
  public boolean speaks(String language) {
    return language == null || languages.isEmpty() || languages.contains(language);
  }

  /** Whether it has this skill (null: no skill asked). */
  public boolean hasSkill(String skill) {
    return skill == null || skills.contains(skill);
  }

  /** The agent as it is after taking one more chat at {@code at}. */
  public Agent withOneMoreChat(Instant at) {
    return new Agent(id, siteKey, email, name, role, maxChats, status, load + 1, disabled, at, languages, skills,
        displayName, avatarFileId, emailLoad);
  }

  /** The agent as it is after taking one more e-mail slot at {@code at}. */
  public Agent withOneMoreEmail(Instant at) {
    return new Agent(id, siteKey, email, name, role, maxChats, status, load, disabled, at, languages, skills,
        displayName, avatarFileId, emailLoad + 1);
  }

  /** The name visitors read in the chat: the display name it chose, else its account's name. */
  public String shownName() {
    return displayName != null ? displayName : name;
  }

  /** Chats it can still take; never below zero, also when maxChats was lowered under the current load. */
  public int freeSlots() {
    return Math.max(0, maxChats - load);
  }
}
