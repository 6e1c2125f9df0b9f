package dev.baton.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Where an application under test keeps its state: a fresh H2 file or a fresh PostgreSQL database.
 */
record Database(String kind, Path directory, String postgresServer, String postgresName) {

  static Database h2(Path directory) {
    return new Database("H2 file", directory, null, null);
  }

  /** Creates an empty database on the server (trust auth, user postgres). */
  static Database postgres(String server, Path directory) throws SQLException {
    String name = "baton_bench_" + UUID.randomUUID().toString().substring(0, 8);
    try (Connection c = DriverManager.getConnection(server + "postgres", "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return new Database("PostgreSQL", directory, server, name);
  }

  boolean isPostgres() {
    return postgresName != null;
  }

  String jdbcUrl(String h2FileName, String h2Settings) {
    if (isPostgres()) {
      return postgresServer + postgresName;
    }
    return "jdbc:h2:file:" + directory.resolve(h2FileName).toAbsolutePath() + h2Settings;
  }

  /**
   * Removes what the run stored: the data directory (an H2 file of a million instances takes
   * gigabytes) and, on PostgreSQL, the database.
   */
  void drop() {
    deleteDirectory();
    if (!isPostgres()) {
      return;
    }
    try (Connection c = DriverManager.getConnection(postgresServer + "postgres", "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + postgresName + " WITH (FORCE)");
    } catch (SQLException e) {
      System.err.println("Could not drop " + postgresName + ": " + e.getMessage());
    }
  }

  private void deleteDirectory() {
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    } catch (IOException e) {
      System.err.println("Could not remove " + directory + ": " + e.getMessage());
    }
  }
}
