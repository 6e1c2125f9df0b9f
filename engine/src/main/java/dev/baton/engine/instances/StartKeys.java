package dev.baton.engine.instances;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.engine.commits.SharedCommits;
import dev.baton.engine.system.BadRequestException;
import dev.baton.engine.system.BatonProperties;
import dev.baton.engine.system.ConflictException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts with an {@code Idempotency-Key}: the first start with a key starts an instance and records
 * the key in the same transaction; a repeat of the same request with that key returns that instance
 * instead of starting another, also when the repeats arrive at the same time (the second insert of
 * a key waits for the first and then fails). The same key with a different request is a conflict.
 * Keys are forgotten after the retention time.
 */
@Service
public class StartKeys {

  private static final Logger LOG = LoggerFactory.getLogger(StartKeys.class);
  private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

  private final InstanceService instances;
  private final StartKeyRepository keys;
  private final TransactionTemplate transaction;
  private final ObjectMapper mapper;
  private final Clock clock;
  private final BatonProperties properties;
  private final SharedCommits commits;

  StartKeys(
      InstanceService instances,
      StartKeyRepository keys,
      PlatformTransactionManager transactions,
      ObjectMapper mapper,
      Clock clock,
      BatonProperties properties,
      SharedCommits commits) {
    this.instances = instances;
    this.keys = keys;
    this.transaction = new TransactionTemplate(transactions);
    this.mapper = mapper;
    this.clock = clock;
    this.properties = properties;
    this.commits = commits;
  }

  /** What a start answered: the instance, and whether it was started by an earlier request. */
  public record Outcome(InstanceView instance, boolean replayed) {}

  /** Starts {@code processKey} once per idempotency key ({@code null}: no key, always starts). */
  public Outcome start(String processKey, StartInstanceRequest request, String idempotencyKey) {
    Prepared prepared = prepare(processKey, request, idempotencyKey);
    if (prepared.done() != null) {
      return prepared.done();
    }
    String hash = prepared.hash();
    try {
      // shared with other starts arriving together
      return commits.run(() -> startOnce(processKey, request, idempotencyKey, hash));
    } catch (DataIntegrityViolationException keyTakenMeanwhile) {
      return earlierStart(idempotencyKey, processKey, hash).orElseThrow(() -> keyTakenMeanwhile);
    }
  }

  /**
   * {@link #start} inside the caller's transaction (a part of a batch): a key another request takes
   * meanwhile is a {@link ConflictException}, the transaction's part being left to roll back.
   */
  Outcome startInOpenTransaction(
      String processKey, StartInstanceRequest request, String idempotencyKey) {
    Prepared prepared = prepare(processKey, request, idempotencyKey);
    if (prepared.done() != null) {
      return prepared.done();
    }
    try {
      return startOnce(processKey, request, idempotencyKey, prepared.hash());
    } catch (DataIntegrityViolationException keyTakenMeanwhile) {
      throw new ConflictException(
          "Idempotency-Key '"
              + idempotencyKey
              + "' was taken by another request meanwhile; send this start again to get its"
              + " instance");
    }
  }

  /** Key and instance in one transaction: the unique key settles a race. */
  private Outcome startOnce(
      String processKey, StartInstanceRequest request, String idempotencyKey, String hash) {
    return transaction.execute(
        status -> {
          StartKey key =
              keys.saveAndFlush(new StartKey(idempotencyKey, processKey, hash, clock.instant()));
          InstanceView started = instances.start(processKey, request);
          key.started(started.id());
          return new Outcome(started, false);
        });
  }

  /** A start done already (no key, or the key's earlier start), or the request's hash. */
  private record Prepared(Outcome done, String hash) {}

  private Prepared prepare(String processKey, StartInstanceRequest request, String idempotencyKey) {
    if (idempotencyKey == null) {
      return new Prepared(new Outcome(instances.start(processKey, request), false), null);
    }
    if (!VALID_KEY.matcher(idempotencyKey).matches()) {
      throw new BadRequestException(
          "Idempotency-Key must be 1 to 255 visible ASCII characters without spaces");
    }
    String hash = hash(processKey, request);
    return new Prepared(earlierStart(idempotencyKey, processKey, hash).orElse(null), hash);
  }

  /** Forgets keys older than the retention time (every 10 minutes, on every node alike). */
  @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
  public void forgetExpired() {
    int removed =
        keys.deleteUsedBefore(
            clock.instant().minus(properties.getInstances().getIdempotencyKeyRetention()));
    if (removed > 0) {
      LOG.debug("Forgot {} idempotency keys of starts", removed);
    }
  }

  private Optional<Outcome> earlierStart(String idempotencyKey, String processKey, String hash) {
    return keys.findById(idempotencyKey)
        .map(
            key -> {
              if (!key.getProcessKey().equals(processKey) || !key.getRequestHash().equals(hash)) {
                throw new ConflictException(
                    "Idempotency-Key '"
                        + idempotencyKey
                        + "' was used for a different start request; use a new key for a new"
                        + " request");
              }
              return new Outcome(instances.get(key.getInstanceId()), true);
            });
  }

  private String hash(String processKey, StartInstanceRequest request) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(processKey.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(mapper.writeValueAsBytes(request));
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException | JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
