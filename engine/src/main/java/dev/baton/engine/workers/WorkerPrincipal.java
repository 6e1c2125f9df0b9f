package dev.baton.engine.workers;

import java.security.Principal;
import java.util.Set;

/** A worker signed in with its key: may serve only {@link #topics()}. */
public record WorkerPrincipal(String workerId, Set<String> topics) implements Principal {

  /** The authority every worker credential carries. */
  public static final String ROLE = "worker";

  @Override
  public String getName() {
    return workerId;
  }
}
