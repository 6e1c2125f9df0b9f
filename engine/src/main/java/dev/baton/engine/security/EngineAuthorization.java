package dev.baton.engine.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.repository.Deployment;
import org.springframework.stereotype.Component;

/**
 * Deny by default, in the engine: authorization checks on for every call made as a person or a
 * worker (the job executor and Baton's own start-up work run as nobody and are not checked);
 * Baton's {@code admin} group is a Camunda admin group; variables need their own read permission,
 * so a role that may see where instances are does not thereby read their data; decisions are
 * remembered for a few seconds ({@link AuthorizationDecisions}). Set after the starter's own
 * settings, so no property can switch it off.
 */
@Component
class EngineAuthorization extends AbstractProcessEnginePlugin {

  private final AuthorizationDecisions decisions;

  EngineAuthorization(AuthorizationDecisions decisions) {
    this.decisions = decisions;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    apply(configuration);
    configuration.setResourceAuthorizationProvider(new NoOwnerGrants());
    List<SessionFactory> sessions =
        configuration.getCustomSessionFactories() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomSessionFactories());
    sessions.add(new CachedDecisions(decisions));
    configuration.setCustomSessionFactories(sessions);
  }

  /**
   * The engine's authorization manager, remembering its decisions ({@link AuthorizationDecisions}).
   */
  private record CachedDecisions(AuthorizationDecisions decisions) implements SessionFactory {
    @Override
    public Class<?> getSessionType() {
      return AuthorizationManager.class;
    }

    @Override
    public Session openSession() {
      return new CachingAuthorizationManager(decisions);
    }
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    apply(configuration);
  }

  private static void apply(ProcessEngineConfigurationImpl configuration) {
    configuration.setAuthorizationEnabled(true);
    configuration.setEnforceSpecificVariablePermission(true);
    List<String> admins =
        configuration.getAdminGroups() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getAdminGroups());
    if (!admins.contains(Roles.ADMIN)) {
      admins.add(Roles.ADMIN);
    }
    configuration.setAdminGroups(admins);
  }

  /**
   * Camunda's default grants, except that whoever deploys gets no rights of their own on the
   * deployment (Camunda would grant READ and DELETE): deleting deployments stays an
   * administrator's, as the role table says.
   */
  static final class NoOwnerGrants extends DefaultAuthorizationProvider {
    @Override
    public AuthorizationEntity[] newDeployment(Deployment deployment) {
      return new AuthorizationEntity[0];
    }
  }
}
