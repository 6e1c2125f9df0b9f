package dev.baton.engine.workers;

import java.time.Instant;
import java.util.Set;

/** Answer to a registration: the key is shown this once; Baton keeps only its hash. */
public record IssuedCredential(
    String workerId, Set<String> topics, String key, Instant createdAt) {}
