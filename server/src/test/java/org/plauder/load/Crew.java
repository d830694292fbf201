package org.plauder.load;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * The coordinator's workers: separate processes (a process holds at most ~20,000 sockets
 * here), or {@link Worker}s inside this JVM for the smoke test. Sends each a command and waits
 * for all the answers; the coordinator's thread blocks, the workers do not.
 */
final class Crew implements AutoCloseable {

  /** One worker as the coordinator sees it. */
  private interface Link {
    CompletableFuture<JsonObject> call(JsonObject command);

    long pid();

    void close();
  }

  private final List<Link> links;

  private Crew(List<Link> links) {
    this.links = links;
  }

  /** {@code count} worker processes on this JVM's classpath, their output logged under {@code logDir}. */
  static Crew processes(int count, Path logDir) {
    List<Link> links = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      links.add(new ProcessLink(i, logDir));
    }
    return new Crew(links);
  }

  /** {@code count} workers in this JVM (the smoke test). */
  static Crew inProcess(int count) {
    List<Link> links = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Worker worker = new Worker();
      links.add(new Link() {
        public CompletableFuture<JsonObject> call(JsonObject command) {
          return worker.handle(command).toCompletionStage().toCompletableFuture();
        }

        public long pid() {
          return ProcessHandle.current().pid();
        }

        public void close() {
          worker.close().toCompletionStage().toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join();
        }
      });
    }
    return new Crew(links);
  }

  int size() {
    return links.size();
  }

  List<Long> pids() {
    return links.stream().map(Link::pid).distinct().toList();
  }

  /** Sends each worker its command (built from its index) and waits for every answer; a failed one fails the step. */
  List<JsonObject> all(IntFunction<JsonObject> commandOf, long timeoutSeconds) {
    List<CompletableFuture<JsonObject>> calls = new ArrayList<>();
    for (int i = 0; i < links.size(); i++) {
      calls.add(links.get(i).call(commandOf.apply(i)));
    }
    List<JsonObject> results = new ArrayList<>();
    for (int i = 0; i < calls.size(); i++) {
      try {
        results.add(calls.get(i).get(timeoutSeconds, TimeUnit.SECONDS));
      } catch (Exception e) {
        throw new IllegalStateException("worker " + i + " failed at " + commandOf.apply(i).getString("cmd") + ": " + e.getMessage(), e);
      }
    }
    return results;
  }

  /** One command to one worker, waiting for its answer. */
  JsonObject one(int index, JsonObject command, long timeoutSeconds) {
    try {
      return links.get(index).call(command).get(timeoutSeconds, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("worker " + index + " failed at " + command.getString("cmd") + ": " + e.getMessage(), e);
    }
  }

  List<JsonObject> all(JsonObject command, long timeoutSeconds) {
    return all(i -> command, timeoutSeconds);
  }

  @Override
  public void close() {
    links.forEach(Link::close);
  }

  /** A worker in its own JVM, spoken to over its stdin and stdout one JSON line at a time. */
  private static final class ProcessLink implements Link {
    private final Process process;
    private final Writer commands;
    private final Map<Long, CompletableFuture<JsonObject>> waiting = new ConcurrentHashMap<>();
    private long nextId;

    ProcessLink(int index, Path logDir) {
      String java = ProcessHandle.current().info().command().orElse("java");
      ProcessBuilder builder = new ProcessBuilder(Worker.commandLine(java, System.getProperty("java.class.path")))
          .redirectError(logDir.resolve("worker-" + index + ".err").toFile());
      try {
        process = builder.start();
      } catch (IOException e) {
        throw new UncheckedIOException("could not start worker " + index, e);
      }
      commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
      java.io.PrintStream log;
      try {
        log = new java.io.PrintStream(logDir.resolve("worker-" + index + ".log").toFile(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Thread reader = new Thread(() -> readReplies(index, log), "worker-" + index + "-replies");
      reader.setDaemon(true);
      reader.start();
    }

    private void readReplies(int index, java.io.PrintStream log) {
      try (log; BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          if (!line.startsWith(Worker.REPLY_PREFIX)) {
            log.println(line); // the worker's own logging
            continue;
          }
          JsonObject reply = new JsonObject(line.substring(Worker.REPLY_PREFIX.length()));
          CompletableFuture<JsonObject> call = waiting.remove(reply.getLong("id"));
          if (call != null && reply.containsKey("error")) {
            call.completeExceptionally(new IllegalStateException(reply.getString("error")));
          } else if (call != null) {
            call.complete(reply.getJsonObject("result"));
          }
        }
      } catch (IOException e) {
        // the worker ended; whoever waits times out with the worker's name
      }
      waiting.values().forEach(c -> c.completeExceptionally(new IllegalStateException("worker " + index + " exited")));
    }

    @Override
    public synchronized CompletableFuture<JsonObject> call(JsonObject command) {
      long id = nextId++;
      CompletableFuture<JsonObject> reply = new CompletableFuture<>();
      waiting.put(id, reply);
      try {
        commands.write(command.copy().put("id", id).encode() + "\n");
        commands.flush();
      } catch (IOException e) {
        waiting.remove(id);
        reply.completeExceptionally(e);
      }
      return reply;
    }

    @Override
    public long pid() {
      return process.pid();
    }

    @Override
    public void close() {
      try {
        commands.write("{\"cmd\":\"exit\"}\n");
        commands.flush();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (IOException | InterruptedException e) {
        process.destroyForcibly();
      }
    }
  }
}
