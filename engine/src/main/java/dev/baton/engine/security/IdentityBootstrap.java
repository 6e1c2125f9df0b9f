package dev.baton.engine.security;

import dev.baton.engine.system.BatonProperties;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Makes sure the role groups exist and someone can sign in: the demo user where enabled, the
 * configured administrator otherwise. Refuses to start when nobody could ever sign in as admin.
 */
@Component
class IdentityBootstrap implements InitializingBean {

  private static final Logger LOG = LoggerFactory.getLogger(IdentityBootstrap.class);
  static final String DEMO_USER = "demo";

  private final IdentityService identity;
  private final BatonProperties.Security security;

  IdentityBootstrap(IdentityService identity, BatonProperties properties) {
    this.identity = identity;
    this.security = properties.getSecurity();
  }

  @Override
  public void afterPropertiesSet() {
    Roles.ALL.forEach(this::ensureGroup);
    if (security.isDemoUser()) {
      ensureUser(DEMO_USER, DEMO_USER, false);
      Roles.ALL.forEach(role -> ensureMembership(DEMO_USER, role));
      LOG.warn(
          "Demo user enabled: sign in as demo / demo (holds every role). Never enable it in production.");
    }
    String password = security.getAdminPassword();
    if (password != null && !password.isBlank()) {
      ensureUser(security.getAdminUser(), password, true);
      ensureMembership(security.getAdminUser(), Roles.ADMIN);
    }
    if (identity.createUserQuery().memberOfGroup(Roles.ADMIN).count() == 0) {
      throw new IllegalStateException(
          "No administrator exists: set baton.engine.security.admin-password (env BATON_ADMIN_PASSWORD)"
              + " to create user '"
              + security.getAdminUser()
              + "', or enable the demo user outside production.");
    }
  }

  private void ensureGroup(String id) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(Character.toUpperCase(id.charAt(0)) + id.substring(1));
      group.setType("baton-role");
      identity.saveGroup(group);
    }
  }

  private void ensureUser(String id, String password, boolean resetPassword) {
    User user = identity.createUserQuery().userId(id).singleResult();
    if (user == null) {
      user = identity.newUser(id);
      user.setFirstName(id);
      user.setPassword(password);
      identity.saveUser(user);
    } else if (resetPassword && !identity.checkPassword(id, password)) {
      user.setPassword(password);
      identity.saveUser(user);
    }
  }

  private void ensureMembership(String user, String group) {
    if (identity.createUserQuery().userId(user).memberOfGroup(group).count() == 0) {
      identity.createMembership(user, group);
    }
  }
}
