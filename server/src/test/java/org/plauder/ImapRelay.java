package org.plauder;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * A real IMAP server behind a relay that makes it look like another: one without IDLE (its
 * capability lists reach the client without it), or one where a mail arrives just as the client
 * starts an IDLE (an action runs when the client's first IDLE command passes, before the server
 * gets it). Notes whether a client asked for IDLE.
 */
final class ImapRelay implements AutoCloseable {

  /** Something done on the relay's thread. */
  interface Action {
    void run() throws Exception;
  }

  /** The lines that list capabilities: "* CAPABILITY …" and a status response "[CAPABILITY …]". */
  private static final Pattern CAPABILITIES = Pattern.compile("^(\\* |\\S+ OK \\[|\\* OK \\[)CAPABILITY .*", Pattern.DOTALL);
  private static final Pattern IDLE_COMMAND = Pattern.compile("^\\S+ IDLE\\r?\\n$", Pattern.CASE_INSENSITIVE);

  private final int imapPort;
  private final boolean hideIdle;
  private final AtomicReference<Action> onFirstIdle;
  private final ServerSocket listening;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final AtomicBoolean idleAsked = new AtomicBoolean();

  private ImapRelay(int imapPort, boolean hideIdle, Action onFirstIdle) throws IOException {
    this.imapPort = imapPort;
    this.hideIdle = hideIdle;
    this.onFirstIdle = new AtomicReference<>(onFirstIdle);
    this.listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    daemon(this::accept);
  }

  /** The server at {@code imapPort} as one without IDLE. */
  static ImapRelay withoutIdle(int imapPort) throws IOException {
    return new ImapRelay(imapPort, true, null);
  }

  /** The server at {@code imapPort}, with {@code action} done just before the first IDLE command reaches it. */
  static ImapRelay onFirstIdle(int imapPort, Action action) throws IOException {
    return new ImapRelay(imapPort, false, action);
  }

  int port() {
    return listening.getLocalPort();
  }

  boolean idleAsked() {
    return idleAsked.get();
  }

  private void accept() {
    try {
      while (true) {
        Socket client = listening.accept();
        Socket server = new Socket(InetAddress.getLoopbackAddress(), imapPort);
        sockets.add(client);
        sockets.add(server);
        InputStream fromClient = client.getInputStream();
        InputStream fromServer = server.getInputStream();
        daemon(() -> relay(fromClient, server.getOutputStream(), true));
        daemon(() -> relay(fromServer, client.getOutputStream(), false));
      }
    } catch (IOException closed) {
      // closed by the test
    }
  }

  private static void daemon(Action action) {
    Thread t = new Thread(() -> {
      try {
        action.run();
      } catch (Exception e) {
        // one side hung up
      }
    }, "imap-relay");
    t.setDaemon(true);
    t.start();
  }

  /** Passes lines on: from the server (without IDLE in a capability list if so made), from the client noting an IDLE command. */
  private void relay(InputStream from, OutputStream to, boolean fromClient) throws Exception {
    try (InputStream in = new BufferedInputStream(from); to) {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      int b;
      while ((b = in.read()) >= 0) {
        line.write(b);
        if (b == '\n') {
          to.write(passedOn(line.toString(StandardCharsets.ISO_8859_1), fromClient).getBytes(StandardCharsets.ISO_8859_1));
          to.flush();
          line.reset();
        }
      }
    }
  }

  private String passedOn(String line, boolean fromClient) throws Exception {
    if (fromClient) {
      if (IDLE_COMMAND.matcher(line).matches()) {
        idleAsked.set(true);
        Action action = onFirstIdle.getAndSet(null);
        if (action != null) {
          action.run();
        }
      }
      return line;
    }
    return hideIdle && CAPABILITIES.matcher(line).matches() ? line.replaceAll("(?i) IDLE(?=[ \\]\\r\\n])", "") : line;
  }

  @Override
  public void close() throws IOException {
    listening.close();
    for (Socket s : sockets) {
      s.close();
    }
  }
}
