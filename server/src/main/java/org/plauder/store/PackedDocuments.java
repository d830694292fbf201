package org.plauder.store;

import com.sun.management.HotSpotDiagnosticMXBean;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;

/**
 * A collection's documents encoded as BSON, packed one after another into large byte arrays
 * (chunks), and decoded into a fresh copy whenever one is read. A message kept as a document is
 * about 35 small objects, which the garbage collector copies from one survivor space to the next
 * several times while they are young; at 2,000 messages a second those copies were most of each
 * young pause, and the pauses what the slowest messages waited for. A full-size chunk is as large
 * as the collector allocates straight into the old generation (half a G1 region or more), so
 * packed documents are never copied. A chunk that updates and removals leave less than half
 * used is packed into the newest one; an empty one is dropped. A scan decodes every document it
 * passes (about a microsecond each), so only collections read by key on busy paths are packed.
 */
final class PackedDocuments implements DocumentSlots {

  /** The largest chunk: one G1 region less the array's header, or 1 MiB under another collector. */
  static final int MAX_CHUNK_BYTES = maxChunkBytes();
  static final int FIRST_CHUNK_BYTES = 64 * 1024;
  private static final long EMPTY = -1;
  /** Before each document in a chunk: the position it is stored for, so that a chunk can be read without the locations. */
  private static final int POSITION_BYTES = 4;
  /** BSON's type byte of a UTF-8 string. */
  private static final byte STRING_TYPE = 0x02;

  private final List<byte[]> chunks = new ArrayList<>();
  private final Queue<Integer> freeChunks = new ArrayDeque<>();
  private int[] liveBytes = new int[16];
  private int active = -1;
  private int activeEnd;
  /** Per position: chunk number in the high half, offset in the low half; EMPTY when no document is there. */
  private long[] locations = new long[64];
  private int end;
  private final Queue<Integer> emptyPositions = new ArrayDeque<>();
  private final ByteBuf encoder = Unpooled.buffer(1024);
  private final int maxChunkBytes;

  PackedDocuments() {
    this(MAX_CHUNK_BYTES);
  }

  PackedDocuments(int maxChunkBytes) {
    this.maxChunkBytes = maxChunkBytes;
  }

  @Override
  public int add(Document document) {
    Integer position = emptyPositions.poll();
    if (position == null) {
      if (end == locations.length) {
        locations = Arrays.copyOf(locations, end * 2);
      }
      position = end++;
    }
    locations[position] = EMPTY; // until it is put: a chunk packed meanwhile must not take it for one of its own
    locations[position] = put(position, encode(document));
    return position;
  }

