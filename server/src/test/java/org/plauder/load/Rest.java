package org.plauder.load;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The coordinator's REST calls to a target, as the dashboard makes them; each blocks the
 * coordinator's thread (never an event loop). They go through the JDK's blocking HTTP client:
 * with Vert.x's, a chain of futures put together on this thread could attach the body handler
 * only after the body had come, and the body was lost (a login answered with nothing).
 */
final class Rest {

  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(30)).build();
  private final URI base;
  private final Target target;

  Rest(Target target) {
    this.target = target;
    this.base = URI.create("http://127.0.0.1:" + target.port());
  }

  /** {"agentId", "token", …} of the target's admin. */
  JsonObject loginAdmin() {
    return login(target.adminEmail(), target.adminPassword());
  }

  JsonObject login(String email, String password) {
    return call("POST", "/api/v1/agents/login", null, new JsonObject().put("email", email).put("password", password), 200);
  }

  /** {@code count} new agents of the demo site, each logged in: [{"id", "token"}]. */
  List<JsonObject> createAgents(int count, int maxChats) {
    String admin = loginAdmin().getString("token");
    List<JsonObject> agents = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String email = "load-agent-" + i + "@load.plauder.local";
      call("POST", "/api/v1/agents", admin, new JsonObject().put("email", email).put("password", "load-password-" + i)
          .put("name", "Agent " + i).put("maxChats", maxChats), 201);
      JsonObject login = login(email, "load-password-" + i);
      if (login.getString("agentId") == null || login.getString("token") == null) {
        throw new IllegalStateException("the login of " + email + " answered without agentId or token: " + login.encode());
      }
      agents.add(new JsonObject().put("id", login.getString("agentId")).put("token", login.getString("token")));
    }
    return agents;
  }

  /** Gives the demo site one proactive offer rule: help offered after {@code seconds} on any page. */
  void offerAfter(int seconds) {
    String admin = loginAdmin().getString("token");
    JsonObject rule = new JsonObject().put("id", "load").put("name", "Help after a while").put("minSecondsOnPage", seconds)
        .put("messages", new JsonObject().put("de", "Können wir helfen?").put("en", "Can we help?"));
    call("PUT", "/api/v1/offer-rules", admin, new JsonObject().put("rules", new JsonArray().add(rule)), 200);
  }

  JsonArray agents(String adminToken) {
    return call("GET", "/api/v1/agents", adminToken, null, 200).getJsonArray("agents");
  }

  /** The site's report over the export's time range ({@code GET /api/v1/reports}). */
  JsonObject report(String adminToken) {
    return call("GET", "/api/v1/reports" + ExportSeed.REPORT_QUERY, adminToken, null, 200);
  }

  /** Streams the bulk NDJSON export and counts its lines and bytes without keeping them. */
  long[] export(String adminToken) {
    HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/exports/messages" + ExportSeed.EXPORT_QUERY))
        .header("Authorization", "Bearer " + adminToken).timeout(CALL_TIMEOUT).GET().build();
    HttpResponse<InputStream> response = send(request, HttpResponse.BodyHandlers.ofInputStream());
    long[] counts = new long[2];
    byte[] buffer = new byte[64 * 1024];
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        throw new IllegalStateException("export: " + response.statusCode() + " " + new String(body.readAllBytes()));
      }
      for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
        counts[1] += n;
        for (int i = 0; i < n; i++) {
          if (buffer[i] == '\n') {
            counts[0]++;
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("export: the stream broke off after " + counts[1] + " bytes", e);
    }
    return counts;
  }

  private JsonObject call(String method, String uri, String bearer, JsonObject body, int expectedStatus) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(uri)).timeout(CALL_TIMEOUT)
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.encode()));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    HttpResponse<String> response = send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expectedStatus) {
      throw new IllegalStateException(method + " " + uri + ": " + response.statusCode() + " " + response.body());
    }
    return response.body().isEmpty() ? new JsonObject() : new JsonObject(response.body());
  }

  private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    try {
      return http.send(request, handler);
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri().getPath() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
