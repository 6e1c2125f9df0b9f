package dev.baton.engine.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

class DatabaseHealthTest {

  @Test
  void shouldBeDownOnceTheDatabaseIsClosed() throws Exception {
    // given: an H2 database with the engine's property table, behind a "pool" of one connection
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:health-" + UUID.randomUUID());
    Connection held = h2.getConnection();
    SingleConnectionDataSource dataSource = new SingleConnectionDataSource(held, true);
    try (Statement statement = held.createStatement()) {
      statement.execute("create table ACT_GE_PROPERTY (NAME_ varchar(64))");
      statement.execute("insert into ACT_GE_PROPERTY values ('schema.version')");
    }
    DatabaseHealth health = new DatabaseHealth(dataSource, "");
    Status before = health.health().getStatus();

    // when H2 closes the database, as it does after an out-of-memory error
    try (Statement statement = held.createStatement()) {
      statement.execute("SHUTDOWN");
    }

    // then
    assertThat(before).isEqualTo(Status.UP);
    assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
  }

  @Test
  void shouldBeDownWhenTheEngineTablesAreMissing() {
    // given: a database that answers, but not with the engine's tables
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:health-" + UUID.randomUUID());

    // when
    Status status = new DatabaseHealth(dataSource, null).health().getStatus();

    // then
    assertThat(status).isEqualTo(Status.DOWN);
  }
}
