package org.plauder.protocol;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.plauder.visitor.OnlineVisitor;

/** The live-visitors list on the wire ({@code agent.visitors}): the latest visitors in full, the others by id only. */
public final class LiveVisitorsJson {

  /**
   * How many visitors go in full, latest page first. A big shop has thousands online: the
   * dashboard lists this many and counts all, so the others need no more than their ids.
   */
  public static final int IN_FULL = 100;

  private LiveVisitorsJson() {}

  /** {@code visitors} (presence, at most {@link #IN_FULL}), {@code others} (their ids) and {@code total}, from a list latest page first. */
  public static JsonObject of(List<OnlineVisitor> latestFirst) {
    JsonArray visitors = new JsonArray();
    JsonArray others = new JsonArray();
    for (int i = 0; i < latestFirst.size(); i++) {
      if (i < IN_FULL) {
        visitors.add(Json.presence(latestFirst.get(i)));
      } else {
        others.add(latestFirst.get(i).id());
      }
    }
    return new JsonObject().put("visitors", visitors).put("others", others).put("total", latestFirst.size());
  }
}
