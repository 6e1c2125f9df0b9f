package dev.baton.engine.system;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.resource.transaction.spi.TransactionCoordinator.TransactionDriver;
import org.hibernate.resource.transaction.spi.TransactionStatus;
import org.springframework.orm.jpa.vendor.HibernateJpaDialect;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.NestedTransactionNotSupportedException;
import org.springframework.transaction.SavepointManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Hibernate's dialect with JDBC savepoints, so {@code PROPAGATION_NESTED} works through Baton's one
 * transaction manager ({@code JpaTransactionManager}, shared by Baton's JPA code and the engine).
 * Spring's own {@link HibernateJpaDialect} offers none (measured: {@code
 * NestedTransactionNotSupportedException}), and a second, JDBC-only manager for the engine would
 * start its own transaction on the connection inside a JPA one and commit it alone.
 *
 * <p>A savepoint is set on the transaction's JDBC connection, the one the engine writes through:
 * the Hibernate session is flushed first, so the savepoint holds everything before it; rolling back
 * to it also clears the session, whose entities no longer match the database.
 *
 * <p>Rolling back to a savepoint also lifts the rollback mark that a failed participant (an engine
 * command joining the part's transaction) set on Hibernate's transaction, as Spring does for its
 * own JPA and JDBC marks: everything the participant wrote is undone by the savepoint. Hibernate
 * has no method for that; without it, the outer commit fails with {@code
 * UnexpectedRollbackException} (measured: {@code SavepointsIT}). The field is looked up at start,
 * so a Hibernate without it fails the boot instead of a batch.
 */
public class SavepointJpaDialect extends HibernateJpaDialect {

  /** Hibernate's rollback mark of a JDBC resource-local transaction. */
  private static final Field ROLLBACK_ONLY = rollbackOnlyField();

  private static Field rollbackOnlyField() {
    try {
      Field field =
          Class.forName(
                  "org.hibernate.resource.transaction.backend.jdbc.internal."
                      + "JdbcResourceLocalTransactionCoordinatorImpl$TransactionDriverControlImpl")
              .getDeclaredField("rollbackOnly");
      field.setAccessible(true);
      return field;
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException(
          "This Hibernate version keeps its rollback mark elsewhere; savepoints need it", e);
    }
  }

  @Override
  public Object beginTransaction(EntityManager entityManager, TransactionDefinition definition)
      throws PersistenceException, SQLException, TransactionException {
    return new Savepoints(entityManager, super.beginTransaction(entityManager, definition));
  }

  @Override
  public void cleanupTransaction(Object transactionData) {
    super.cleanupTransaction(
        transactionData instanceof Savepoints savepoints ? savepoints.delegate : transactionData);
  }

  /** The transaction's savepoints, kept with Hibernate's own transaction data. */
  static final class Savepoints implements SavepointManager {

    private final EntityManager entityManager;
    private final Object delegate;
    private int count;

    Savepoints(EntityManager entityManager, Object delegate) {
      this.entityManager = entityManager;
      this.delegate = delegate;
    }

    @Override
    public Object createSavepoint() throws TransactionException {
      try {
        entityManager.flush();
        return connection().setSavepoint("BATON_SAVEPOINT_" + ++count);
      } catch (SQLException | RuntimeException e) {
        throw new CannotCreateTransactionException("Could not create a savepoint", e);
      }
    }

    @Override
    public void rollbackToSavepoint(Object savepoint) throws TransactionException {
      try {
        connection().rollback((Savepoint) savepoint);
        entityManager.clear();
        liftRollbackMark();
      } catch (SQLException e) {
        throw new TransactionSystemException("Could not roll back to a savepoint", e);
      }
    }

    @Override
    public void releaseSavepoint(Object savepoint) throws TransactionException {
      try {
        connection().releaseSavepoint((Savepoint) savepoint);
      } catch (SQLException e) {
        // a driver that cannot release keeps it until the commit: harmless
      }
    }

    private void liftRollbackMark() {
      TransactionDriver driver =
          entityManager
              .unwrap(SessionImplementor.class)
              .getTransactionCoordinator()
              .getTransactionDriverControl();
      if (driver.getStatus() == TransactionStatus.MARKED_ROLLBACK) {
        try {
          ROLLBACK_ONLY.setBoolean(driver, false);
        } catch (IllegalAccessException | IllegalArgumentException e) {
          throw new TransactionSystemException("Could not lift the rollback mark", e);
        }
      }
    }

    private Connection connection() {
      SessionImplementor session = entityManager.unwrap(SessionImplementor.class);
      if (!session.isConnected()) {
        throw new NestedTransactionNotSupportedException("The session holds no JDBC connection");
      }
      return session.getJdbcCoordinator().getLogicalConnection().getPhysicalConnection();
    }
  }
}
