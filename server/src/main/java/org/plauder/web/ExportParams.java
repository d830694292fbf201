package org.plauder.web;

import io.vertx.ext.web.RoutingContext;
import java.time.ZoneId;
import java.util.List;
import org.plauder.protocol.Failure;
import org.plauder.site.Site;
import org.plauder.transcript.Reader;
import org.plauder.transcript.TranscriptFormat;

/** The query parameters of transcript downloads and exports: format, byte-order mark, the reader's language. */
final class ExportParams {

  private ExportParams() {}

  /**
   * {@code bom=1}: a CSV starts with the UTF-8 byte-order mark, without which Excel reads the file
   * as the system's legacy code page and breaks every umlaut. Only for CSV; {@code 0} or none: no mark.
   */
  static String byteOrderMark(RoutingContext ctx, TranscriptFormat format) {
    String value = ctx.request().getParam("bom", "0");
    if (!value.equals("0") && !value.equals("1")) {
      throw Failure.badInput("bom must be 1 or 0");
    }
    if (value.equals("1") && format != TranscriptFormat.CSV) {
      throw Failure.badInput("bom=1 is for format=csv only");
    }
    return value.equals("1") ? "\uFEFF" : "";
  }

  static TranscriptFormat formatOf(RoutingContext ctx, String fallback, List<TranscriptFormat> allowed) {
    TranscriptFormat format = TranscriptFormat.fromWire(ctx.request().getParam("format", fallback));
    if (format == null || !allowed.contains(format)) {
      throw Failure.badInput("format must be one of " + allowed.stream().map(TranscriptFormat::extension).toList());
    }
    return format;
  }

  /**
   * Who reads it: {@code lang} ({@code de} or {@code en}; else the site's first language) and the
   * site's name and time zone.
   */
  static Reader reader(RoutingContext ctx, Site site) {
    String lang = ctx.request().getParam("lang");
    if (lang != null && !Site.SUPPORTED_LANGUAGES.contains(lang)) {
      throw Failure.badInput("lang must be one of " + Site.SUPPORTED_LANGUAGES);
    }
    if (site == null) {
      return new Reader(null, lang, ZoneId.of(Site.DEFAULT_TIME_ZONE));
    }
    return Reader.of(site, lang);
  }
}
