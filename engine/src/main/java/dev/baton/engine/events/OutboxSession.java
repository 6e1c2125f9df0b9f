package dev.baton.engine.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSession;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The process events of one engine command, inserted into {@code baton_event_outbox} with one
 * batched statement when the command flushes, on the engine's own connection: they commit with the
 * state they describe and roll back with it (a failed command never flushes; a job's savepoint
 * rollback takes them along). The committed transaction wakes the publisher and hands the events to
 * the live {@link EventStream}.
 */
final class OutboxSession implements Session {

  static final String INSERT =
      "INSERT INTO baton_event_outbox (event_id, event_type, process_definition_key,"
          + " process_instance_id, business_key, activity_id, payload, occurred_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

  private final CommandContext context;
  private final DbSqlSession db;
  private final OutboxSignal signal;
  private final EventStream stream;
  private final List<OutboxEvent> events = new ArrayList<>(4);
  private final Map<String, String> businessKeys = new HashMap<>();

  private OutboxSession(CommandContext context, OutboxSignal signal, EventStream stream) {
    this.context = context;
    // opened now, not at flush: a session opened while the command flushes would be flushed twice
    this.db = context.getDbSqlSession();
    this.signal = signal;
    this.stream = stream;
  }

  void add(OutboxEvent event) {
    events.add(event);
    if (event.processInstanceId() != null && event.businessKey() != null) {
      businessKeys.putIfAbsent(event.processInstanceId(), event.businessKey());
    }
  }

  /** The instance's business key: from this command's events or the engine's cache, else read. */
  String businessKey(String processInstanceId) {
    if (processInstanceId == null) {
      return null;
    }
    if (businessKeys.containsKey(processInstanceId)) {
      return businessKeys.get(processInstanceId);
    }
    ExecutionEntity instance =
        context.getDbEntityManager().selectById(ExecutionEntity.class, processInstanceId);
    String key = instance == null ? null : instance.getProcessBusinessKey();
    businessKeys.put(processInstanceId, key);
    return key;
  }

  @Override
  public void flush() {
    if (events.isEmpty()) {
      return;
    }
    List<OutboxEvent> rows = new ArrayList<>(events);
    events.clear();
    Connection connection = db.getSqlSession().getConnection();
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      for (OutboxEvent row : rows) {
        insert.setString(1, row.eventId());
        insert.setString(2, row.type().key());
        insert.setString(3, row.processDefinitionKey());
        insert.setString(4, row.processInstanceId());
        insert.setString(5, row.businessKey());
        insert.setString(6, row.activityId());
        insert.setString(7, row.payload());
        insert.setObject(8, OffsetDateTime.ofInstant(row.occurredAt(), ZoneOffset.UTC));
        if (rows.size() > 1) {
          insert.addBatch();
        }
      }
      if (rows.size() > 1) {
        insert.executeBatch();
      } else {
        insert.executeUpdate();
      }
    } catch (SQLException e) {
      throw new ProcessEngineException("Process events could not be written to the outbox", e);
    }
    context
        .getTransactionContext()
        .addTransactionListener(TransactionState.COMMITTED, committed -> signal.written());
    streamAfterCommit(rows);
  }

  /**
   * Hands the rows to the live event stream once their transaction committed (never those of work
   * rolled back, to a savepoint or as a whole); nothing at all while nobody subscribes.
   */
  private void streamAfterCommit(List<OutboxEvent> rows) {
    if (stream == null || !stream.hasSubscribers()) {
      return;
    }
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      CommittedEvents.add(rows, stream::publish);
    } else {
      context
          .getTransactionContext()
          .addTransactionListener(TransactionState.COMMITTED, committed -> stream.publish(rows));
    }
  }

  @Override
  public void close() {}

  /** Opens one session per command context, for the engine's session factories. */
  static final class Factory implements SessionFactory {

    private final OutboxSignal signal;
    private final EventStream stream;

    Factory(OutboxSignal signal, EventStream stream) {
      this.signal = signal;
      this.stream = stream;
    }

    @Override
    public Class<?> getSessionType() {
      return OutboxSession.class;
    }

    @Override
    public Session openSession() {
      return new OutboxSession(Context.getCommandContext(), signal, stream);
    }
  }
}
