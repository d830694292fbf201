package org.plauder.load;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The coordinator's REST calls to a target, as the dashboard makes them; each blocks the coordinator's thread (never an event loop). */
final class Rest {

  private final HttpClient http;
  private final Target target;

  Rest(Vertx vertx, Target target) {
    this.target = target;
    this.http = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(target.port()));
  }

  /** {"agentId", "token", …} of the target's admin. */
  JsonObject loginAdmin() {
    return login(target.adminEmail(), target.adminPassword());
  }

  JsonObject login(String email, String password) {
    return call(HttpMethod.POST, "/api/v1/agents/login", null, new JsonObject().put("email", email).put("password", password), 200);
  }

  /** {@code count} new agents of the demo site, each logged in: [{"id", "token"}]. */
  List<JsonObject> createAgents(int count, int maxChats) {
    String admin = loginAdmin().getString("token");
    List<JsonObject> agents = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String email = "load-agent-" + i + "@load.plauder.local";
      call(HttpMethod.POST, "/api/v1/agents", admin, new JsonObject().put("email", email).put("password", "load-password-" + i)
          .put("name", "Agent " + i).put("maxChats", maxChats), 201);
      JsonObject login = login(email, "load-password-" + i);
      agents.add(new JsonObject().put("id", login.getString("agentId")).put("token", login.getString("token")));
    }
    return agents;
  }

  JsonArray agents(String adminToken) {
    return call(HttpMethod.GET, "/api/v1/agents", adminToken, null, 200).getJsonArray("agents");
  }

  /** Streams the bulk NDJSON export and counts its lines and bytes without keeping them. */
  long[] export(String adminToken) {
    long[] counts = new long[2];
    Future<Void> done = http.request(new RequestOptions().setMethod(HttpMethod.GET)
            .setURI("/api/v1/exports/messages" + ExportSeed.EXPORT_QUERY).putHeader("Authorization", "Bearer " + adminToken))
        .compose(request -> request.send())
        .compose(response -> {
          if (response.statusCode() != 200) {
            return response.body().compose(b -> Future.failedFuture("export: " + response.statusCode() + " " + b));
          }
          response.handler(buffer -> {
            counts[1] += buffer.length();
            for (int i = 0; i < buffer.length(); i++) {
              if (buffer.getByte(i) == '\n') {
                counts[0]++;
              }
            }
          });
          return response.end();
        });
    await(done, 3600);
    return counts;
  }

  private JsonObject call(HttpMethod method, String uri, String bearer, JsonObject body, int expectedStatus) {
    RequestOptions options = new RequestOptions().setMethod(method).setURI(uri).putHeader("Content-Type", "application/json");
    if (bearer != null) {
      options.putHeader("Authorization", "Bearer " + bearer);
    }
    Future<JsonObject> reply = http.request(options)
        .compose(request -> body == null ? request.send() : request.send(body.encode()))
        .compose(response -> response.body().map(b -> {
          if (response.statusCode() != expectedStatus) {
            throw new IllegalStateException(method + " " + uri + ": " + response.statusCode() + " " + b);
          }
          return b.length() == 0 ? new JsonObject() : new JsonObject((Buffer) b);
        }));
    return await(reply, 60);
  }

  static <T> T await(Future<T> future, long seconds) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    } catch (Exception e) {
      throw new IllegalStateException("no answer within " + seconds + " s", e);
    }
  }

  void close() {
    http.close();
  }
}
