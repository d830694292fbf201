package org.plauder.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.handler.sockjs.BridgeEvent;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import org.plauder.abuse.SocketBudget;

/**
 * Holds each bridge socket to its {@link SocketBudget} before a frame costs anything: no token
 * check, no event-bus hop, no action. A frame over the budget is answered here with a
 * {@code 429 rate_limited} failure on its own reply address (so its caller does not wait forever);
 * a socket that keeps flooding gets the error frame {@code flooding} and is closed with
 * {@link #FLOODING_CLOSE_CODE}.
 */
final class FrameThrottle {

  /** The close code of a socket cut off for flooding (on the raw WebSocket endpoint; SockJS transports close with 3000). */
  static final int FLOODING_CLOSE_CODE = 4429;
  static final String FLOODING = "flooding";

  private final ClientFaults faults;

  FrameThrottle(ClientFaults faults) {
    this.faults = faults;
  }

  /**
   * Whether the frame of {@code event} may go on. When not, it has been answered or the socket cut
   * off, and the event is deliberately left open: completing it would make the bridge act on it
   * (true forwards the frame, false writes a second, address-less "rejected" error that the
   * stock client reports as a refusal).
   */
  boolean admit(BridgeEvent event, SocketBudget budget, String socketId) {
    return switch (budget.spend(System.nanoTime())) {
      case PASS -> true;
      case REFUSE -> {
        answerThrottled(event);
        yield false;
      }
      case CUT_OFF -> {
        cutOff(event.socket(), socketId);
        yield false;
      }
      case DROP -> false;
    };
  }

  private static void answerThrottled(BridgeEvent event) {
    JsonObject raw = event.getRawMessage();
    // The bridge answers only reply addresses of up to 36 characters; so does this.
    if (raw != null && raw.getValue("replyAddress") instanceof String replyAddress && replyAddress.length() <= 36) {
      JsonObject reply = new JsonObject().put("type", "err").put("address", replyAddress)
          .put("failureCode", 429).put("failureType", "RECIPIENT_FAILURE")
          .put("message", "rate_limited: too many requests on this connection, slow down");
      event.socket().write(Buffer.buffer(reply.encode()));
    }
  }

  private void cutOff(SockJSSocket socket, String socketId) {
    faults.report(socketId, Bridge.describe(socket, socketId), "kept sending over its budget and was cut off");
    socket.write(Buffer.buffer(new JsonObject().put("type", "err").put("body", FLOODING).encode()));
    socket.close(FLOODING_CLOSE_CODE, FLOODING);
  }
}
