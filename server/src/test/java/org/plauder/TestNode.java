package org.plauder;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.plauder.config.Config;
import org.plauder.metrics.NodeMetrics;

/** A real Plauder node on a random port for tests, with helpers to log in and mint visitors over HTTP. */
public final class TestNode implements AutoCloseable {

  public static final String SECRET = "test-secret-that-is-long-enough-for-hs256-0123456789";
  public static final String ADMIN_EMAIL = "admin@test.plauder.local";
  public static final String ADMIN_PASSWORD = "admin-password";

  public record Person(String id, String token) {}

  public final Vertx vertx;
  public final PlauderServer server;
  public final WebClient http;

  private TestNode(Vertx vertx, PlauderServer server) {
    this.vertx = vertx;
    this.server = server;
    this.http = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(server.port()));
  }

  public static Config config(Path dataDir, String mongoUri) {
    return new Config("127.0.0.1", 0, "http://localhost:0", mongoUri, "plauder", null, dataDir, SECRET,
        ADMIN_EMAIL, ADMIN_PASSWORD, 4, 4000, 64 * 1024, null, null, 1, null,
        org.plauder.config.TrustedProxies.none(), 10, 1);
  }

  /** A node on the embedded database in {@code dataDir}. */
  public static TestNode start(Vertx vertx, Path dataDir) {
    return start(vertx, config(dataDir, null));
  }

  public static TestNode start(Vertx vertx, Config config) {
    return start(vertx, config, Clock.systemUTC());
  }

  public static TestNode start(Vertx vertx, Config config, Clock clock) {
    return new TestNode(vertx, await(PlauderServer.start(vertx, config, clock), 60));
  }

  /** A node that measures itself into {@code metrics}; {@code vertx} should come from {@link NodeMetrics#vertxBuilder}. */
  public static TestNode start(Vertx vertx, Config config, NodeMetrics metrics) {
    return new TestNode(vertx, await(PlauderServer.start(vertx, config, Clock.systemUTC(), metrics), 60));
  }

  public int port() {
    return server.port();
  }

  public String origin() {
    return "http://localhost:" + port();
  }

  public Person loginAdmin() {
    return login(ADMIN_EMAIL, ADMIN_PASSWORD);
  }

  public Person login(String email, String password) {
    HttpResponse<Buffer> response = await(http.post("/api/v1/agents/login")
        .sendJsonObject(new JsonObject().put("email", email).put("password", password)));
    if (response.statusCode() != 200) {
      throw new AssertionError("login failed: " + response.statusCode() + " " + response.bodyAsString());
    }
    JsonObject body = response.bodyAsJsonObject();
    return new Person(body.getString("agentId"), body.getString("token"));
  }

  /** Creates an agent of the demo site through the admin API and logs it in. */
  public Person createAgent(String name, int maxChats) {
    return createAgent(name, maxChats, "agent");
  }

  /** As {@link #createAgent(String, int)}, with a role: agent, supervisor or admin. */
  public Person createAgent(String name, int maxChats, String role) {
    Person admin = loginAdmin();
    String email = name.toLowerCase().replaceAll("[^a-z0-9]", "") + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.local";
    HttpResponse<Buffer> response = await(http.post("/api/v1/agents")
        .bearerTokenAuthentication(admin.token())
        .sendJsonObject(new JsonObject().put("email", email).put("password", "password-" + name)
            .put("name", name).put("maxChats", maxChats).put("role", role)));
    if (response.statusCode() != 201) {
      throw new AssertionError("creating agent failed: " + response.statusCode() + " " + response.bodyAsString());
    }
    return login(email, "password-" + name);
  }

  /** A new visitor of the demo site, minted the way the widget does it. */
  public Person newVisitor() {
    HttpResponse<Buffer> response = await(http.post("/api/v1/sites/demo/visitors")
        .putHeader("Origin", origin())
        .sendJsonObject(new JsonObject()));
    if (response.statusCode() != 200) {
      throw new AssertionError("minting visitor failed: " + response.statusCode() + " " + response.bodyAsString());
    }
    JsonObject body = response.bodyAsJsonObject();
    return new Person(body.getString("visitorId"), body.getString("token"));
  }

  /** An agent (or admin) of a second site, "other", created straight through the stores. */
  public Person agentOfAnotherSite(String role) {
    Services s = server.services();
    await(s.sites().createIfAbsent(new org.plauder.site.Site("other", "Other shop", java.util.List.of("other.example", "127.0.0.1"),
        2, null, null, true, org.plauder.site.Site.SUPPORTED_LANGUAGES)));
    String email = role + "-" + UUID.randomUUID().toString().substring(0, 8) + "@other.example";
    await(s.agents().insert("other", email, "Olga", role, 2, s.passwords().hash("password-olga")));
    return login(email, "password-olga");
  }

  /** A TCP port that was free a moment ago, for a server that must come back on the same port. */
  public static int freePort() {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** An agent with its own bridge connection, registered on its inbox and online. */
  public record OnlineAgent(Person person, BridgeClient bus) {}

  public OnlineAgent onlineAgent(String name, int maxChats) {
    return onlineAgent(name, maxChats, "agent");
  }

  /** As {@link #onlineAgent(String, int)}, with a role: agent, supervisor or admin. */
  public OnlineAgent onlineAgent(String name, int maxChats, String role) {
    Person agent = createAgent(name, maxChats, role);
    BridgeClient bus = bridge();
    bus.register("agent." + agent.id(), agent.token());
    await(bus.request("agent.status", agent.token(), new JsonObject().put("status", "online")));
    return new OnlineAgent(agent, bus);
  }

  /** The German text of the checkout offer rule, see {@link #saveCheckoutOfferRule()}. */
  public static final String CHECKOUT_OFFER_DE = "Brauchen Sie Hilfe beim Bezahlen?";

  /** The one offer rule of the offer tests: after 1 s on /demo/kasse*, in German or English. */
  public void saveCheckoutOfferRule() {
    HttpResponse<Buffer> saved = await(http.put("/api/v1/offer-rules").bearerTokenAuthentication(loginAdmin().token())
        .sendJsonObject(new JsonObject().put("cooldownMinutes", 60).put("rules", new io.vertx.core.json.JsonArray().add(new JsonObject()
            .put("id", "checkout").put("name", "Hilfe an der Kasse").put("minSecondsOnPage", 1).put("urlPattern", "/demo/kasse*")
            .put("messages", new JsonObject().put("de", CHECKOUT_OFFER_DE).put("en", "Need help paying?"))))));
    if (saved.statusCode() != 200) {
      throw new AssertionError("saving the offer rule failed: " + saved.statusCode() + " " + saved.bodyAsString());
    }
  }

  /** How often the checkout rule was shown, accepted and dismissed. */
  public JsonObject checkoutOfferStats() {
    return await(http.get("/api/v1/offer-rules").bearerTokenAuthentication(loginAdmin().token()).send())
        .bodyAsJsonObject().getJsonArray("rules").getJsonObject(0).getJsonObject("stats");
  }

  public BridgeClient bridge() {
    return await(BridgeClient.connect(vertx, port()));
  }

  /** Blocks the test thread (never an event loop) until the future completes, at most 20 s. */
  public static <T> T await(Future<T> future) {
    return await(future, 20);
  }

  /** As {@link #await(Future)}, at most {@code seconds}: a node's start (database, search index, verticles) on a busy machine. */
  static <T> T await(Future<T> future, int seconds) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new AssertionError(e.getCause());
    } catch (Exception e) {
      throw new AssertionError("timed out or interrupted", e);
    }
  }

  @Override
  public void close() {
    http.close();
    await(server.stop());
  }
}
