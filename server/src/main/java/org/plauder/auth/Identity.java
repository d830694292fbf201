package org.plauder.auth;

/** Who is on the other end of a request, as proven by a verified token. */
public record Identity(Kind kind, String id, String siteKey, String role) {

  public enum Kind {
    VISITOR("visitor"),
    AGENT("agent");

    private final String audience;

    Kind(String audience) {
      this.audience = audience;
    }

    public String audience() {
      return audience;
    }
  }

  public static Identity visitor(String visitorId, String siteKey) {
    return new Identity(Kind.VISITOR, visitorId, siteKey, null);
  }

  public static Identity agent(String agentId, String siteKey, String role) {
    return new Identity(Kind.AGENT, agentId, siteKey, role);
  }

  /** Whether it may watch every chat of its site, whisper in it and take it over: an admin or a supervisor. */
  public boolean canSupervise() {
    return kind == Kind.AGENT && ("admin".equals(role) || "supervisor".equals(role));
  }

  public boolean isAdmin() {
    return kind == Kind.AGENT && "admin".equals(role);
  }
}
