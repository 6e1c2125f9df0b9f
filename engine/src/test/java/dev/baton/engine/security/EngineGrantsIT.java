package dev.baton.engine.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.engine.BatonIT;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine itself refuses what a role may not do, whichever API reached it: these calls go
 * straight to Camunda's Java API as a person of each role (as Baton's own API and Camunda REST do),
 * with no HTTP rule in between.
 */
class EngineGrantsIT extends BatonIT {

  private static final String REMOTE = "order-fulfillment-remote";

  @Autowired private IdentityService identity;
  @Autowired private AuthorizationService authorizations;
  @Autowired private RepositoryService repository;
  @Autowired private RuntimeService runtime;
  @Autowired private FilterService filters;
  @Autowired private ExternalTaskService externalTasks;
  @Autowired private RoleGrantsBootstrap grants;

  @AfterEach
  void signOut() {
    identity.clearAuthentication();
  }

  @Test
  void shouldRefuseAnOperatorEveryWayToBecomeAdmin() {
    // given
    long admins = identity.createUserQuery().memberOfGroup(Roles.ADMIN).count();
    long authorizationCount = authorizations.createAuthorizationQuery().count();
    String deployment = repository.createDeploymentQuery().list().get(0).getId();
    User demo = passwordChanged("demo");
    signIn("engine-op", Roles.OPERATOR);

    // when / then
    assertRefused(() -> identity.createMembership("engine-op", Roles.ADMIN));
    assertRefused(() -> identity.saveUser(demo));
    assertRefused(() -> identity.saveUser(identity.newUser("enginenewadmin")));
    assertRefused(() -> authorizations.saveAuthorization(allOnUsers()));
    assertRefused(() -> filters.saveFilter(filters.newTaskFilter("mine")));
    assertRefused(() -> deploy("engine-op"));
    assertRefused(() -> repository.deleteDeployment(deployment, true));
    identity.clearAuthentication();
    assertThat(identity.createUserQuery().memberOfGroup(Roles.ADMIN).count()).isEqualTo(admins);
    assertThat(identity.checkPassword("demo", "demo")).isTrue();
    assertThat(identity.createUserQuery().userId("enginenewadmin").count()).isZero();
    assertThat(authorizations.createAuthorizationQuery().count()).isEqualTo(authorizationCount);
    assertThat(filters.createFilterQuery().filterName("mine").count()).isZero();
    assertThat(repository.createDeploymentQuery().deploymentName("engine-op").count()).isZero();
    assertThat(repository.createDeploymentQuery().deploymentId(deployment).count()).isOne();
  }

  @Test
  void shouldLetAnOperatorRunInstancesAndReadTheirVariables() {
    // given
    signIn("engine-op2", Roles.OPERATOR);

    // when
    String id =
        runtime
            .startProcessInstanceByKey(REMOTE, "engine-grants-" + UUID.randomUUID(), amount(7))
            .getId();

    // then
    assertThat(runtime.getVariables(id)).containsEntry("amount", 7);
    awaitExternalTask(id);
    runtime.deleteProcessInstance(id, "test over");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(id).count()).isZero();
  }

  @Test
  void shouldLetAnAnalystDeployButNotRunOrReadInstancesOrDeleteDeployments() {
    // given an instance started by the engine itself (no user)
    String id = runtime.startProcessInstanceByKey(REMOTE, amount(9)).getId();
    awaitExternalTask(id);
    signIn("engine-an", Roles.ANALYST);

    // when the analyst deploys, the deployment is theirs to make but not to delete
    String deployment = deploy("engine-an-" + UUID.randomUUID());
    assertRefused(() -> repository.deleteDeployment(deployment));

    // then instances: visible where they are, but not started, read or changed by an analyst
    long before = runtime.createProcessInstanceQuery().processDefinitionKey(REMOTE).count();
    assertRefused(() -> runtime.startProcessInstanceByKey(REMOTE));
    assertRefused(() -> runtime.getVariables(id));
    assertRefused(() -> runtime.setVariable(id, "amount", 1));
    assertRefused(() -> runtime.deleteProcessInstance(id, "analyst"));
    identity.clearAuthentication();
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(REMOTE).count())
        .isEqualTo(before);
    assertThat(runtime.getVariable(id, "amount")).isEqualTo(9);
    assertThat(repository.createDeploymentQuery().deploymentId(deployment).count()).isOne();
    runtime.deleteProcessInstance(id, "test over");
  }

  @Test
  void shouldLetAWorkerKeyNeitherDeployNorStartNorAdminister() {
    // given the engine's view of a signed-in worker
    signIn("engine-worker", RoleGrants.WORKER_GROUP);

    // when / then
    assertRefused(() -> deploy("engine-worker"));
    assertRefused(() -> runtime.startProcessInstanceByKey(REMOTE));
    assertRefused(() -> identity.createMembership("engine-worker", Roles.ADMIN));
    assertRefused(() -> authorizations.saveAuthorization(allOnUsers()));
    identity.clearAuthentication();
    assertThat(repository.createDeploymentQuery().deploymentName("engine-worker").count()).isZero();
  }

  @Test
  void shouldResetARoleGrantWidenedBehindBatonsBackAtTheNextStart() {
    // given someone granted operators everything on users
    Authorization widened = allOnUsers();
    widened.setGroupId(Roles.OPERATOR);
    authorizations.saveAuthorization(widened);

    // when the grants are reconciled, as at every start
    grants.afterPropertiesSet();

    // then the operator group holds nothing on users any more
    assertThat(
            authorizations
                .createAuthorizationQuery()
                .groupIdIn(Roles.OPERATOR)
                .resourceType(Resources.USER)
                .count())
        .isZero();
    assertThat(
            authorizations.isUserAuthorized(
                "anyone", List.of(Roles.OPERATOR), Permissions.READ, Resources.PROCESS_DEFINITION))
        .isTrue();
  }

  /** Waits until the instance rests at its external task, so no job of it is running. */
  private void awaitExternalTask(String instanceId) {
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .until(
            () ->
                externalTasks.createExternalTaskQuery().processInstanceId(instanceId).count() == 1);
  }

  private void signIn(String user, String group) {
    identity.setAuthentication(user, List.of(group));
  }

  private String deploy(String name) {
    return repository
        .createDeployment()
        .name(name)
        .addModelInstance(
            "grants.bpmn",
            Bpmn.createExecutableProcess("grants_" + name.replaceAll("[^A-Za-z0-9]", "_"))
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .endEvent()
                .done())
        .deploy()
        .getId();
  }

  private User passwordChanged(String userId) {
    User user = identity.createUserQuery().userId(userId).singleResult();
    user.setPassword("taken-over");
    return user;
  }

  private Authorization allOnUsers() {
    Authorization authorization =
        authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    authorization.setGroupId(Roles.OPERATOR);
    authorization.setResource(Resources.USER);
    authorization.setResourceId(Authorization.ANY);
    authorization.addPermission(Permissions.ALL);
    return authorization;
  }

  private static Map<String, Object> amount(int amount) {
    return Map.of("amount", amount);
  }

  private static void assertRefused(Runnable call) {
    assertThatThrownBy(call::run).isInstanceOf(AuthorizationException.class);
  }
}