  @Override
  public Document get(int position) {
    long location = locations[position];
    if (location == EMPTY) {
      return null;
    }
    byte[] chunk = chunks.get(chunkOf(location));
    int offset = offsetOf(location) + POSITION_BYTES;
    return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(chunk, offset, bsonLengthAt(chunk, offset)));
  }

  /**
   * Whether the document at {@code position} begins with the string field named {@code name} (as
   * UTF-8) whose value is {@code value}: true or false when its first field is a string of that
   * name (or no document is there: false), null when it is not, and the document must be decoded
   * to tell.
   */
  Boolean firstStringFieldIs(int position, byte[] name, String value) {
    long location = locations[position];
    if (location == EMPTY) {
      return false;
    }
    byte[] chunk = chunks.get(chunkOf(location));
    int at = offsetOf(location) + POSITION_BYTES + 4; // past the position and the document's length
    if (at + 6 + name.length > chunk.length || chunk[at] != STRING_TYPE || !Arrays.equals(chunk, at + 1, at + 1 + name.length, name, 0, name.length)
        || chunk[at + 1 + name.length] != 0) {
      return null;
    }
    int length = readInt(chunk, at + 2 + name.length) - 1; // the string's bytes, without its closing zero
    byte[] expected = value.getBytes(StandardCharsets.UTF_8);
    int start = at + 6 + name.length;
    return length == expected.length && Arrays.equals(chunk, start, start + length, expected, 0, length);
  }

  @Override
  public void updated(int position, Document stored, Document updated) {
    ByteBuf bson = encode(updated);
    long old = locations[position];
    locations[position] = EMPTY; // not moved along if its chunk is packed now
    release(old);
    locations[position] = put(position, bson);
  }

  @Override
  public void remove(int position) {
    long old = locations[position];
    locations[position] = EMPTY;
    release(old);
    emptyPositions.add(position);
  }

  @Override
  public int count() {
    return end - emptyPositions.size();
  }

  @Override
  public int end() {
    return end;
  }

  /** Chunks holding anything; for tests. */
  int chunkCount() {
    return chunks.size() - freeChunks.size();
  }

  /** The size of all chunks; for tests. */
  long chunkBytes() {
    return chunks.stream().mapToLong(chunk -> chunk == null ? 0 : chunk.length).sum();
  }

  /** The size of all documents kept; for tests. */
  long documentBytes() {
    return Arrays.stream(liveBytes, 0, chunks.size()).asLongStream().sum();
  }

  private ByteBuf encode(Document document) {
    encoder.clear();
    BsonEncoder.encodeDocument(document, encoder);
    return encoder;
  }

  /**
   * Copies the encoded document into the active chunk (a new one when it does not fit, its own when
   * it is large). A chunk that stops being the active one is dropped or packed as {@link #release}
   * would: documents changed soon after they were stored (a visitor's first page view) leave their
   * first version dead in the chunk that was active then.
   */
  private long put(int position, ByteBuf bson) {
    int length = POSITION_BYTES + bson.readableBytes();
    int chunk;
    int offset;
    int retired = -1;
    if (length > maxChunkBytes / 4) {
      chunk = newChunk(length);
      offset = 0;
    } else {
      if (active < 0 || activeEnd + length > chunks.get(active).length) {
        int previous = active < 0 ? Math.min(FIRST_CHUNK_BYTES, maxChunkBytes) / 2 : chunks.get(active).length;
        retired = active;
        active = newChunk(Math.max(length, Math.min(maxChunkBytes, previous * 2)));
        activeEnd = 0;
      }
      chunk = active;
      offset = activeEnd;
      activeEnd += length;
    }
    byte[] bytes = chunks.get(chunk);
    writeInt(bytes, offset, position);
    bson.getBytes(bson.readerIndex(), bytes, offset + POSITION_BYTES, length - POSITION_BYTES);
    liveBytes[chunk] += length;
    if (retired >= 0) {
      dropOrPack(retired);
    }
    return (long) chunk << 32 | offset;
  }

  private int newChunk(int bytes) {
    Integer reused = freeChunks.poll();
    int chunk = reused != null ? reused : chunks.size();
    if (reused != null) {
      chunks.set(chunk, new byte[bytes]);
    } else {
      chunks.add(new byte[bytes]);
      if (chunk == liveBytes.length) {
        liveBytes = Arrays.copyOf(liveBytes, chunk * 2);
      }
    }
    liveBytes[chunk] = 0;
    return chunk;
  }

  /** The bytes at {@code location} are no longer used: drops a chunk left empty, packs one left less than half used (not the active one). */
  private void release(long location) {
    int chunk = chunkOf(location);
    byte[] bytes = chunks.get(chunk);
    liveBytes[chunk] -= recordLengthAt(bytes, offsetOf(location));
    if (chunk != active) {
      dropOrPack(chunk);
    }
  }

  private void dropOrPack(int chunk) {
    if (liveBytes[chunk] == 0) {
      chunks.set(chunk, null);
      freeChunks.add(chunk);
    } else if (liveBytes[chunk] < chunks.get(chunk).length / 2) {
      moveOut(chunk);
    }
  }

  /**
   * Copies every document still in {@code chunk} into the active one, then drops it. The chunk is
   * read from its start: each document there, live or dead, is preceded by the position it was
   * stored for, and it is live if that position's location is still this one. (Going through all
   * positions instead cost deleting the messages of 500 chats among a million a fifth of its time.)
   */
  private void moveOut(int chunk) {
    byte[] bytes = chunks.get(chunk);
    int offset = 0;
    while (offset + POSITION_BYTES + 4 <= bytes.length) {
      int bsonLength = bsonLengthAt(bytes, offset + POSITION_BYTES);
      if (bsonLength == 0) {
        break; // the unused end of the chunk
      }
      int position = readInt(bytes, offset);
      if (locations[position] == ((long) chunk << 32 | offset)) {
        locations[position] = put(position, Unpooled.wrappedBuffer(bytes, offset + POSITION_BYTES, bsonLength));
      }
      offset += POSITION_BYTES + bsonLength;
    }
    chunks.set(chunk, null);
    freeChunks.add(chunk);
  }

  private static int chunkOf(long location) {
    return (int) (location >>> 32);
  }

  private static int offsetOf(long location) {
    return (int) location;
  }

  /** The bytes a document takes in its chunk: the position before it and its BSON. */
  private static int recordLengthAt(byte[] chunk, int offset) {
    return POSITION_BYTES + bsonLengthAt(chunk, offset + POSITION_BYTES);
  }

  /** A BSON document begins with its own length, four bytes little-endian. */
  private static int bsonLengthAt(byte[] chunk, int offset) {
    return readInt(chunk, offset);
  }

  private static int readInt(byte[] chunk, int offset) {
    return (chunk[offset] & 0xff) | (chunk[offset + 1] & 0xff) << 8 | (chunk[offset + 2] & 0xff) << 16 | (chunk[offset + 3] & 0xff) << 24;
  }

  private static void writeInt(byte[] chunk, int offset, int value) {
    chunk[offset] = (byte) value;
    chunk[offset + 1] = (byte) (value >>> 8);
    chunk[offset + 2] = (byte) (value >>> 16);
    chunk[offset + 3] = (byte) (value >>> 24);
  }

  private static int maxChunkBytes() {
    try {
      HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      long region = Long.parseLong(hotspot.getVMOption("G1HeapRegionSize").getValue());
      if (region >= FIRST_CHUNK_BYTES * 2) {
        return (int) Math.min(region - 64, 64L * 1024 * 1024);
      }
    } catch (RuntimeException e) {
      // not HotSpot, or no such option: the default below
    }
    return 1024 * 1024;
  }
}
