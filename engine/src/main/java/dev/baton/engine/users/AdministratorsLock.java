package dev.baton.engine.users;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Serializes, across every node of a cluster, the changes that may take an administrator away: the
 * caller's transaction holds a row lock until it commits, so the next one counts administrators
 * only after the previous change is visible. Without it, two administrators demoting each other at
 * the same time each see the other still in place, and both commit.
 */
@Component
class AdministratorsLock {

  private final JdbcTemplate jdbc;

  AdministratorsLock(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Waits for the lock; it is held until the surrounding transaction ends. */
  @Transactional(propagation = Propagation.MANDATORY)
  void acquire() {
    jdbc.queryForObject(
        "SELECT name FROM baton_lock WHERE name = ? FOR UPDATE", String.class, "administrators");
  }
}
