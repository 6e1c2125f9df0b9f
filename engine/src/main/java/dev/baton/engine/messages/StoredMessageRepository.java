package dev.baton.engine.messages;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface StoredMessageRepository extends JpaRepository<StoredMessage, String> {

  Optional<StoredMessage> findByMessageId(String messageId);

  Page<StoredMessage> findByState(MessageState state, Pageable page);

  /** Names that waiting messages wait for (some of them). */
  @Query(
      "select distinct m.name from StoredMessage m where m.state ="
          + " dev.baton.engine.messages.MessageState.WAITING")
  List<String> waitingNames(Pageable page);

  /** Waiting messages of one name, oldest first. */
  @Query(
      "select m.id from StoredMessage m where m.state ="
          + " dev.baton.engine.messages.MessageState.WAITING and m.name = :name"
          + " order by m.createdAt, m.id")
  List<String> waitingIds(String name, Pageable page);

  /**
   * Takes a waiting message not yet expired for delivery in the caller's transaction; 0 when
   * another node (or an operator) took it first or it expired. The row stays locked until the
   * transaction ends, so a second node's claim waits and then finds it taken.
   */
  @Modifying(clearAutomatically = true, flushAutomatically = true)
  @Query(
      "update StoredMessage m set m.state = dev.baton.engine.messages.MessageState.DELIVERED,"
          + " m.deliveredAt = :now where m.id = :id"
          + " and m.state = dev.baton.engine.messages.MessageState.WAITING and m.expiresAt > :now")
  int claim(String id, Instant now);

  /** Discards a waiting message; 0 when it is not waiting (any more). */
  @Modifying
  @Transactional
  @Query(
      "update StoredMessage m set m.state = dev.baton.engine.messages.MessageState.DISCARDED"
          + " where m.messageId = :messageId"
          + " and m.state = dev.baton.engine.messages.MessageState.WAITING")
  int discard(String messageId);

  /** Waiting messages past their time to live become EXPIRED; the number expired. */
  @Modifying
  @Transactional
  @Query(
      "update StoredMessage m set m.state = dev.baton.engine.messages.MessageState.EXPIRED"
          + " where m.state = dev.baton.engine.messages.MessageState.WAITING"
          + " and m.expiresAt <= :now")
  int expire(Instant now);

  /** Forgets messages that no longer wait, created before {@code cutoff}; the number removed. */
  @Modifying
  @Transactional
  @Query(
      "delete from StoredMessage m where m.createdAt < :cutoff"
          + " and m.state <> dev.baton.engine.messages.MessageState.WAITING")
  int forgetBefore(Instant cutoff);
}
