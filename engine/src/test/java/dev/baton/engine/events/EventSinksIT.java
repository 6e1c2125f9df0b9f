package dev.baton.engine.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.engine.system.BatonProperties;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A publisher round hands its rows to every sink in one transaction and removes them only when all
 * took them; it needs no RabbitMQ (here: two sinks of the database's own, on an in-memory H2 with
 * the outbox's migration).
 */
class EventSinksIT {

  private JdbcTemplate jdbc;
  private TransactionTemplate transactions;

  @BeforeEach
  void outboxWithThreeRows() {
    DriverManagerDataSource database =
        new DriverManagerDataSource(
            "jdbc:h2:mem:sinks-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    new ResourceDatabasePopulator(new ClassPathResource("db/migration/V8__event_outbox.sql"))
        .execute(database);
    jdbc = new JdbcTemplate(database);
    transactions = new TransactionTemplate(new DataSourceTransactionManager(database));
    jdbc.execute("CREATE TABLE taken (event_id VARCHAR(36))");
    for (String type : List.of("instance.started", "step.completed", "instance.ended")) {
      jdbc.update(
          "INSERT INTO baton_event_outbox (event_id, event_type, process_definition_key,"
              + " process_instance_id, payload, occurred_at) VALUES (?, ?, 'order', 'i1', '{}', ?)",
          UUID.randomUUID().toString(),
          type,
          OffsetDateTime.now(ZoneOffset.UTC));
    }
  }

  @Test
  void shouldHandARoundToEverySinkInOrderAndThenDeleteItsRows() {
    // given two sinks and no RabbitMQ
    List<String> first = new ArrayList<>();
    List<String> second = new ArrayList<>();
    EventPublisher publisher =
        publisher(
            events -> events.forEach(e -> first.add(e.type())),
            events -> events.forEach(e -> second.add(e.type())));

    // when a round runs
    int taken = publisher.round();

    // then both sinks got the three events in sequence order, and the outbox is empty
    assertThat(taken).isEqualTo(3);
    assertThat(first).containsExactly("instance.started", "step.completed", "instance.ended");
    assertThat(second).isEqualTo(first);
    assertThat(outboxRows()).isZero();
  }

  @Test
  void shouldKeepEveryRowAndUndoAnEarlierSinksWritesWhenALaterSinkFails() {
    // given a sink that writes in the round's transaction, then one that fails
    EventPublisher publisher =
        publisher(
            events -> events.forEach(e -> jdbc.update("INSERT INTO taken VALUES (?)", e.eventId())),
            events -> {
              throw new IllegalStateException("broker down");
            });

    // when a round runs
    assertThatThrownBy(publisher::round).hasMessage("broker down");

    // then the rows wait in the outbox and the first sink's writes were rolled back with them
    assertThat(outboxRows()).isEqualTo(3);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM taken", Integer.class)).isZero();

    // when the failing sink recovers, the next round takes them once
    List<String> again = new ArrayList<>();
    EventPublisher recovered =
        publisher(
            events -> events.forEach(e -> jdbc.update("INSERT INTO taken VALUES (?)", e.eventId())),
            events -> events.forEach(e -> again.add(e.eventId())));
    assertThat(recovered.round()).isEqualTo(3);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM taken", Integer.class)).isEqualTo(3);
    assertThat(again).hasSize(3);
    assertThat(outboxRows()).isZero();
  }

  private EventPublisher publisher(EventSink... sinks) {
    return new EventPublisher(
        List.of(sinks),
        jdbc,
        transactions,
        new OutboxSignal(),
        new BatonProperties().getEvents(),
        Clock.systemUTC());
  }

  private int outboxRows() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM baton_event_outbox", Integer.class);
  }
}
