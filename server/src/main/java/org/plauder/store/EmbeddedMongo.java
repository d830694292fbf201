package org.plauder.store;

import de.bwaldvogel.mongo.wire.MongoDatabaseHandler;
import de.bwaldvogel.mongo.wire.MongoExceptionHandler;
import de.bwaldvogel.mongo.wire.MongoWireMessageEncoder;
import de.bwaldvogel.mongo.wire.MongoWireProtocolHandler;
import de.bwaldvogel.mongo.wire.MongoWireReplyEncoder;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process MongoDB wire-protocol server used when no PLAUDER_MONGO_URI is given:
 * mongo-java-server's protocol handlers behind our own Netty server, the data in memory and every
 * change in a journal on disk ({@link JournaledBackend}). It listens on loopback only, with one
 * worker thread — concurrent updates of one document are only atomic when the embedded server
 * handles one command at a time — and forces its journal to disk in groups ({@link GroupCommit})
 * before any reply leaves.
 */
public final class EmbeddedMongo implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);
  static final int POOL_SIZE = 500;

  private final EventLoopGroup boss;
  private final EventLoopGroup worker;
  private final ChannelGroup clients;
  private final Channel listening;
  private final JournaledBackend backend;
  private final EmbeddedDoor door;
  private final String connectionString;
  private final int port;

  private EmbeddedMongo(EventLoopGroup boss, EventLoopGroup worker, ChannelGroup clients, Channel listening, int port,
      JournaledBackend backend, EmbeddedDoor door, String connectionString) {
    this.boss = boss;
    this.worker = worker;
    this.clients = clients;
    this.listening = listening;
    this.backend = backend;
    this.door = door;
    this.connectionString = connectionString;
    this.port = port;
  }

  public static EmbeddedMongo start(Path dataDir) {
    return start(dataDir, 0, EmbeddedDoor.withFreshPassword());
  }

  /** Starts again, after {@link #close()}, on the same port and with the same login, so clients find it again. */
  public EmbeddedMongo reopen(Path dataDir) {
    return start(dataDir, port, door);
  }

  /** On a given loopback port (0: any free one), behind {@code door}. */
  static EmbeddedMongo start(Path dataDir, int port, EmbeddedDoor door) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create data directory " + dataDir.toAbsolutePath(), e);
    }
    Path journal = dataDir.resolve("journal").toAbsolutePath();
    H2Import.importIfNeeded(dataDir.resolve("plauder.mv.db").toAbsolutePath(), journal);
    JournaledBackend backend = new JournaledBackend(journal);
    EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    EventLoopGroup worker = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    ChannelGroup clients = new DefaultChannelGroup("embedded-mongo-clients", GlobalEventExecutor.INSTANCE);
    GroupCommit groupCommit = new GroupCommit(backend);
    Channel listening = new ServerBootstrap()
        .group(boss, worker)
        .channel(NioServerSocketChannel.class)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast(new MongoWireReplyEncoder(), new MongoWireMessageEncoder(), new MongoWireProtocolHandler(),
                groupCommit, door, new MongoDatabaseHandler(backend, clients), new MongoExceptionHandler());
          }
        })
        .bind(new InetSocketAddress("127.0.0.1", port))
        .syncUninterruptibly()
        .channel();
    // Many connections, because a group commit answers all the writes that arrive together: the
    // more can be in flight at once, the fewer commits each write waits for.
    int boundPort = ((InetSocketAddress) listening.localAddress()).getPort();
    String address = "127.0.0.1:" + boundPort;
    String uri = "mongodb://" + EmbeddedDoor.USER + ":" + door.password() + "@" + address
        + "/?authMechanism=PLAIN&authSource=%24external&maxPoolSize=" + POOL_SIZE + "&maxConnecting=" + POOL_SIZE / 10;
    // The password stays out of the log: only this process may read the database.
    log.info("Embedded MongoDB on {} (login required) with data in {}", address, journal);
    return new EmbeddedMongo(boss, worker, clients, listening, boundPort, backend, door, uri);
  }

  /** The connection string for this process's driver, with this start's password in it: never log it. */
  public String connectionString() {
    return connectionString;
  }

  /** Stops listening, drops the clients, writes and closes the journal. */
  @Override
  public void close() {
    listening.close().syncUninterruptibly();
    clients.close().syncUninterruptibly();
    // The backend is closed on the worker thread, after any batch still waiting for its commit.
    worker.submit(backend::close).syncUninterruptibly();
    boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    worker.shutdownGracefully(0, 1, TimeUnit.SECONDS);
  }
}
