package org.plauder.agent;

import io.vertx.core.Future;
import java.util.Set;

/** Which agents have a dashboard open now, on any node: routing gives chats only to them. */
@FunctionalInterface
public interface AgentConnections {

  /** The ids of the site's agents with at least one dashboard socket open somewhere in the cluster. */
  Future<Set<String>> connectedOf(String siteKey);
}
