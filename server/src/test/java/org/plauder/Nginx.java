package org.plauder;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Debian's nginx ({@code /usr/sbin/nginx}) as a child process of the test, in front of Plauder
 * nodes: its own configuration, pid file, temp paths and error log in a directory of the test,
 * in the foreground, on a port of its own. The configuration is the one the README documents.
 */
final class Nginx implements AutoCloseable {

  static final Path BINARY = Path.of("/usr/sbin/nginx");

  private final Process process;
  private final Path prefix;

  private Nginx(Process process, Path prefix) {
    this.process = process;
    this.prefix = prefix;
  }

  /** Starts nginx on {@code port}, balancing over the nodes on {@code nodePorts}; fails (never skips) without nginx. */
  static Nginx start(Path prefix, int port, List<Integer> nodePorts) throws IOException, InterruptedException {
    if (!Files.isExecutable(BINARY)) {
      throw new AssertionError(BINARY + " is missing: the failover test needs Debian's nginx (apt-get install nginx)");
    }
    Files.createDirectories(prefix.resolve("tmp"));
    Path conf = prefix.resolve("nginx.conf");
    Files.writeString(conf, config(prefix, port, nodePorts));
    Process process = new ProcessBuilder(BINARY.toString(), "-p", prefix.toString(), "-c", conf.toString(), "-g", "daemon off;")
        .redirectErrorStream(true).redirectOutput(prefix.resolve("stdout.log").toFile()).start();
    long deadline = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("nginx exited with " + process.exitValue() + ": " + Files.readString(prefix.resolve("stdout.log"))
            + (Files.exists(prefix.resolve("error.log")) ? Files.readString(prefix.resolve("error.log")) : ""));
      }
      try (Socket probe = new Socket("127.0.0.1", port)) {
        return new Nginx(process, prefix);
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    process.destroyForcibly();
    throw new AssertionError("nginx did not listen on " + port + " within 10 s");
  }

  /**
   * The configuration: SockJS URLs ({@code /eventbus/<server>/<session>/<transport>}) are hashed on
   * their session segment so all requests of one session reach one node; everything else (REST,
   * the raw WebSocket endpoint {@code /eventbus/websocket}) is spread round robin. WebSocket upgrades
   * pass through; {@code X-Forwarded-For} names the client (nodes trust it with PLAUDER_TRUSTED_PROXIES).
   */
  static String config(Path prefix, int port, List<Integer> nodePorts) {
    StringBuilder servers = new StringBuilder();
    nodePorts.forEach(p -> servers.append("    server 127.0.0.1:").append(p).append(" max_fails=1 fail_timeout=10s;\n"));
    String p = prefix.toAbsolutePath().toString();
    return """
        worker_processes 1;
        pid %1$s/nginx.pid;
        error_log %1$s/error.log warn;
        events { worker_connections 4096; }
        http {
          access_log off;
          client_body_temp_path %1$s/tmp/client_body;
          proxy_temp_path %1$s/tmp/proxy;
          fastcgi_temp_path %1$s/tmp/fastcgi;
          uwsgi_temp_path %1$s/tmp/uwsgi;
          scgi_temp_path %1$s/tmp/scgi;

          # SockJS: /eventbus/<server>/<session>/<transport> -> the session id; empty (round robin) otherwise
          map $uri $sockjs_session {
            "~^/eventbus/[^/]+/(?<session>[^/]+)/[^/]+$" $session;
            default "";
          }
          map $http_upgrade $connection_upgrade {
            default upgrade;
            "" close;
          }
          upstream plauder {
            hash $sockjs_session consistent;
        %2$s  }
          server {
            listen 127.0.0.1:%3$d;
            location / {
              proxy_pass http://plauder;
              proxy_http_version 1.1;
              proxy_set_header Host $http_host;
              proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
              proxy_set_header X-Forwarded-Proto $scheme;
              proxy_set_header Upgrade $http_upgrade;
              proxy_set_header Connection $connection_upgrade;
              proxy_connect_timeout 2s;
              proxy_read_timeout 1h;
              proxy_buffering off;
            }
          }
        }
        """.formatted(p, servers, port);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy(); // SIGTERM: nginx stops at once
    if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  Path errorLog() {
    return prefix.resolve("error.log");
  }
}
