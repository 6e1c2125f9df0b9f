package dev.baton.engine.tuning;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;

/**
 * Ids for the engine's rows that sort in the order they were made: 16 hex digits of milliseconds
 * and a counter, then 16 hex digits that name this node (random at start), e.g. {@code
 * 0193a1b2c3d40001-5f0e9c2a7b3d4e1f}.
 *
 * <p>Camunda's Spring Boot default (time-based UUIDs, whose text starts with the fastest-changing
 * bits) scatters every insert across the whole primary-key index, so each commit rewrites pages all
 * over it. Ids that grow land on the index's last page. Unique across nodes by the node part, and
 * within a node by a counter that never goes back, even when the clock does.
 */
public final class OrderedIdGenerator implements IdGenerator {

  private static final int COUNTER_BITS = 16;

  private final AtomicLong last = new AtomicLong();
  private final String node;

  public OrderedIdGenerator() {
    this(new SecureRandom().nextLong());
  }

  OrderedIdGenerator(long node) {
    this.node = "%016x".formatted(node);
  }

  @Override
  public String getNextId() {
    long now = System.currentTimeMillis() << COUNTER_BITS;
    long next = last.updateAndGet(previous -> Math.max(previous + 1, now));
    return "%016x-%s".formatted(next, node);
  }
}
