package org.plauder.load;

import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/** A latency histogram in microseconds that a worker process sends to the coordinator as text, where they are merged. */
final class Latency {

  /** Anything slower than the 30 s that counts as lost is still recorded, clamped here. */
  private static final long MAX_MICROS = TimeUnit.SECONDS.toMicros(300);

  private final Histogram histogram;

  Latency() {
    this(new Histogram(MAX_MICROS, 3));
  }

  private Latency(Histogram histogram) {
    this.histogram = histogram;
  }

  void recordNanos(long nanos) {
    histogram.recordValue(Math.max(0, Math.min(MAX_MICROS, nanos / 1000)));
  }

  long count() {
    return histogram.getTotalCount();
  }

  void add(Latency other) {
    histogram.add(other.histogram);
  }

  String encode() {
    ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
    int length = histogram.encodeIntoCompressedByteBuffer(buffer);
    return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length));
  }

  static Latency decode(String text) {
    try {
      return new Latency(Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(text)), 0));
    } catch (DataFormatException e) {
      throw new IllegalArgumentException("not an encoded histogram", e);
    }
  }

  /** count, p50, p90, p99 and max in milliseconds; the percentiles are null when nothing was recorded. */
  JsonObject summary() {
    JsonObject s = new JsonObject().put("count", count());
    for (var p : new Object[][] {{"p50", 50.0}, {"p90", 90.0}, {"p99", 99.0}, {"max", 100.0}}) {
      s.put((String) p[0], count() == 0 ? null : histogram.getValueAtPercentile((Double) p[1]) / 1000.0);
    }
    return s;
  }
}
