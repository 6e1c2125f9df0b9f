package dev.baton.engine.deployments;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.baton.engine.BatonIT;
import dev.baton.engine.security.RoleUsers;
import dev.baton.engine.security.Roles;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The administrator's deployments list and file download, and who may read and delete. */
public class DeploymentAdminIT extends BatonIT {

  private static final Path REMOTE =
      Path.of(
          "..",
          "process-definitions",
          "src",
          "main",
          "resources",
          "bpmn",
          "order-fulfillment-remote.bpmn");

  @Test
  void shouldListDeploymentsNewestFirstWithDeployerNoteResourcesAndInstanceCounts()
      throws IOException {
    // given two deployments, the newer with one waiting and one ended instance
    String older = deploy(uniqueKey("older"), "first");
    String key = uniqueKey("listed");
    String newer = deploy(key, "ships remotely");
    String waiting = start(key, 12);
    String declined = start(key, 20_000);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> "COMPLETED".equals(state(declined)) && "RUNNING".equals(state(waiting)));

    // when
    JsonPath page =
        asDemo()
            .get("/api/deployments?page=0&size=500")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    // then the newer comes first (other tests may deploy meanwhile), with everything shown
    List<String> ids = page.getList("items.id");
    assertThat(ids).contains(newer, older);
    assertThat(ids.indexOf(newer)).isLessThan(ids.indexOf(older));
    assertThat(page.getLong("total")).isGreaterThanOrEqualTo(2);
    String listed = "items.find { it.id == '" + newer + "' }.";
    assertThat(page.getString(listed + "deployedBy")).isEqualTo(USER);
    assertThat(page.getString(listed + "note")).isEqualTo("ships remotely");
    assertThat(page.getString(listed + "deployedAt")).isNotBlank();
    assertThat(page.getList(listed + "resources.name")).containsExactly(key + ".bpmn");
    assertThat(page.getLong(listed + "running")).isEqualTo(1);
    assertThat(page.getLong(listed + "ended")).isEqualTo(1);
    assertThat(page.getLong("items.find { it.id == '" + older + "' }.running")).isZero();
    assertThat(
            asDemo()
                .get("/api/deployments?page=0&size=1")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items"))
        .hasSize(1);
  }

  @Test
  void shouldNameDeployerFromOperationLogForCamundaRestDeployments() throws IOException {
    // given a deployment made through Camunda's REST API (no Baton note)
    String key = uniqueKey("rest");
    String id =
        deployThroughCamunda("rest-" + key, key + ".bpmn", xml(key))
            .then()
            .statusCode(200)
            .extract()
            .path("id");

    // when
    JsonPath listed = asDemo().get("/api/deployments?size=500").then().extract().jsonPath();

    // then
    assertThat(listed.getString("items.find { it.id == '" + id + "' }.deployedBy")).isEqualTo(USER);
    assertThat(listed.getString("items.find { it.id == '" + id + "' }.note")).isNull();
  }

  @Test
  void shouldDownloadResourceAsAttachmentWithSafeNameAndType() throws IOException {
    // given a file deployed under a hostile name through Camunda's REST API
    String key = uniqueKey("download");
    String xml = xml(key);
    String id =
        deployThroughCamunda("dl-" + key, "../x/..\\evil name (" + key + ").bpmn", xml)
            .then()
            .statusCode(200)
            .extract()
            .path("id");
    JsonPath stored =
        asDemo()
            .get("/engine-rest/deployment/{id}/resources", id)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(stored.getString("[0].name")).startsWith("../x/..");
    String resourceId = stored.getString("[0].id");

    // when
    Response file =
        RoleUsers.as(Roles.OPERATOR)
            .accept("*/*")
            .get("/api/deployments/{id}/resources/{resourceId}", id, resourceId);

    // then
    file.then().statusCode(200).contentType("application/xml");
    assertThat(file.header("Content-Disposition"))
        .isEqualTo("attachment; filename=\"evil_name__" + key + "_.bpmn\"");
    assertThat(file.asString()).isEqualTo(xml);
    asDemo()
        .get("/api/deployments/{id}/resources/{resourceId}", id, "no-such-resource")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void shouldLetEveryPersonReadButOnlyAdminDeleteAndChangeNothingOnRefusal() throws IOException {
    // given
    String key = uniqueKey("guarded");
    String id = deploy(key, null);

    // when / then: analysts and operators read the list, workers do not
    RoleUsers.as(Roles.ANALYST).get("/api/deployments").then().statusCode(200);
    RoleUsers.as(Roles.OPERATOR).get("/api/deployments").then().statusCode(200);
    for (String role : List.of(Roles.ANALYST, Roles.OPERATOR)) {
      RoleUsers.as(role)
          .delete("/api/deployments/{id}?cascade=true", id)
          .then()
          .statusCode(403)
          .contentType("application/problem+json");
    }
    String workerId = "dw-" + UUID.randomUUID().toString().substring(0, 8);
    String workerKey =
        asDemo()
            .contentType(ContentType.JSON)
            .body(Map.of("workerId", workerId, "topics", List.of("shipping")))
            .post("/api/workers")
            .then()
            .statusCode(201)
            .extract()
            .path("key");
    given()
        .auth()
        .preemptive()
        .basic(workerId, workerKey)
        .get("/api/deployments")
        .then()
        .statusCode(403);
    assertThat(deploymentExists(id)).isTrue();

    // and the administrator deletes it
    asDemo().delete("/api/deployments/{id}?cascade=false", id).then().statusCode(204);
    assertThat(deploymentExists(id)).isFalse();
  }

  private static boolean deploymentExists(String id) {
    return asDemo().get("/engine-rest/deployment/{id}", id).statusCode() == 200;
  }

  private static String deploy(String key, String note) throws IOException {
    return DeploymentIT.deploy(xml(key), null, note)
        .then()
        .statusCode(201)
        .extract()
        .path("deploymentId");
  }

  private static String start(String key, int amount) {
    return asDemo()
        .contentType(ContentType.JSON)
        .body(Map.of("businessKey", key + "-" + amount, "variables", Map.of("amount", amount)))
        .post("/api/processes/{key}/instances", key)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private static String state(String instanceId) {
    return asDemo().get("/api/instances/{id}", instanceId).then().extract().path("state");
  }

  /**
   * The remote order variant under another process key: its instances wait at the shipping task.
   */
  public static String xml(String key) throws IOException {
    return Files.readString(REMOTE, StandardCharsets.UTF_8)
        .replace("id=\"order-fulfillment-remote\"", "id=\"" + key + "\"")
        .replace("bpmnElement=\"order-fulfillment-remote\"", "bpmnElement=\"" + key + "\"");
  }
}
