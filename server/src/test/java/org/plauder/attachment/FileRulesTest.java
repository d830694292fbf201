package org.plauder.attachment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.plauder.protocol.Failure;

/** What a sent file is, what it is called and how large it may be: plain rules, no server. */
class FileRulesTest {

  private static byte[] head(String ascii) {
    return Arrays.copyOf(ascii.getBytes(StandardCharsets.ISO_8859_1), FileType.SNIFF_BYTES);
  }

  private static byte[] bytes(int... values) {
    byte[] b = new byte[FileType.SNIFF_BYTES];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  @Test
  void theFirstBytesTellTheType() {
    assertEquals(FileType.PNG, FileType.sniff(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)));
    assertEquals(FileType.JPEG, FileType.sniff(bytes(0xFF, 0xD8, 0xFF, 0xE0)));
    assertEquals(FileType.GIF, FileType.sniff(head("GIF89a")));
    assertEquals(FileType.GIF, FileType.sniff(head("GIF87a")));
    assertEquals(FileType.WEBP, FileType.sniff(head("RIFF\u0010\u0000\u0000\u0000WEBP")));
    assertEquals(FileType.PDF, FileType.sniff(head("%PDF-1.7")));
  }

  @Test
  void anythingElseIsNoneOfOurs() {
    assertNull(FileType.sniff(head("<svg xmlns=")), "SVG is script-capable markup");
    assertNull(FileType.sniff(head("<!doctype html>")));
    assertNull(FileType.sniff(head("RIFF\u0010\u0000\u0000\u0000WAVE")), "a RIFF that is not WebP");
    assertNull(FileType.sniff(head("PK\u0003\u0004")), "zip, docx");
    assertNull(FileType.sniff(bytes(0x89, 'P', 'N', 'G')), "half a PNG signature");
    assertNull(FileType.sniff(new byte[3]));
    assertNull(FileType.sniff(head(" %PDF-1.4")), "the magic must come first");
  }

  @Test
  void aFileShorterThanTheLongestSignatureIsStillRecognised() {
    assertEquals(FileType.PDF, Attachments.typeOf("%PDF-".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void anEmptyOrUnknownBodyIsRefusedClearly() {
    Failure empty = assertThrows(Failure.class, () -> Attachments.typeOf(new byte[0]));
    assertEquals(400, empty.status());
    Failure svg = assertThrows(Failure.class, () -> Attachments.typeOf("<svg/>".getBytes(StandardCharsets.UTF_8)));
    assertEquals(415, svg.status());
    assertEquals("unsupported_file_type", svg.code());
  }

  @Test
  void namesLoseTheirPathAndDangerousCharactersAndGetTheRealExtension() {
    assertEquals("Rechnung März.pdf", FileNames.fromHeader("Rechnung%20M%C3%A4rz.pdf", FileType.PDF));
    assertEquals("passwd.png", FileNames.safe("../../etc/passwd", FileType.PNG));
    assertEquals("evil.exe.pdf", FileNames.safe("C:\\Users\\x\\evil.exe", FileType.PDF));
    assertEquals("photo.png.pdf", FileNames.safe("photo.png", FileType.PDF), "the bytes decide the type");
    assertEquals("foto.JPEG", FileNames.safe("foto.JPEG", FileType.JPEG));
    assertEquals("a_b_.png", FileNames.safe("a\"b\u0000.png", FileType.PNG));
    assertEquals("file.gif", FileNames.safe("...", FileType.GIF));
    assertEquals("file.webp", FileNames.fromHeader(null, FileType.WEBP));
    assertEquals("file.png", FileNames.fromHeader("%E0%A4%A", FileType.PNG), "broken percent-encoding");
    assertEquals("x_gnp.pdf", FileNames.safe("x\u202egnp.pdf", FileType.PDF), "no bidi override");
    String longName = FileNames.safe("ä".repeat(300) + ".png", FileType.PNG);
    assertEquals(FileNames.MAX_LENGTH, longName.codePointCount(0, longName.length()));
    assertTrue(longName.endsWith(".png"));
  }

  @Test
  void imagesAreShownInPlaceAndPdfsSaved() {
    assertEquals("inline; filename=\"Foto 1.png\"; filename*=UTF-8''Foto%201.png", FileNames.contentDisposition("Foto 1.png", FileType.PNG));
    assertEquals("attachment; filename=\"M_rz.pdf\"; filename*=UTF-8''M%C3%A4rz.pdf", FileNames.contentDisposition("März.pdf", FileType.PDF));
  }

  @Test
  void theLimitIsTenMegabytesUnlessTheSiteChoseOneToFifty() {
    assertEquals(10 * 1024 * 1024, FileLimits.DEFAULT.maxBytes());
    assertFalse(FileLimits.DEFAULT.tooLarge(10 * 1024 * 1024));
    assertTrue(FileLimits.DEFAULT.tooLarge(10 * 1024 * 1024 + 1));
    assertEquals(413, FileLimits.DEFAULT.tooLargeFailure().status());
    assertThrows(Failure.class, () -> new FileLimits(0));
    assertThrows(Failure.class, () -> new FileLimits(51));
    assertEquals(50L * 1024 * 1024, new FileLimits(50).maxBytes());
  }
}
