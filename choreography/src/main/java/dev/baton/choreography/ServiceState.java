package dev.baton.choreography;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * One service's own memory: where each order is as far as this service knows ({@code
 * <service>_order_state}) and which events it has handled ({@code <service>_handled_event}, its
 * deduplication). Its own H2 file by default; with a PostgreSQL URL the services share a database
 * but never a table.
 */
public final class ServiceState implements AutoCloseable {

  /** What this service knows about one order. */
  public record OrderState(
      String orderId, String status, String reference, String detail, Instant updatedAt) {}

  private final HikariDataSource pool;
  private final String orders;
  private final String handled;

  private ServiceState(HikariDataSource pool, String table) {
    this.pool = pool;
    this.orders = table + "_order_state";
    this.handled = table + "_handled_event";
  }

  /** Opens (and creates if needed) the service's tables at {@code jdbc-url}. */
  public static ServiceState open(String service, Settings settings) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(settings.text("jdbc-url").replace("{service}", service));
    config.setUsername(settings.text("jdbc-user"));
    config.setPassword(settings.text("jdbc-password"));
    config.setMaximumPoolSize(settings.integer("consumers") + 2);
    config.setMinimumIdle(1);
    config.setPoolName("state-" + service);
    ServiceState state =
        new ServiceState(new HikariDataSource(config), service.replaceAll("[^A-Za-z0-9]", "_"));
    state.createTables();
    return state;
  }

  private void createTables() {
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS "
              + orders
              + " (order_id VARCHAR(200) PRIMARY KEY, status VARCHAR(40) NOT NULL,"
              + " reference VARCHAR(200), detail VARCHAR(1000), updated_at TIMESTAMP NOT NULL)");
      s.execute(
          "CREATE TABLE IF NOT EXISTS "
              + handled
              + " (event_id VARCHAR(300) PRIMARY KEY, handled_at TIMESTAMP NOT NULL)");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create the tables " + orders + ", " + handled, e);
    }
  }

  /** Whether this service has already handled the event (then a delivery is a repeat). */
  public boolean handled(String eventId) {
    try (Connection c = pool.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT 1 FROM " + handled + " WHERE event_id = ?")) {
      s.setString(1, eventId);
      try (ResultSet rows = s.executeQuery()) {
        return rows.next();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read " + handled, e);
    }
  }

  /** Marks the event handled: a later delivery of it is a repeat. */
  public void markHandled(String eventId) {
    try (Connection c = pool.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO " + handled + " (event_id, handled_at) VALUES (?, ?)")) {
      s.setString(1, eventId);
      s.setTimestamp(2, Timestamp.from(Instant.now()));
      s.executeUpdate();
    } catch (SQLException e) {
      if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
        throw new IllegalStateException("Cannot mark event " + eventId + " handled", e);
      }
      // integrity violation: a concurrent delivery of the same event marked it first
    }
  }

  /**
   * Notes where the order is for this service: its status, what its ledger answered (kept when
   * null) and why (a failure's message, or null).
   */
  public void record(String orderId, String status, String reference, String detail) {
    try (Connection c = pool.getConnection()) {
      upsert(c, orderId, status, reference, detail);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot note order " + orderId, e);
    }
  }

  private void upsert(Connection c, String orderId, String status, String reference, String detail)
      throws SQLException {
    String text = detail == null ? null : detail.substring(0, Math.min(detail.length(), 1000));
    Timestamp now = Timestamp.from(Instant.now());
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE "
                + orders
                + " SET status = ?, reference = COALESCE(?, reference), detail = ?,"
                + " updated_at = ? WHERE order_id = ?")) {
      update.setString(1, status);
      update.setString(2, reference);
      update.setString(3, text);
      update.setTimestamp(4, now);
      update.setString(5, orderId);
      if (update.executeUpdate() > 0) {
        return;
      }
    }
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO "
                + orders
                + " (order_id, status, reference, detail, updated_at) VALUES (?, ?, ?, ?, ?)")) {
      insert.setString(1, orderId);
      insert.setString(2, status);
      insert.setString(3, reference);
      insert.setString(4, text);
      insert.setTimestamp(5, now);
      insert.executeUpdate();
    } catch (SQLException e) {
      if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
        throw e;
      }
      // a concurrent delivery inserted the row between our update and insert: update it
      upsert(c, orderId, status, reference, detail);
    }
  }

  /** What this service knows about the order, if anything. */
  public Optional<OrderState> find(String orderId) {
    try (Connection c = pool.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT order_id, status, reference, detail, updated_at FROM "
                    + orders
                    + " WHERE order_id = ?")) {
      s.setString(1, orderId);
      try (ResultSet rows = s.executeQuery()) {
        if (!rows.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new OrderState(
                rows.getString(1),
                rows.getString(2),
                rows.getString(3),
                rows.getString(4),
                rows.getTimestamp(5).toInstant()));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read " + orders, e);
    }
  }

  @Override
  public void close() {
    pool.close();
  }
}
