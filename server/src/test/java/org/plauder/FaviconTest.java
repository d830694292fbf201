package org.plauder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plauder.TestNode.await;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The icon browsers ask every site for: the demo shop and the dashboard have one, and point at it. */
@ExtendWith(VertxExtension.class)
class FaviconTest {

  @TempDir
  Path dataDir;

  @Test
  void faviconIcoIsAnIconAndThePagesLinkIt(Vertx vertx) {
    try (TestNode node = TestNode.start(vertx, dataDir)) {
      HttpResponse<Buffer> icon = await(node.http.get("/favicon.ico").send());
      assertEquals(200, icon.statusCode());
      assertTrue(icon.getHeader("Content-Type").startsWith("image/"), icon.getHeader("Content-Type"));
      assertArrayEquals(new byte[] {0, 0, 1, 0}, icon.body().getBytes(0, 4), "an ICO file's header");
      for (String page : new String[] {"/demo/", "/demo/kasse.html", "/dashboard/"}) {
        assertTrue(await(node.http.get(page).send()).bodyAsString().contains("<link rel=\"icon\" href=\"/favicon.ico\">"), page);
      }
    }
  }
}
