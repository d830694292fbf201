package org.plauder.config;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Everything the server is configured with, read once from the environment at start-up. */
public record Config(
    String host,
    int port,
    String publicUrl,
    String mongoUri,
    String databaseName,
    String mongoWriteConcern,
    Path dataDir,
    String jwtSecret,
    String adminEmail,
    String adminPassword,
    int bcryptCost,
    int maxMessageLength,
    int maxFrameBytes,
    Cluster cluster,
    Smtp smtp,
    int presenceGraceSeconds,
    String metricsToken,
    TrustedProxies trustedProxies,
    int shutdownSeconds,
    int slotAuditSeconds) {

  /** The SMTP server transcripts are e-mailed through; null when e-mail is not set up. */
  public record Smtp(String host, int port, String username, String password, String from, String startTls) {}

  /**
   * How this node joins others over a clustered event bus; null runs the node alone.
   * {@code members} are the hosts (or host:port) of the other nodes, {@code host} is this
   * node's own address for cluster traffic.
   */
  public record Cluster(String name, String host, int port, List<String> members) {}

  /** The embedded database run as its own process ({@code plauder-server.jar database}): its data and loopback port. */
  public record SharedDatabase(Path dataDir, int port) {}

  public static final int DEFAULT_DATABASE_PORT = 27117;
  public static final String DEMO_ADMIN_EMAIL = "admin@demo.plauder.local";
  public static final String DEMO_ADMIN_PASSWORD = "plauder-demo";
  /** A scrape token shorter than this could be guessed; the endpoint is reachable by anyone who reaches the node. */
  public static final int MIN_METRICS_TOKEN_LENGTH = 16;

  /** Reads the PLAUDER_* variables; anything unset gets the documented default. */
  public static Config fromEnvironment(Map<String, String> env) {
    int port = intOf(env, "PLAUDER_PORT", 8080);
    String host = env.getOrDefault("PLAUDER_HOST", "0.0.0.0");
    String publicUrl = env.getOrDefault("PLAUDER_PUBLIC_URL", "http://localhost:" + port);
    return new Config(
        host,
        port,
        stripTrailingSlash(publicUrl),
        blankToNull(env.get("PLAUDER_MONGO_URI")),
        env.getOrDefault("PLAUDER_MONGO_DATABASE", "plauder"),
        blankToNull(env.get("PLAUDER_MONGO_WRITE_CONCERN")),
        Path.of(env.getOrDefault("PLAUDER_DATA_DIR", "data")),
        blankToNull(env.get("PLAUDER_JWT_SECRET")),
        env.getOrDefault("PLAUDER_ADMIN_EMAIL", DEMO_ADMIN_EMAIL),
        env.getOrDefault("PLAUDER_ADMIN_PASSWORD", DEMO_ADMIN_PASSWORD),
        intOf(env, "PLAUDER_BCRYPT_COST", 10),
        intOf(env, "PLAUDER_MAX_MESSAGE_LENGTH", 4000),
        intOf(env, "PLAUDER_MAX_FRAME_BYTES", 64 * 1024),
        clusterOf(env),
        smtpOf(env),
        intOf(env, "PLAUDER_PRESENCE_GRACE_SECONDS", 15),
        metricsTokenOf(env),
        TrustedProxies.parse(env.get("PLAUDER_TRUSTED_PROXIES")),
        shutdownSecondsOf(env),
        atLeastOne(env, "PLAUDER_SLOT_AUDIT_SECONDS", 30));
  }

  /** Reads PLAUDER_DATA_DIR and PLAUDER_DATABASE_PORT for the database's own process. */
  public static SharedDatabase sharedDatabaseFromEnvironment(Map<String, String> env) {
    int port = intOf(env, "PLAUDER_DATABASE_PORT", DEFAULT_DATABASE_PORT);
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("PLAUDER_DATABASE_PORT must be a port number, 1 to 65535");
    }
    return new SharedDatabase(Path.of(env.getOrDefault("PLAUDER_DATA_DIR", "data")), port);
  }

  public Config withSmtp(Smtp newSmtp) {
    return new Config(host, port, publicUrl, mongoUri, databaseName, mongoWriteConcern, dataDir, jwtSecret, adminEmail, adminPassword,
        bcryptCost, maxMessageLength, maxFrameBytes, cluster, newSmtp, presenceGraceSeconds, metricsToken, trustedProxies, shutdownSeconds, slotAuditSeconds);
  }

  public Config withPort(int newPort) {
    return new Config(host, newPort, publicUrl, mongoUri, databaseName, mongoWriteConcern, dataDir, jwtSecret, adminEmail, adminPassword,
        bcryptCost, maxMessageLength, maxFrameBytes, cluster, smtp, presenceGraceSeconds, metricsToken, trustedProxies, shutdownSeconds, slotAuditSeconds);
  }

  public Config withJwtSecret(String newSecret) {
    return new Config(host, port, publicUrl, mongoUri, databaseName, mongoWriteConcern, dataDir, newSecret, adminEmail, adminPassword,
        bcryptCost, maxMessageLength, maxFrameBytes, cluster, smtp, presenceGraceSeconds, metricsToken, trustedProxies, shutdownSeconds, slotAuditSeconds);
  }

  public Config withTrustedProxies(TrustedProxies proxies) {
    return new Config(host, port, publicUrl, mongoUri, databaseName, mongoWriteConcern, dataDir, jwtSecret, adminEmail, adminPassword,
        bcryptCost, maxMessageLength, maxFrameBytes, cluster, smtp, presenceGraceSeconds, metricsToken, proxies, shutdownSeconds, slotAuditSeconds);
  }

  public Config withMetricsToken(String newToken) {
    return new Config(host, port, publicUrl, mongoUri, databaseName, mongoWriteConcern, dataDir, jwtSecret, adminEmail, adminPassword,
        bcryptCost, maxMessageLength, maxFrameBytes, cluster, smtp, presenceGraceSeconds, newToken, trustedProxies, shutdownSeconds, slotAuditSeconds);
  }

  /** Whether this node collects metrics and serves them at /metrics (only with a token). */
  public boolean metricsEnabled() {
    return metricsToken != null;
  }

  private static String metricsTokenOf(Map<String, String> env) {
    String token = blankToNull(env.get("PLAUDER_METRICS_TOKEN"));
    if (token != null && token.trim().length() < MIN_METRICS_TOKEN_LENGTH) {
      throw new IllegalArgumentException("PLAUDER_METRICS_TOKEN must be at least " + MIN_METRICS_TOKEN_LENGTH + " characters");
    }
    return token == null ? null : token.trim();
  }

  /** How long a stopping node may take, from SIGTERM to exit; at least 1 s. */
  private static int shutdownSecondsOf(Map<String, String> env) {
    return atLeastOne(env, "PLAUDER_SHUTDOWN_SECONDS", 10);
  }

  private static int atLeastOne(Map<String, String> env, String name, int fallback) {
    int seconds = intOf(env, name, fallback);
    if (seconds < 1) {
      throw new IllegalArgumentException(name + " must be at least 1");
    }
    return seconds;
  }

  private static Smtp smtpOf(Map<String, String> env) {
    String host = blankToNull(env.get("PLAUDER_SMTP_HOST"));
    if (host == null) {
      return null;
    }
    String startTls = env.getOrDefault("PLAUDER_SMTP_STARTTLS", "optional");
    if (!List.of("optional", "required", "disabled").contains(startTls)) {
      throw new IllegalArgumentException("PLAUDER_SMTP_STARTTLS must be optional, required or disabled");
    }
    return new Smtp(host, intOf(env, "PLAUDER_SMTP_PORT", 587), blankToNull(env.get("PLAUDER_SMTP_USERNAME")),
        blankToNull(env.get("PLAUDER_SMTP_PASSWORD")), env.getOrDefault("PLAUDER_SMTP_FROM", "no-reply@" + host), startTls);
  }

  private static Cluster clusterOf(Map<String, String> env) {
    String members = blankToNull(env.get("PLAUDER_CLUSTER_MEMBERS"));
    if (members == null) {
      return null;
    }
    List<String> list = Arrays.stream(members.split(",")).map(String::trim).filter(m -> !m.isEmpty()).toList();
    return new Cluster(
        env.getOrDefault("PLAUDER_CLUSTER_NAME", "plauder"),
        env.getOrDefault("PLAUDER_CLUSTER_HOST", "127.0.0.1"),
        intOf(env, "PLAUDER_CLUSTER_PORT", 5701),
        list);
  }

  public boolean usesEmbeddedDatabase() {
    return mongoUri == null;
  }

  private static int intOf(Map<String, String> env, String name, int fallback) {
    String value = blankToNull(env.get(name));
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static String stripTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
