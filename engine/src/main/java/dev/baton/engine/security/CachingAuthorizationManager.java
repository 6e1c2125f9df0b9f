package dev.baton.engine.security;

import dev.baton.engine.security.AuthorizationDecisions.Question;
import dev.baton.engine.security.AuthorizationDecisions.Target;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.db.entitymanager.operation.DbOperation;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * Camunda's authorization manager, asking {@link AuthorizationDecisions} before the database. A
 * composite question (e.g. "update this instance, or update instances of its definition") is
 * answered from its atomic parts, each of which the engine decides on its own, so the answer about
 * the definition serves every instance of it. Every way the engine changes authorizations passes
 * through this class and forgets what was remembered about the resource concerned: an instance that
 * ends deletes the (usually absent) grants on it, which forgets only answers about that instance.
 */
final class CachingAuthorizationManager extends AuthorizationManager {

  private final AuthorizationDecisions decisions;

  CachingAuthorizationManager(AuthorizationDecisions decisions) {
    this.decisions = decisions;
  }

  @Override
  public boolean isAuthorized(String userId, List<String> groupIds, PermissionCheck check) {
    if (!isAuthorizationEnabled() || !decisions.enabled() || !cacheable(check)) {
      return super.isAuthorized(userId, groupIds, check);
    }
    Question question = question(userId, groupIds, check);
    Boolean known = decisions.answer(question);
    if (known != null) {
      return known;
    }
    AuthorizationDecisions.Stamp stamp = decisions.stamp(question);
    boolean granted = super.isAuthorized(userId, groupIds, check);
    decisions.remember(question, granted, stamp);
    return granted;
  }

  @Override
  public boolean isAuthorized(
      String userId, List<String> groupIds, CompositePermissionCheck composite) {
    if (!decisions.enabled()
        || !composite.getCompositeChecks().isEmpty()
        || !composite.getAtomicChecks().stream().allMatch(CachingAuthorizationManager::cacheable)) {
      return super.isAuthorized(userId, groupIds, composite);
    }
    // Camunda lists the narrowest resource first (the instance, then its definition): ask the
    // broadest first, whose answer serves the most later calls.
    List<PermissionCheck> checks = new ArrayList<>(composite.getAtomicChecks());
    java.util.Collections.reverse(checks);
    boolean any = composite.isDisjunctive();
    for (PermissionCheck check : checks) {
      if (isAuthorized(userId, groupIds, check) == any) {
        return any;
      }
    }
    return !any;
  }

  /** A plain question about one resource (not a query's join, nor one with its own default). */
  private static boolean cacheable(PermissionCheck check) {
    return check.getResourceIdQueryParam() == null
        && check.getAuthorizationNotFoundReturnValue() == null;
  }

  private static Question question(String userId, List<String> groupIds, PermissionCheck check) {
    List<String> groups = groupIds == null ? List.of() : groupIds.stream().sorted().toList();
    Resource resource = check.getResource();
    return new Question(
        userId,
        groups,
        check.getPerms(),
        check.getPermission().getName(),
        new Target(resource.resourceType(), check.getResourceId()));
  }

  @Override
  public void insert(DbEntity authorization) {
    super.insert(authorization);
    changed(about(authorization));
  }

  @Override
  public void update(AuthorizationEntity authorization) {
    super.update(authorization);
    // the row may have been about another resource before: forget everything
    changed(null);
  }

  @Override
  public void delete(DbEntity authorization) {
    super.delete(authorization);
    changed(about(authorization));
  }

  @Override
  public void deleteAuthorizationsByResourceId(Resource resource, String resourceId) {
    super.deleteAuthorizationsByResourceId(resource, resourceId);
    changed(new Target(resource.resourceType(), resourceId));
  }

  @Override
  public void deleteAuthorizationsByResourceIdAndUserId(
      Resource resource, String resourceId, String userId) {
    super.deleteAuthorizationsByResourceIdAndUserId(resource, resourceId, userId);
    changed(new Target(resource.resourceType(), resourceId));
  }

  @Override
  public void deleteAuthorizationsByResourceIdAndGroupId(
      Resource resource, String resourceId, String groupId) {
    super.deleteAuthorizationsByResourceIdAndGroupId(resource, resourceId, groupId);
    changed(new Target(resource.resourceType(), resourceId));
  }

  @Override
  public DbOperation deleteAuthorizationsByRemovalTime(
      Date removalTime, int minuteFrom, int minuteTo, int batchSize) {
    DbOperation operation =
        super.deleteAuthorizationsByRemovalTime(removalTime, minuteFrom, minuteTo, batchSize);
    changed(null);
    return operation;
  }

  /** The resource an authorization row is about; {@code null} when it is not one. */
  private static Target about(DbEntity authorization) {
    return authorization instanceof AuthorizationEntity row
        ? new Target(row.getResourceType(), row.getResourceId())
        : null;
  }

  /**
   * Forget now, so no answer from before the change is used by this node from here on, and again at
   * commit, so none read by another thread before the change became visible survives it.
   */
  private void changed(Target target) {
    forget(target);
    CommandContext context = Context.getCommandContext();
    if (context != null) {
      context
          .getTransactionContext()
          .addTransactionListener(TransactionState.COMMITTED, committed -> forget(target));
    }
  }

  /** {@code null}: everything. */
  private void forget(Target target) {
    if (target == null) {
      decisions.forgetAll();
    } else {
      decisions.forget(target);
    }
  }
}
