package dev.baton.engine.system;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * The one way Baton reads the engine's {@code ACT_*} tables with its own SQL (grouped counts the
 * engine's query API cannot express). SQL names a table in braces, {@code from {ACT_HI_PROCINST}},
 * and gets the engine's table prefix ({@code databaseTablePrefix}, e.g. a schema) in front of it,
 * as the engine's own statements do.
 */
@Component
public class EngineTables {

  private static final Pattern TABLE = Pattern.compile("\\{(ACT_[A-Z_]+)}");

  private final JdbcTemplate jdbc;
  private final String prefix;

  @Autowired
  EngineTables(JdbcTemplate jdbc, ProcessEngineConfigurationImpl engine) {
    this(jdbc, engine.getDatabaseTablePrefix());
  }

  EngineTables(JdbcTemplate jdbc, String prefix) {
    this.jdbc = jdbc;
    this.prefix = prefix == null ? "" : prefix;
  }

  /** Rows of {@code sql}, one mapped value each. */
  public <T> List<T> query(String sql, RowMapper<T> rows, Object... args) {
    return jdbc.query(sql(sql), rows, args);
  }

  /** Each row of {@code sql}, handed to {@code rows}. */
  public void query(String sql, RowCallbackHandler rows, Object... args) {
    jdbc.query(sql(sql), rows, args);
  }

  /** {@code sql} with every {@code {ACT_...}} replaced by the prefixed table name. */
  String sql(String sql) {
    Matcher tables = TABLE.matcher(sql);
    StringBuilder resolved = new StringBuilder();
    while (tables.find()) {
      tables.appendReplacement(resolved, Matcher.quoteReplacement(prefix + tables.group(1)));
    }
    tables.appendTail(resolved);
    return resolved.toString();
  }
}
