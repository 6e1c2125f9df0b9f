package dev.baton.engine.reliability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A database of a test's own on the machine's PostgreSQL (the server the {@code postgres} profile
 * uses), created empty and dropped on close, so forked nodes never touch the shared test database.
 */
final class ScratchDatabase implements AutoCloseable {

  /** The server of BATON_DB_URL (the profile's database), without the database name. */
  private static final String SERVER =
      System.getenv()
          .getOrDefault("BATON_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test")
          .replaceFirst("/[^/]*$", "/");

  /** Where CREATE and DROP DATABASE are sent from. */
  private static final String ADMIN_DATABASE = "postgres";

  private static final String USER = System.getenv().getOrDefault("BATON_DB_USER", "postgres");
  private static final String PASSWORD = System.getenv().getOrDefault("BATON_DB_PASSWORD", "");

  private final String name;

  private ScratchDatabase(String name) {
    this.name = name;
  }

  /** Creates {@code baton_<purpose>_<random>}. */
  static ScratchDatabase create(String purpose) throws SQLException {
    String name = "baton_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8);
    execute(ADMIN_DATABASE, "CREATE DATABASE " + name);
    return new ScratchDatabase(name);
  }

  /** The JDBC URL to give Baton as {@code BATON_DB_URL}. */
  String url() {
    return SERVER + name;
  }

  /** A single number from this database, e.g. a {@code count(*)}. */
  long queryForLong(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url(), USER, PASSWORD);
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }

  /** Drops the database, ending any session still on it (a killed node's are gone already). */
  @Override
  public void close() throws SQLException {
    execute(ADMIN_DATABASE, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  private static void execute(String database, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(SERVER + database, USER, PASSWORD);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
