package org.plauder.store;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * One change in the embedded database's journal: a document stored (inserted or replaced whole),
 * a document removed, a collection dropped, or the mark that a compacted segment starts from
 * nothing. On disk: payload length, CRC-32 of the payload, payload (kind, database, collection,
 * the document as BSON); a record whose length or checksum does not fit is the torn end of a
 * write the crash interrupted.
 */
record JournalRecord(Kind kind, String database, String collection, Document document) {

  enum Kind { PUT, REMOVE, DROP, BASE }

  static final int HEADER_BYTES = 8;

  static JournalRecord base() {
    return new JournalRecord(Kind.BASE, "", "", null);
  }

  /**
   * Which document of its collection this is: the `_id`, or for the collections the database
   * keeps its own bookkeeping in, the field that names the entry.
   */
  static Object keyOf(String collection, Document document) {
    return switch (collection) {
      case "system.namespaces" -> document.get("name");
      case "system.indexes" -> document.get("ns") + "/" + document.get("name");
      default -> document.get("_id");
    };
  }

  /** A document holding only the fields {@link #keyOf} reads, with their values in {@code document}. */
  static Document keyFieldsOf(String collection, Document document) {
    return switch (collection) {
      case "system.namespaces", "system.indexes" -> document;
      default -> new Document("_id", document.get("_id"));
    };
  }

  /** Appends this record, framed, to the buffer. */
  void writeTo(ByteBuf out) {
    int start = out.writerIndex();
    out.writeLong(0); // length and checksum, filled in below
    out.writeByte(kind.ordinal());
    writeCString(out, database);
    writeCString(out, collection);
    if (document != null) {
      BsonEncoder.encodeDocument(document, out);
    }
    int length = out.writerIndex() - start - HEADER_BYTES;
    CRC32 crc = new CRC32();
    crc.update(out.nioBuffer(start + HEADER_BYTES, length));
    out.setInt(start, length);
    out.setInt(start + 4, (int) crc.getValue());
  }

  /** Whether the payload matches the checksum its header carries. */
  static boolean intact(byte[] payload, int checksum) {
    CRC32 crc = new CRC32();
    crc.update(payload);
    return (int) crc.getValue() == checksum;
  }

  static JournalRecord decode(byte[] payload) {
    ByteBuf in = Unpooled.wrappedBuffer(payload);
    Kind kind = Kind.values()[in.readByte()];
    String database = BsonDecoder.decodeCString(in);
    String collection = BsonDecoder.decodeCString(in);
    Document document = in.isReadable() ? BsonDecoder.decodeBson(in) : null;
    return new JournalRecord(kind, database, collection, document);
  }

  private static void writeCString(ByteBuf out, String value) {
    out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
    out.writeByte(0);
  }
}
