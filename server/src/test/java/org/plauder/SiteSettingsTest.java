package org.plauder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.plauder.TestNode.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** An admin's site settings are checked, stored, and reach the widget. */
@ExtendWith(VertxExtension.class)
class SiteSettingsTest {

  @TempDir
  Path dataDir;

  @Test
  void theSitesLanguagesAreCheckedStoredAndHandedToTheWidget(Vertx vertx) {
    try (TestNode node = TestNode.start(vertx, dataDir)) {
      String admin = node.loginAdmin().token();
      var refused = await(node.http.patch("/api/v1/site").bearerTokenAuthentication(admin)
          .sendJsonObject(new JsonObject().put("languages", new JsonArray().add("fr"))));
      assertEquals(400, refused.statusCode());
      assertEquals("invalid_input", refused.bodyAsJsonObject().getJsonObject("error").getString("code"));
      assertEquals(new JsonArray().add("de").add("en"), await(node.http.get("/api/v1/site").bearerTokenAuthentication(admin).send())
          .bodyAsJsonObject().getJsonArray("languages"));

      var saved = await(node.http.patch("/api/v1/site").bearerTokenAuthentication(admin)
          .sendJsonObject(new JsonObject().put("languages", new JsonArray().add("en"))));
      assertEquals(200, saved.statusCode(), saved.bodyAsString());
      assertEquals(new JsonArray().add("en"), saved.bodyAsJsonObject().getJsonArray("languages"));
      JsonObject minted = await(node.http.post("/api/v1/sites/demo/visitors").putHeader("Origin", node.origin())
          .sendJsonObject(new JsonObject())).bodyAsJsonObject();
      assertEquals(new JsonArray().add("en"), minted.getJsonObject("site").getJsonArray("languages"));
    }
  }
}
