package org.plauder.protocol;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import io.vertx.core.json.JsonObject;

/**
 * How a push frame travels to the inboxes: by reference within a node, as JSON between nodes.
 * Vert.x's own codec for a {@link JsonObject} copies it, deeply, for every handler it reaches:
 * every open tab of the person, and for a chat message both the visitor's and the agent's. A
 * frame is never changed once it is pushed: whoever builds one hands it to {@link Inboxes} last,
 * and the bridge only reads it to write it to the socket.
 */
final class PushFrameCodec implements MessageCodec<JsonObject, JsonObject> {

  static final String NAME = "plauder.pushFrame";

  @Override
  public void encodeToWire(Buffer buffer, JsonObject frame) {
    Buffer json = frame.toBuffer();
    buffer.appendInt(json.length()).appendBuffer(json);
  }

  @Override
  public JsonObject decodeFromWire(int pos, Buffer buffer) {
    int length = buffer.getInt(pos);
    return new JsonObject(buffer.slice(pos + 4, pos + 4 + length));
  }

  @Override
  public JsonObject transform(JsonObject frame) {
    return frame;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }
}
