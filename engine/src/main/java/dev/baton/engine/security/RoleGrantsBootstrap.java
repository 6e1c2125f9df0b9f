package dev.baton.engine.security;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Keeps each role's Camunda authorizations on all resources ({@code *}) exactly as {@link
 * RoleGrants} says, at every start: missing grants are created, widened or narrowed ones reset,
 * grants of a role on resource types it should not touch removed. Grants on single resources (an
 * administrator's deliberate exceptions) are left alone. Nodes of a cluster starting together may
 * race on the same rows; the loser reads again.
 */
@Component
class RoleGrantsBootstrap implements InitializingBean {

  private static final Logger LOG = LoggerFactory.getLogger(RoleGrantsBootstrap.class);
  private static final int ATTEMPTS = 3;

  private final AuthorizationService authorizations;

  RoleGrantsBootstrap(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  @Override
  public void afterPropertiesSet() {
    for (int attempt = 1; ; attempt++) {
      try {
        RoleGrants.TABLE.forEach(this::reconcile);
        return;
      } catch (ProcessEngineException race) {
        if (attempt == ATTEMPTS) {
          throw race;
        }
        LOG.info("Role grants changed by another node while reconciling; reading them again");
      }
    }
  }

  private void reconcile(String group, List<RoleGrants.Grant> grants) {
    Map<Integer, RoleGrants.Grant> wanted =
        grants.stream().collect(Collectors.toMap(g -> g.resource().resourceType(), g -> g));
    List<Authorization> existing =
        authorizations.createAuthorizationQuery().groupIdIn(group).list().stream()
            .filter(a -> Authorization.ANY.equals(a.getResourceId()))
            .toList();
    for (Authorization authorization : existing) {
      RoleGrants.Grant grant = wanted.remove(authorization.getResourceType());
      if (grant == null || authorization.getAuthorizationType() != Authorization.AUTH_TYPE_GRANT) {
        authorizations.deleteAuthorization(authorization.getId());
        if (grant != null) {
          create(group, grant);
        }
      } else if (mask(authorization) != mask(grant)) {
        authorization.setPermissions(grant.permissions().toArray(Permission[]::new));
        authorizations.saveAuthorization(authorization);
      }
    }
    wanted.values().forEach(grant -> create(group, grant));
  }

  private void create(String group, RoleGrants.Grant grant) {
    Authorization authorization =
        authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    authorization.setGroupId(group);
    authorization.setResource(grant.resource());
    authorization.setResourceId(Authorization.ANY);
    authorization.setPermissions(grant.permissions().toArray(Permission[]::new));
    authorizations.saveAuthorization(authorization);
  }

  private static int mask(RoleGrants.Grant grant) {
    return grant.permissions().stream().mapToInt(Permission::getValue).reduce(0, (a, b) -> a | b);
  }

  private static int mask(Authorization authorization) {
    return ((AuthorizationEntity) authorization).getPermissions();
  }
}
