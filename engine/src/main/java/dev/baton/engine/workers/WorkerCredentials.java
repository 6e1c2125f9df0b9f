package dev.baton.engine.workers;

import dev.baton.engine.system.BatonProperties;
import dev.baton.engine.system.BoundedCache;
import dev.baton.engine.system.ConflictException;
import dev.baton.engine.system.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues, checks and revokes worker keys. A key is 256 random bits, so a SHA-256 hash is enough to
 * store it (no slow password hash needed) and cheap to check on every poll; checks are cached for a
 * few seconds, and a revocation on this node takes effect at once.
 */
@Service
public class WorkerCredentials {

  private static final Duration CACHE_TIME = Duration.ofSeconds(5);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final WorkerCredentialRepository credentials;
  private final IdentityService identity;
  private final Clock clock;

  /** Registered workers' credentials by id; a name that is no worker is never kept. */
  private final BoundedCache<String, Cached> cache;

  private record Cached(WorkerCredential credential, Instant until) {}

  WorkerCredentials(
      WorkerCredentialRepository credentials,
      IdentityService identity,
      Clock clock,
      BatonProperties properties) {
    this.credentials = credentials;
    this.identity = identity;
    this.clock = clock;
    this.cache = new BoundedCache<>(properties.getWorkers().getMaxTracked());
  }

  /** Registers a worker and returns its new key; refuses an id that is taken. */
  @Transactional
  public IssuedCredential register(RegisterWorkerRequest request, String registeredBy) {
    String workerId = request.workerId();
    if (identity.createUserQuery().userId(workerId).count() > 0) {
      throw new ConflictException("'" + workerId + "' is a user name; choose another worker id");
    }
    Optional<WorkerCredential> existing = credentials.findById(workerId);
    if (existing.filter(WorkerCredential::isActive).isPresent()) {
      throw new ConflictException(
          "Worker '" + workerId + "' has a key already; revoke it first to issue a new one");
    }
    Set<String> topics = new TreeSet<>(request.topics());
    String key = newKey();
    Instant now = clock.instant();
    String csv = String.join(",", topics);
    WorkerCredential credential =
        existing
            .map(
                revoked -> {
                  revoked.renew(csv, hash(key), now, registeredBy);
                  return revoked;
                })
            .orElseGet(() -> new WorkerCredential(workerId, csv, hash(key), now, registeredBy));
    credentials.save(credential);
    cache.remove(workerId);
    return new IssuedCredential(workerId, topics, key, now);
  }

  /**
   * Replaces an active key with a new one for the same topics: the old key gets 401 from now on (on
   * other nodes within the few seconds they cache a check).
   */
  @Transactional
  public IssuedCredential rotate(String workerId, String rotatedBy) {
    WorkerCredential credential = active(workerId);
    String key = newKey();
    Instant now = clock.instant();
    credential.renew(credential.getTopics(), hash(key), now, rotatedBy);
    credentials.save(credential);
    cache.remove(workerId);
    return new IssuedCredential(
        workerId, new TreeSet<>(WorkerActivity.topicsOf(credential.getTopics())), key, now);
  }

  /** Removes a revoked credential for good (a worker being forgotten); an active key is a 409. */
  @Transactional
  public void forget(String workerId) {
    Optional<WorkerCredential> credential = credentials.findById(workerId);
    if (credential.filter(WorkerCredential::isActive).isPresent()) {
      throw new ConflictException(
          "Worker '" + workerId + "' holds an active key; revoke it before forgetting the worker");
    }
    credential.ifPresent(credentials::delete);
    cache.remove(workerId);
  }

  private WorkerCredential active(String workerId) {
    return credentials
        .findById(workerId)
        .filter(WorkerCredential::isActive)
        .orElseThrow(() -> new NotFoundException("Worker '" + workerId + "' has no active key"));
  }

  /** Revokes a worker's key: from now on it gets 401. */
  @Transactional
  public void revoke(String workerId) {
    active(workerId).revoke(clock.instant());
    cache.remove(workerId);
  }

  /**
   * The credential for this worker id, active or revoked, if any. A registered worker's is cached
   * briefly (checked on every poll); any other name that arrives in a Basic header is looked up
   * each time and never fills the cache.
   */
  Optional<WorkerCredential> find(String workerId) {
    Instant now = clock.instant();
    Cached cached = cache.get(workerId);
    if (cached != null && !cached.until().isBefore(now)) {
      return Optional.of(cached.credential());
    }
    Optional<WorkerCredential> found = credentials.findById(workerId);
    if (found.isPresent()) {
      cache.put(workerId, new Cached(found.get(), now.plus(CACHE_TIME)));
    } else {
      cache.remove(workerId);
    }
    return found;
  }

  /** Whether this id belongs to a registered worker (with an active or a revoked key). */
  public boolean isWorker(String workerId) {
    return credentials.existsById(workerId);
  }

  /** Whether {@code key} is the key of this active credential, compared in constant time. */
  static boolean matches(WorkerCredential credential, String key) {
    return MessageDigest.isEqual(
        credential.getKeyHash().getBytes(StandardCharsets.US_ASCII),
        hash(key).getBytes(StandardCharsets.US_ASCII));
  }

  private static String newKey() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String hash(String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
