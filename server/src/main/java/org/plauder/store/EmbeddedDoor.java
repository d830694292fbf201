package org.plauder.store;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.ClientRequest;
import de.bwaldvogel.mongo.wire.message.MessageHeader;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import de.bwaldvogel.mongo.wire.message.MongoReply;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The embedded database's door: a connection may only say hello until it has logged in with the
 * user name and the password made for this start (SASL PLAIN, which the MongoDB driver speaks).
 * The password exists only in this process's memory and in the connection string it hands to its
 * own driver (when the database runs as its own process: in the owner-only file {@code database.uri}
 * for its nodes), never in a log, so no other local process can read a document.
 */
@ChannelHandler.Sharable
final class EmbeddedDoor extends ChannelInboundHandlerAdapter {

  static final String USER = "plauder";
  private static final AttributeKey<Boolean> LOGGED_IN = AttributeKey.valueOf("plauder.loggedIn");
  /** What a client may ask before it has logged in: the handshake, the monitor's heartbeat, the login. */
  private static final Set<String> OPEN_COMMANDS = Set.of("hello", "ismaster", "ping", "saslstart");

  private final byte[] expectedLogin;
  private final String password;
  private final AtomicInteger replyIds = new AtomicInteger();

  private EmbeddedDoor(String password) {
    this.password = password;
    this.expectedLogin = ("\0" + USER + "\0" + password).getBytes(StandardCharsets.UTF_8);
  }

  /** A door with a fresh random password. */
  static EmbeddedDoor withFreshPassword() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return new EmbeddedDoor(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  /** A door with the password of an earlier start (the database's own process keeps it in its data directory). */
  static EmbeddedDoor withPassword(String password) {
    if (password.isBlank()) {
      throw new IllegalArgumentException("the embedded database's password must not be empty");
    }
    return new EmbeddedDoor(password);
  }

  String password() {
    return password;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object request) {
    if (ctx.channel().hasAttr(LOGGED_IN) || !(request instanceof ClientRequest clientRequest)) {
      ctx.fireChannelRead(request);
      return;
    }
    Document command = commandOf(clientRequest);
    String name = command == null || command.isEmpty() ? "" : command.keySet().iterator().next();
    if ("saslStart".equalsIgnoreCase(name)) {
      reply(ctx, clientRequest, logIn(ctx, command));
    } else if (OPEN_COMMANDS.contains(name.toLowerCase())) {
      ctx.fireChannelRead(request);
    } else {
      reply(ctx, clientRequest, failure(13, "Unauthorized", "command " + name + " requires authentication"));
    }
  }

  private Document logIn(ChannelHandlerContext ctx, Document command) {
    Object payload = command.get("payload");
    byte[] offered = payload instanceof BinData bin ? bin.getData() : payload instanceof byte[] raw ? raw : new byte[0];
    // PLAIN sends "authorisation id \0 user \0 password"; the authorisation id may be left empty.
    int firstNul = indexOf(offered, 0);
    byte[] login = firstNul < 0 ? new byte[0] : java.util.Arrays.copyOfRange(offered, firstNul, offered.length);
    if (!"PLAIN".equals(command.get("mechanism")) || !MessageDigest.isEqual(login, expectedLogin)) {
      return failure(18, "AuthenticationFailed", "Authentication failed.");
    }
    ctx.channel().attr(LOGGED_IN).set(Boolean.TRUE);
    return new Document("conversationId", 1).append("done", true).append("payload", new BinData(new byte[0]))
        .append("ok", 1.0);
  }

  private static Document commandOf(ClientRequest request) {
    if (request instanceof MongoMessage message) {
      return message.getDocument();
    }
    if (request instanceof MongoQuery query && query.getCollectionName().startsWith("$cmd")) {
      return query.getQuery();
    }
    return null; // a legacy query on a collection: never open
  }

  private void reply(ChannelHandlerContext ctx, ClientRequest request, Document body) {
    MessageHeader header = new MessageHeader(replyIds.incrementAndGet(), request.getHeader().getRequestID());
    Object reply = request instanceof MongoMessage
        ? new MongoMessage(ctx.channel(), header, body)
        : new MongoReply(header, List.of(body), 0);
    ctx.writeAndFlush(reply);
  }

  private static Document failure(int code, String codeName, String message) {
    return new Document("ok", 0.0).append("errmsg", message).append("code", code).append("codeName", codeName);
  }

  private static int indexOf(byte[] bytes, int value) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == value) {
        return i;
      }
    }
    return -1;
  }
}
