package org.plauder.load;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A new visitor's first request, {@code POST /api/v1/sites/{site}/visitors}, written by hand
 * on a connection of the visitor's own client (bound to its source address) and read back by
 * hand: status line, {@code Content-Length} or else until the server closes, the JSON body.
 *
 * <p>Why not Vert.x's HTTP client: a client agent built and closed per visitor (the only way to
 * give each its own source address in Vert.x 5.1.5) cost the generator more than the bare relay
 * spends on the whole set-up; see docs/benchmarks.md, "A cheaper generator for session set-up".
 */
final class Mint {

  private static final int MAX_RESPONSE_BYTES = 64 * 1024;

  private final NetSocket socket;
  private final Promise<JsonObject> minted = Promise.promise();
  private final Buffer received = Buffer.buffer(512);
  private int bodyStart = -1;
  private int status;
  private long contentLength = -1;

  private Mint(NetSocket socket) {
    this.socket = socket;
  }

  /** Mints a visitor over a new connection of {@code client}; the connection is closed once the answer is read. */
  static Future<JsonObject> post(NetClient client, int port, String siteKey, String origin) {
    return client.connect(port, "127.0.0.1").compose(socket -> new Mint(socket).send(port, siteKey, origin));
  }

  private Future<JsonObject> send(int port, String siteKey, String origin) {
    socket.handler(this::onData);
    socket.closeHandler(v -> onClose());
    socket.exceptionHandler(minted::tryFail);
    // A browser's first request, as the widget sends it; Connection: close, as nothing else follows on this connection.
    socket.write("POST /api/v1/sites/" + siteKey + "/visitors HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nOrigin: " + origin
        + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
    return minted.future();
  }

  private void onData(Buffer data) {
    received.appendBuffer(data);
    if (received.length() > MAX_RESPONSE_BYTES) {
      fail("response longer than " + MAX_RESPONSE_BYTES + " bytes");
    } else if (bodyStart < 0) {
      readHead();
    }
    if (bodyStart >= 0 && contentLength >= 0 && received.length() - bodyStart >= contentLength) {
      finish();
    }
  }

  /** Parses the status line and headers once they are all in. */
  private void readHead() {
    String text = received.toString(StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      return;
    }
    bodyStart = end + 4;
    String[] lines = text.substring(0, end).split("\r\n");
    String[] statusLine = lines[0].split(" ", 3);
    if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/1.")) {
      fail("not an HTTP/1 response: " + lines[0]);
      return;
    }
    status = Integer.parseInt(statusLine[1]);
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      String name = colon < 0 ? "" : lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = colon < 0 ? "" : lines[i].substring(colon + 1).trim();
      if (name.equals("content-length")) {
        contentLength = Long.parseLong(value);
      } else if (name.equals("transfer-encoding") && !value.equalsIgnoreCase("identity")) {
        fail("transfer-encoding " + value + " is not read here");
      }
    }
  }

  private void onClose() {
    if (bodyStart >= 0 && contentLength < 0) {
      finish(); // no length: the body is what came until the server closed
    } else {
      minted.tryFail("mint: connection closed before the whole response (" + received.length() + " bytes)");
    }
  }

  private void finish() {
    String body = received.getString(bodyStart, contentLength < 0 ? received.length() : (int) (bodyStart + contentLength),
        StandardCharsets.UTF_8.name());
    if (status != 200) {
      fail(status + " " + body);
      return;
    }
    try {
      minted.tryComplete(new JsonObject(body));
    } catch (RuntimeException e) {
      fail("not JSON: " + body);
    }
    socket.close();
  }

  private void fail(String why) {
    minted.tryFail("mint: " + why);
    socket.close();
  }
}
