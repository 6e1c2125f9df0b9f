package dev.baton.engine.system;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Health that tells the truth about the engine's database: a real query on the engine's own
 * property table, with a short timeout. A pool that still hands out connections to a closed
 * database (H2 closes itself after an out-of-memory error) or a database that does not answer in
 * time is DOWN, so {@code /actuator/health} answers 503.
 */
public class DatabaseHealth implements HealthIndicator {

  /** Short enough for a probe, long enough for a busy database. */
  static final Duration TIMEOUT = Duration.ofSeconds(3);

  private final DataSource dataSource;
  private final String query;

  public DatabaseHealth(DataSource dataSource, String tablePrefix) {
    this.dataSource = dataSource;
    this.query =
        "select count(*) from " + (tablePrefix == null ? "" : tablePrefix) + "ACT_GE_PROPERTY";
  }

  @Override
  public Health health() {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.setQueryTimeout((int) TIMEOUT.toSeconds());
      try (ResultSet rows = statement.executeQuery(query)) {
        rows.next();
        return Health.up().withDetail("engineProperties", rows.getLong(1)).build();
      }
    } catch (Exception e) {
      return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
    }
  }
}
