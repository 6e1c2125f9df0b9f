package dev.baton.engine.messages;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.engine.system.BatonProperties;
import dev.baton.engine.system.ConflictException;
import dev.baton.engine.system.NotFoundException;
import dev.baton.engine.system.PageView;
import dev.baton.engine.system.Paging;
import dev.baton.engine.variables.VariablePolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Messages in, from HTTP and AMQP alike, sent as the engine's current user. A message that matches
 * now is correlated; one with a time to live and no match yet is stored WAITING (the {@link
 * MessageSweeper} delivers it when its process gets there). A message with a messageId is recorded
 * in the transaction of its correlation, so a repeat (also one arriving at the same time: the
 * second insert of the id waits for the first and fails) answers the first outcome.
 */
@Service
public class Messages {

  private final MessageChecks checks;
  private final MessageCorrelation correlation;
  private final StoredMessageRepository stored;
  private final IdentityService identity;
  private final TransactionTemplate transaction;
  private final ObjectMapper mapper;
  private final Clock clock;

  Messages(
      VariablePolicy policy,
      BatonProperties properties,
      MessageCorrelation correlation,
      StoredMessageRepository stored,
      IdentityService identity,
      PlatformTransactionManager transactions,
      ObjectMapper mapper,
      Clock clock) {
    this.checks = new MessageChecks(policy, properties.getMessages().getMaxTimeToLive());
    this.correlation = correlation;
    this.stored = stored;
    this.identity = identity;
    this.transaction = new TransactionTemplate(transactions);
    this.mapper = mapper;
    this.clock = clock;
  }

  /** Correlates, stores or replays a message; all input is checked before anything is written. */
  public MessageOutcome send(MessageRequest request) {
    CheckedMessage message = checks.check(request);
    if (message.messageId() == null && message.timeToLive() == null) {
      return transaction.execute(
          status ->
              new MessageOutcome(null, MessageState.DELIVERED, correlateNow(message), null, false));
    }
    String messageId =
        message.messageId() == null ? UUID.randomUUID().toString() : message.messageId();
    Optional<MessageOutcome> earlier = earlier(messageId, message);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    try {
      return transaction.execute(status -> sendOnce(messageId, message));
    } catch (DataIntegrityViolationException idTakenMeanwhile) {
      return earlier(messageId, message).orElseThrow(() -> idTakenMeanwhile);
    }
  }

  /** The messageId first, then the correlation: the unique id settles a race. */
  private MessageOutcome sendOnce(String messageId, CheckedMessage message) {
    Authentication sender = identity.getCurrentAuthentication();
    Instant now = clock.instant();
    StoredMessage record =
        stored.saveAndFlush(
            new StoredMessage(
                UUID.randomUUID().toString(),
                messageId,
                message,
                now,
                sender == null ? null : sender.getUserId(),
                sender == null ? null : sender.getGroupIds()));
    if (correlation.anyMatch(message)) {
      record.delivered(correlation.correlate(message), now);
    } else if (message.timeToLive() == null) {
      throw nothingWaits(message);
    } else {
      record.waitUntil(now.plus(message.timeToLive()));
    }
    return MessageOutcome.of(record, false);
  }

  private String correlateNow(CheckedMessage message) {
    if (!correlation.anyMatch(message)) {
      throw nothingWaits(message);
    }
    return correlation.correlate(message);
  }

  private static NotFoundException nothingWaits(CheckedMessage message) {
    return new NotFoundException(
        "Nothing waits for message '"
            + message.name()
            + "' with these business key and correlation variables (no message catch event,"
            + " receive task or message start event); send it with a timeToLive to let it wait");
  }

  private Optional<MessageOutcome> earlier(String messageId, CheckedMessage message) {
    return stored
        .findByMessageId(messageId)
        .map(
            record -> {
              if (!message.sameAs(checks.check(record.request(mapper)))) {
                throw new ConflictException(
                    "messageId '"
                        + messageId
                        + "' was used for a different message; use a new messageId for a new"
                        + " message");
              }
              return MessageOutcome.of(record, true);
            });
  }

  /** Recorded messages, newest first, optionally of one state. */
  public PageView<MessageView> list(MessageState state, Paging paging) {
    PageRequest request =
        PageRequest.of(
            paging.page(),
            paging.size(),
            Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("id")));
    Page<StoredMessage> page =
        state == null ? stored.findAll(request) : stored.findByState(state, request);
    return new PageView<>(
        page.getContent().stream().map(this::view).toList(),
        paging.page(),
        paging.size(),
        page.getTotalElements());
  }

  /** Discards a waiting message: it is never delivered. */
  public void discard(String messageId) {
    if (stored.discard(messageId) == 0) {
      StoredMessage record =
          stored
              .findByMessageId(messageId)
              .orElseThrow(() -> new NotFoundException("No message with id '" + messageId + "'"));
      throw new ConflictException(
          "Message '" + messageId + "' is " + record.getState() + ", not WAITING");
    }
  }

  private MessageView view(StoredMessage record) {
    MessageRequest request = record.request(mapper);
    return new MessageView(
        record.getMessageId(),
        record.getName(),
        record.getBusinessKey(),
        json(request.correlationVariables()),
        json(request.variables()),
        record.getState(),
        record.getCreatedAt(),
        record.getExpiresAt(),
        record.getInstanceId(),
        record.getDeliveredAt(),
        record.getSentBy());
  }

  private Map<String, Object> json(JsonNode object) {
    return object == null ? null : mapper.convertValue(object, new TypeReference<>() {});
  }
}
