package dev.baton.engine.variables;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A class on the server's class path that counts every instance built and every property set: an
 * {@code Object} variable naming it must never make the engine run its code (as a JDBC data source
 * class would connect on a property set).
 */
public class Tripwire {

  static final AtomicInteger RAN = new AtomicInteger();

  public Tripwire() {
    RAN.incrementAndGet();
  }

  public void setCommand(String command) {
    RAN.incrementAndGet();
  }
}
