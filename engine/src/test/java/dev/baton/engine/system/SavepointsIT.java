package dev.baton.engine.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.BatonIT;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Nested transactions (savepoints) through Baton's one transaction manager: a failing part rolls
 * back to its savepoint — engine commands, JDBC and JPA writes alike — while the parts around it
 * commit with the outer transaction. The batched job execution of issue 16 stands on this.
 */
class SavepointsIT extends BatonIT {

  @Autowired PlatformTransactionManager transactions;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  @Autowired EntityManager entityManager;

  private final String prefix = "sp" + UUID.randomUUID().toString().substring(0, 8);

  private TransactionTemplate outer;
  private TransactionTemplate nested;

  @BeforeEach
  void templates() {
    outer = new TransactionTemplate(transactions);
    nested = new TransactionTemplate(transactions);
    nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  @AfterEach
  void cleanUp() {
    for (String suffix : new String[] {"a", "b", "c"}) {
      identity.deleteUser(prefix + suffix);
    }
    jdbc.update("DELETE FROM baton_lock WHERE name LIKE ?", prefix + "%");
  }

  @Test
  void shouldRollBackOnlyTheFailingPartToItsSavepoint() {
    // given an outer transaction with three nested parts, the second failing

    // when each part writes through the engine, JDBC and JPA
    outer.executeWithoutResult(
        status -> {
          nested.executeWithoutResult(part -> write("a"));
          try {
            nested.executeWithoutResult(
                part -> {
                  write("b");
                  throw new IllegalStateException("the second part fails");
                });
          } catch (IllegalStateException expected) {
            // its savepoint is rolled back; the outer transaction goes on
          }
          nested.executeWithoutResult(part -> write("c"));
        });

    // then the first and third parts committed, and nothing of the second
    assertThat(identity.createUserQuery().userIdIn(prefix + "a", prefix + "b", prefix + "c").list())
        .extracting(user -> user.getId())
        .containsExactlyInAnyOrder(prefix + "a", prefix + "c");
    assertThat(
            jdbc.queryForList(
                "SELECT name FROM baton_lock WHERE name LIKE ? ORDER BY name",
                String.class,
                prefix + "%"))
        .containsExactly(prefix + "a-jdbc", prefix + "a-jpa", prefix + "c-jdbc", prefix + "c-jpa");
  }

  @Test
  void shouldCommitTheOtherPartsWhenAnEngineCommandFailsInsideAPart() {
    // given an outer transaction whose second part runs an engine command that fails inside the
    // engine (the command joins the part's transaction and marks it for rollback as it leaves)

    // when
    outer.executeWithoutResult(
        status -> {
          nested.executeWithoutResult(part -> write("a"));
          try {
            nested.executeWithoutResult(
                part -> {
                  write("b");
                  identity.saveUser(identity.newUser("not a valid id!"));
                });
          } catch (ProcessEngineException expected) {
            // the part's savepoint is rolled back, and with it the engine's rollback mark
          }
          nested.executeWithoutResult(part -> write("c"));
        });

    // then the outer transaction committed the first and third parts
    assertThat(identity.createUserQuery().userIdIn(prefix + "a", prefix + "b", prefix + "c").list())
        .extracting(user -> user.getId())
        .containsExactlyInAnyOrder(prefix + "a", prefix + "c");
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM baton_lock WHERE name LIKE ?", Long.class, prefix + "b%"))
        .isZero();
  }

  @Test
  void shouldRollBackEveryPartWithTheOuterTransaction() {
    // given

    // when a part succeeds but the outer transaction rolls back
    outer.executeWithoutResult(
        status -> {
          nested.executeWithoutResult(part -> write("a"));
          status.setRollbackOnly();
        });

    // then nothing of it is kept
    assertThat(identity.createUserQuery().userId(prefix + "a").count()).isZero();
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM baton_lock WHERE name LIKE ?", Long.class, prefix + "%"))
        .isZero();
  }

  private void write(String part) {
    identity.saveUser(identity.newUser(prefix + part));
    jdbc.update("INSERT INTO baton_lock (name) VALUES (?)", prefix + part + "-jdbc");
    entityManager
        .createNativeQuery("INSERT INTO baton_lock (name) VALUES (?1)")
        .setParameter(1, prefix + part + "-jpa")
        .executeUpdate();
  }
}
