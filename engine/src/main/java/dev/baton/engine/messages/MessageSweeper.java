package dev.baton.engine.messages;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.engine.system.BatonProperties;
import dev.baton.engine.variables.VariablePolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers waiting messages, on every node alike: every {@code sweep-interval} it expires those
 * past their time to live, then tries the waiting messages of each name that has a message
 * subscription now (one cheap query per name). Each delivery is one transaction: a conditional
 * update claims the row ({@code WHERE state = 'WAITING'} and not expired; a second node's claim
 * waits for the row lock and then finds it taken), then Camunda correlates it as the user who sent
 * it, so a stored message can do no more than its sender could. A message that does not match yet,
 * or that the engine refuses, is rolled back to WAITING and tried again until it expires.
 */
@Component
class MessageSweeper implements SchedulingConfigurer {

  private static final Logger LOG = LoggerFactory.getLogger(MessageSweeper.class);
  private static final int NAMES_PER_SWEEP = 100;

  private final StoredMessageRepository stored;
  private final MessageCorrelation correlation;
  private final MessageChecks checks;
  private final IdentityService identity;
  private final TransactionTemplate transaction;
  private final ObjectMapper mapper;
  private final Clock clock;
  private final BatonProperties.Messages settings;

  MessageSweeper(
      StoredMessageRepository stored,
      MessageCorrelation correlation,
      VariablePolicy policy,
      IdentityService identity,
      PlatformTransactionManager transactions,
      ObjectMapper mapper,
      Clock clock,
      BatonProperties properties) {
    this.stored = stored;
    this.correlation = correlation;
    this.settings = properties.getMessages();
    this.checks = new MessageChecks(policy, settings.getMaxTimeToLive());
    this.identity = identity;
    this.transaction = new TransactionTemplate(transactions);
    this.mapper = mapper;
    this.clock = clock;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(this::sweepQuietly, settings.getSweepInterval());
    registrar.addFixedDelayTask(this::forgetOld, Duration.ofMinutes(10));
  }

  /** Forgets messages that no longer wait once past the retention time. */
  private void forgetOld() {
    try {
      int removed = stored.forgetBefore(clock.instant().minus(settings.getRetention()));
      if (removed > 0) {
        LOG.debug("Forgot {} delivered, expired or discarded messages", removed);
      }
    } catch (RuntimeException e) {
      LOG.warn("Forgetting old messages failed: {}", e.toString());
    }
  }

  private void sweepQuietly() {
    try {
      sweep();
    } catch (RuntimeException e) {
      // e.g. the database is down: the next sweep tries again
      LOG.warn("Sweeping waiting messages failed: {}", e.toString());
    }
  }

  /** One sweep; the number of messages delivered. */
  int sweep() {
    int expired = stored.expire(clock.instant());
    if (expired > 0) {
      LOG.info("{} waiting message(s) expired undelivered", expired);
    }
    int delivered = 0;
    for (String name : stored.waitingNames(PageRequest.of(0, NAMES_PER_SWEEP))) {
      if (!correlation.subscribed(name)) {
        continue;
      }
      for (String id : stored.waitingIds(name, PageRequest.of(0, settings.getSweepBatch()))) {
        if (deliver(id)) {
          delivered++;
        }
      }
    }
    return delivered;
  }

  private boolean deliver(String id) {
    try {
      return Boolean.TRUE.equals(transaction.execute(status -> deliverOnce(id, status)));
    } catch (RuntimeException refused) {
      // several matches, the sender may not, a variable no longer passes: waits until it expires
      LOG.debug("Waiting message {} not delivered: {}", id, refused.toString());
      return false;
    }
  }

  private boolean deliverOnce(String id, org.springframework.transaction.TransactionStatus status) {
    Instant now = clock.instant();
    if (stored.claim(id, now) == 0) {
      return false;
    }
    StoredMessage record = stored.findById(id).orElseThrow();
    CheckedMessage message = checks.check(record.request(mapper));
    if (record.getSentBy() != null) {
      identity.setAuthentication(record.getSentBy(), record.getSentByGroups());
    }
    try {
      if (!correlation.anyMatch(message)) {
        status.setRollbackOnly();
        return false;
      }
      record.delivered(correlation.correlate(message), now);
      LOG.debug(
          "Waiting message {} delivered to {}", record.getMessageId(), record.getInstanceId());
      return true;
    } finally {
      identity.clearAuthentication();
    }
  }
}
