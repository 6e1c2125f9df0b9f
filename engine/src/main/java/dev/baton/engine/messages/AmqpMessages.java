package dev.baton.engine.messages;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import dev.baton.engine.system.BadRequestException;
import dev.baton.engine.system.BatonProperties;
import dev.baton.engine.system.ConflictException;
import dev.baton.engine.system.NotFoundException;
import dev.baton.engine.variables.VariablePolicy;
import java.io.IOException;
import java.sql.SQLException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.exception.NotValidException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * The AMQP way in: each message on the queue is the JSON of {@code POST /api/messages} and goes
 * through {@link Messages} as HTTP does. It is acknowledged only after its correlation committed
 * (or it was stored waiting). What the sender got wrong (malformed JSON, a refused field, nothing
 * waiting without a time to live, several matches, a refusal of the engine) is rejected without
 * requeue, to the dead-letter queue; a database that cannot answer requeues it after a pause.
 *
 * <p>Who sends it? Anyone who may publish to the queue: broker access is a door. So every AMQP
 * message correlates as one configured engine user ({@code baton.engine.messages.amqp.run-as-user},
 * default {@code baton-amqp}, with the groups {@code run-as-groups}, default {@code operator}) with
 * Camunda's authorization checks on: the engine refuses what that identity may not do, and a
 * message stored waiting later correlates as it too. Narrow the groups to narrow the door. Without
 * a messageId in the body, the AMQP message-id property is used, so a redelivery after a lost
 * acknowledgement correlates nothing twice.
 */
class AmqpMessages implements ChannelAwareMessageListener {

  private static final Logger LOG = LoggerFactory.getLogger(AmqpMessages.class);

  private final Messages messages;
  private final IdentityService identity;
  private final ObjectMapper mapper;
  private final VariablePolicy policy;
  private final BatonProperties.Amqp settings;
  private final long maxBody;

  AmqpMessages(
      Messages messages,
      IdentityService identity,
      ObjectMapper mapper,
      VariablePolicy policy,
      BatonProperties properties) {
    this.messages = messages;
    this.identity = identity;
    this.mapper = mapper;
    this.policy = policy;
    this.settings = properties.getMessages().getAmqp();
    this.maxBody = properties.getVariables().getMaxBodySize().toBytes();
  }

  @Override
  public void onMessage(Message message, Channel channel) throws IOException {
    long tag = message.getMessageProperties().getDeliveryTag();
    MessageOutcome outcome;
    try {
      outcome = handle(message);
    } catch (RuntimeException | IOException failure) {
      if (callersFault(failure)) {
        LOG.warn("AMQP message refused (dead-lettered): {}", failure.getMessage());
        channel.basicReject(tag, false);
      } else if (databaseFailed(failure) || !message.getMessageProperties().isRedelivered()) {
        LOG.warn("AMQP message not handled now, requeued: {}", failure.toString());
        pause();
        channel.basicNack(tag, false, true);
      } else {
        LOG.error("AMQP message failed twice, dead-lettered", failure);
        channel.basicReject(tag, false);
      }
      return;
    }
    channel.basicAck(tag, false);
    LOG.debug("AMQP message {} {}", outcome.messageId(), outcome.state());
  }

  private MessageOutcome handle(Message message) throws IOException {
    byte[] body = message.getBody();
    if (body.length > maxBody) {
      throw new BadRequestException("The message is larger than " + maxBody + " bytes");
    }
    // parsed with the depth limit of request bodies, then bound strictly (unknown fields refused)
    MessageRequest request =
        mapper.treeToValue(policy.bodyParser().readTree(body), MessageRequest.class);
    String propertyId = message.getMessageProperties().getMessageId();
    if (request != null && request.messageId() == null && propertyId != null) {
      request =
          new MessageRequest(
              request.name(),
              request.businessKey(),
              request.correlationVariables(),
              request.variables(),
              propertyId,
              request.timeToLive());
    }
    identity.setAuthentication(settings.getRunAsUser(), settings.getRunAsGroups());
    try {
      return messages.send(request);
    } finally {
      identity.clearAuthentication();
    }
  }

  private static boolean callersFault(Exception failure) {
    return failure instanceof IOException // the body is not the JSON of a message
        || failure instanceof BadRequestException
        || failure instanceof NotFoundException
        || failure instanceof ConflictException
        || failure instanceof AuthorizationException
        || failure instanceof MismatchingMessageCorrelationException
        || failure instanceof BadUserRequestException
        || failure instanceof NotValidException;
  }

  /** The database did not answer (or the transaction could not be had): worth trying again. */
  private static boolean databaseFailed(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof DataAccessException
          || cause instanceof TransactionException
          || cause instanceof SQLException) {
        return true;
      }
    }
    return false;
  }

  /** A pause before a requeue, so a database outage is not a busy loop of redeliveries. */
  private void pause() {
    try {
      Thread.sleep(settings.getRequeueDelay().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
