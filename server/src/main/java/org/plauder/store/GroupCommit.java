package org.plauder.store;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for the embedded database: replies are held, not written, while the database's one
 * worker thread handles every command that has arrived; then one commit writes all their changes to
 * the journal and only after it the replies leave, together. A reply still never leaves before the
 * commit that holds its write, but the commit is paid once per batch instead of once per write.
 * One instance serves every connection; all of them run on the same single worker thread.
 */
@ChannelHandler.Sharable
final class GroupCommit extends ChannelOutboundHandlerAdapter {

  private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

  private record Held(ChannelHandlerContext ctx, Object reply, ChannelPromise promise) {}

  private final JournaledBackend backend;
  private List<Held> held = new ArrayList<>();
  private boolean scheduled;

  GroupCommit(JournaledBackend backend) {
    this.backend = backend;
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object reply, ChannelPromise promise) {
    held.add(new Held(ctx, reply, promise));
    if (!scheduled) {
      scheduled = true;
      // Runs once the worker has read what the sockets hold now: the batch is everything read before.
      ctx.executor().execute(this::commitAndRelease);
    }
  }

  @Override
  public void flush(ChannelHandlerContext ctx) {
    // The replies are flushed after the commit.
  }

  private void commitAndRelease() {
    List<Held> batch = held;
    held = new ArrayList<>();
    scheduled = false;
    try {
      backend.commitIfDirty();
    } catch (RuntimeException e) {
      // Nothing of this batch is known to be on disk: no reply may say it is. The clients see
      // their connection fail, and the driver reports the database as unavailable.
      log.error("the embedded database could not write its journal; {} replies withheld", batch.size(), e);
      batch.forEach(h -> {
        ReferenceCountUtil.release(h.reply());
        h.promise().tryFailure(e);
        h.ctx().close();
      });
      return;
    }
    Set<ChannelHandlerContext> written = new LinkedHashSet<>();
    for (Held h : batch) {
      h.ctx().write(h.reply(), h.promise());
      written.add(h.ctx());
    }
    written.forEach(ChannelHandlerContext::flush);
  }
}
