package org.plauder.load;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One load-generating process: plays its share of the visitors and agents and carries out the
 * coordinator's commands (one JSON object each, answered with one JSON object). In the smoke
 * test the same class runs inside the test's JVM. Everything happens on its one event loop, so
 * its sockets and counters need no locks.
 */
public final class Worker {

  /** Lines the coordinator reads start with this; anything else on stdout (logging) is ignored. */
  static final String REPLY_PREFIX = "@@ ";

  private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
  private final Context context = vertx.getOrCreateContext();
  private final Stats stats = new Stats();
  private Cast cast;
  private Traffic traffic;
  private long tick;

  Worker() {
    context.runOnContext(v -> {
      vertx.setPeriodic(100, id -> {
        if (cast != null) {
          cast.pingSlice(tick++);
        }
      });
      vertx.setPeriodic(1000, id -> {
        if (cast != null) {
          cast.expire(System.nanoTime());
        }
      });
    });
  }

  /** Carries out one command on this worker's event loop. */
  Future<JsonObject> handle(JsonObject command) {
    Promise<JsonObject> result = Promise.promise();
    context.runOnContext(v -> {
      try {
        dispatch(command).onComplete(result);
      } catch (RuntimeException e) {
        result.fail(e);
      }
    });
    return result.future();
  }

  private Future<JsonObject> dispatch(JsonObject c) {
    switch (c.getString("cmd")) {
      case "init" -> {
        stats.reset();
        cast = new Cast(vertx, c.getInteger("port"), c.getString("origin"), c.getString("site"), c.getInteger("index"), stats);
        traffic = new Traffic(vertx, cast, stats);
        return Future.succeededFuture(new JsonObject());
      }
      case "agents" -> {
        JsonArray list = c.getJsonArray("agents");
        List<String> failures = new ArrayList<>();
        return OpenLoop.limited(list.size(), 20, i -> cast.agentOnline(list.getJsonObject((int) i).getString("id"),
                list.getJsonObject((int) i).getString("token")).onFailure(e -> {
                  failures.add(e.getMessage());
                  stats.error("agents: " + e.getMessage());
                }))
            // A few agents short still measures the rest (the scenarios check the chats they hold); more fails the step, saying why.
            .compose(done -> failures.size() <= list.size() / 20
                ? Future.succeededFuture(new JsonObject().put("online", cast.agents.size()))
                : Future.failedFuture(failures.size() + " of " + list.size() + " agents did not go online, e.g. " + failures.get(0)));
      }
      case "visitors" -> {
        return traffic.arriveAll(c.getInteger("count"), c.getInteger("concurrency", 50), c.getBoolean("requestChat", false))
            .map(done -> new JsonObject().put("ready", cast.visitors.size()));
      }
      case "messages" -> {
        return traffic.messages(c.getDouble("rate"), c.getDouble("seconds")).map(n -> new JsonObject().put("sent", n));
      }
      case "requests" -> {
        return traffic.chatRequests(c.getDouble("rate")).map(n -> new JsonObject().put("sent", n));
      }
      case "endChats" -> {
        return traffic.endChats().map(n -> new JsonObject().put("ended", n));
      }
      case "sessions" -> {
        return traffic.sessions(c.getDouble("rate"), c.getDouble("seconds")).map(n -> new JsonObject().put("started", n));
      }
      case "refreshChats" -> {
        return traffic.refreshChats().map(v -> new JsonObject());
      }
      case "onlineVisitors" -> {
        return traffic.onlineVisitorsSeenByAgent().map(n -> new JsonObject().put("online", n));
      }
      case "status" -> {
        return Future.succeededFuture(new JsonObject().put("pendingReplies", cast.pendingReplies())
            .put("counts", stats.encode().getJsonObject("counts"))
            .put("agentChats", cast.agents.stream().mapToInt(a -> a.conversations.size()).sum()));
      }
      case "report" -> {
        cast.countSocketEvents();
        JsonObject report = stats.encode();
        stats.reset();
        return Future.succeededFuture(report);
      }
      case "leave" -> {
        return cast.leaveAll().map(v -> new JsonObject());
      }
      default -> throw new IllegalArgumentException("unknown command " + c.getString("cmd"));
    }
  }

  Future<Void> close() {
    return (cast == null ? Future.<Void>succeededFuture() : cast.leaveAll()).eventually(vertx::close);
  }

  /** The process: commands come one per line on stdin, replies go to stdout with their id. */
  public static void main(String[] args) throws Exception {
    Worker worker = new Worker();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      JsonObject command = new JsonObject(line);
      if ("exit".equals(command.getString("cmd"))) {
        break;
      }
      Object id = command.getValue("id");
      worker.handle(command).onComplete(
          result -> reply(new JsonObject().put("id", id).put("result", result)),
          error -> reply(new JsonObject().put("id", id).put("error", String.valueOf(error.getMessage()))));
    }
    worker.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    System.exit(0);
  }

  private static synchronized void reply(JsonObject reply) {
    System.out.println(REPLY_PREFIX + reply.encode());
    System.out.flush();
  }

  static List<String> commandLine(String javaBin, String classpath) {
    return List.of(javaBin, "-Xmx2g", "-XX:+UseSerialGC", "-cp", classpath, Worker.class.getName());
  }
}
