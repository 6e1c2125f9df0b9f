package dev.baton.engine.messages;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.data.domain.Persistable;

/** A message with a messageId or one waiting for its process, and what became of it. */
@Entity
@Table(name = "baton_message")
class StoredMessage implements Persistable<String> {

  /** Longest JSON text of a column (the table's limit). */
  static final int MAX_JSON_LENGTH = 1_000_000;

  @Id private String id;

  @Column(name = "message_id", nullable = false)
  private String messageId;

  @Column(nullable = false)
  private String name;

  @Column(name = "business_key")
  private String businessKey;

  @Column(name = "correlation_variables", length = MAX_JSON_LENGTH)
  private String correlationVariables;

  @Column(length = MAX_JSON_LENGTH)
  private String variables;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at")
  private Instant expiresAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private MessageState state;

  @Column(name = "instance_id", length = 64)
  private String instanceId;

  @Column(name = "delivered_at")
  private Instant deliveredAt;

  @Column(name = "sent_by")
  private String sentBy;

  @Column(name = "sent_by_groups", length = 4000)
  private String sentByGroups;

  /** A new message is inserted, never merged: a messageId taken meanwhile fails the insert. */
  @Transient private boolean inserting;

  protected StoredMessage() {}

  StoredMessage(
      String id,
      String messageId,
      CheckedMessage message,
      Instant createdAt,
      String sentBy,
      List<String> sentByGroups) {
    this.id = id;
    this.messageId = messageId;
    this.name = message.name();
    this.businessKey = message.businessKey();
    this.correlationVariables = message.correlationJson();
    this.variables = message.variablesJson();
    this.createdAt = createdAt;
    this.state = MessageState.WAITING;
    this.sentBy = sentBy;
    this.sentByGroups = sentByGroups == null ? null : String.join(",", sentByGroups);
    this.inserting = true;
  }

  @Override
  public String getId() {
    return id;
  }

  @Override
  public boolean isNew() {
    return inserting;
  }

  /** The request as it was sent, without its time to live, to check again at delivery. */
  MessageRequest request(com.fasterxml.jackson.databind.ObjectMapper mapper) {
    try {
      return new MessageRequest(
          name,
          businessKey,
          correlationVariables == null ? null : mapper.readTree(correlationVariables),
          variables == null ? null : mapper.readTree(variables),
          messageId,
          null);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("Stored message " + messageId + " is not JSON", e);
    }
  }

  String getMessageId() {
    return messageId;
  }

  String getName() {
    return name;
  }

  String getBusinessKey() {
    return businessKey;
  }

  String getCorrelationVariables() {
    return correlationVariables;
  }

  String getVariables() {
    return variables;
  }

  Instant getCreatedAt() {
    return createdAt;
  }

  Instant getExpiresAt() {
    return expiresAt;
  }

  MessageState getState() {
    return state;
  }

  String getInstanceId() {
    return instanceId;
  }

  Instant getDeliveredAt() {
    return deliveredAt;
  }

  String getSentBy() {
    return sentBy;
  }

  List<String> getSentByGroups() {
    return sentByGroups == null || sentByGroups.isEmpty()
        ? List.of()
        : Arrays.asList(sentByGroups.split(","));
  }

  void waitUntil(Instant expiresAt) {
    this.expiresAt = expiresAt;
  }

  void delivered(String instanceId, Instant at) {
    this.state = MessageState.DELIVERED;
    this.instanceId = instanceId;
    this.deliveredAt = at;
  }
}
