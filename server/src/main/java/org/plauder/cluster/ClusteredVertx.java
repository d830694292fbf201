package org.plauder.cluster;

import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import org.plauder.config.Config;
import org.plauder.metrics.NodeMetrics;

/**
 * Starts Vert.x on a clustered event bus (Hazelcast), so a push published on one node reaches
 * browsers connected to any node. Members are listed explicitly (TCP/IP join): no multicast and
 * no cloud auto-detection, which behave unpredictably on servers and in containers.
 */
public final class ClusteredVertx {

  private ClusteredVertx() {}

  public static Future<Vertx> start(Config.Cluster cluster) {
    return start(cluster, NodeMetrics.off());
  }

  /** A clustered Vert.x that reports its own metrics to {@code metrics} when they are on. */
  public static Future<Vertx> start(Config.Cluster cluster, NodeMetrics metrics) {
    com.hazelcast.config.Config hazelcast = ConfigUtil.loadConfig();
    hazelcast.setClusterName(cluster.name());
    hazelcast.setProperty("hazelcast.logging.type", "slf4j");
    hazelcast.setProperty("hazelcast.phone.home.enabled", "false");
    NetworkConfig network = hazelcast.getNetworkConfig();
    network.setPort(cluster.port()).setPortAutoIncrement(true);
    network.getInterfaces().setEnabled(true).addInterface(cluster.host());
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setMembers(cluster.members());

    VertxOptions options = new VertxOptions()
        .setEventBusOptions(new EventBusOptions().setHost(cluster.host()).setPort(0));
    return metrics.vertxBuilder(options).withClusterManager(new HazelcastClusterManager(hazelcast)).buildClustered();
  }
}
