package dev.baton.engine.messages;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/**
 * What sending a message answered: the instance it reached (200), or that it waits until {@code
 * expiresAt} (202). {@code replayed}: the messageId was sent before and nothing was done now.
 */
public record MessageOutcome(
    String messageId,
    MessageState state,
    String instanceId,
    Instant expiresAt,
    @JsonIgnore boolean replayed) {

  static MessageOutcome of(StoredMessage message, boolean replayed) {
    return new MessageOutcome(
        message.getMessageId(),
        message.getState(),
        message.getInstanceId(),
        message.getExpiresAt(),
        replayed);
  }
}
