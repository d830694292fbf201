package org.plauder.attachment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.plauder.protocol.Failure;

/** What an agent's picture may be: plain rules, no server. */
class AvatarPicturesTest {

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void stillImagesArePictures() {
    assertEquals(FileType.PNG, AvatarPictures.typeOf(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13}));
    assertEquals(FileType.JPEG, AvatarPictures.typeOf(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}));
    assertEquals(FileType.WEBP, AvatarPictures.typeOf(ascii("RIFF\u0010\u0000\u0000\u0000WEBPVP8 ")));
  }

  @Test
  void aGifAPdfAnSvgOrAPageAreRefusedAsUnsupported() {
    for (String content : new String[] {"GIF89a......", "%PDF-1.7\n...", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>",
        "<!doctype html><script>alert(1)</script>"}) {
      Failure refused = assertThrows(Failure.class, () -> AvatarPictures.typeOf(ascii(content)), content);
      assertEquals(415, refused.status(), content);
      assertEquals("unsupported_file_type", refused.code(), content);
    }
  }

  @Test
  void anEmptyPictureIsBadInputAndTheLimitIsOneMegabyte() {
    assertEquals(400, assertThrows(Failure.class, () -> AvatarPictures.typeOf(new byte[0])).status());
    assertTrue(AvatarPictures.LIMIT.tooLarge(1024 * 1024 + 1));
    assertEquals(false, AvatarPictures.LIMIT.tooLarge(1024 * 1024));
  }

  @Test
  void theStoredNameIsTheAgentsNeverTheBrowsers() {
    assertEquals("avatar-6b04d0357cca88c5001ffdfa.webp", AvatarPictures.fileName("6b04d0357cca88c5001ffdfa", FileType.WEBP));
  }
}
