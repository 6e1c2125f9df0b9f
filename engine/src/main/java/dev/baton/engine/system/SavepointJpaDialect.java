package dev.baton.engine.system;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import org.hibernate.engine.spi.SessionImplementor;
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
 */
public class SavepointJpaDialect extends HibernateJpaDialect {

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

    private Connection connection() {
      SessionImplementor session = entityManager.unwrap(SessionImplementor.class);
      if (!session.isConnected()) {
        throw new NestedTransactionNotSupportedException("The session holds no JDBC connection");
      }
      return session.getJdbcCoordinator().getLogicalConnection().getPhysicalConnection();
    }
  }
}
