package dev.baton.engine.commits;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * How commits were shared: {@code <name>.commits} transactions committed {@code <name>.committed}
 * units of work (jobs or calls); their ratio is the work per commit.
 */
public final class CommitCounts implements MeterBinder {

  private final String name;
  private final String unit;
  private final LongAdder commits = new LongAdder();
  private final LongAdder committed = new LongAdder();
  private final AtomicInteger largest = new AtomicInteger();

  /**
   * @param name the meters' prefix, e.g. {@code baton.jobs}
   * @param unit what a unit of work is, e.g. {@code jobs}
   */
  public CommitCounts(String name, String unit) {
    this.name = name;
    this.unit = unit;
  }

  public void committed(int units) {
    commits.increment();
    committed.add(units);
    largest.accumulateAndGet(units, Math::max);
  }

  public long commits() {
    return commits.sum();
  }

  public long committed() {
    return committed.sum();
  }

  /** The most units one transaction has committed since start. */
  public int largest() {
    return largest.get();
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    FunctionCounter.builder(name + ".commits", commits, LongAdder::doubleValue)
        .description("Transactions committed, each shared by several " + unit)
        .register(registry);
    FunctionCounter.builder(name + ".committed", committed, LongAdder::doubleValue)
        .description("The " + unit + " those transactions committed")
        .register(registry);
  }
}
