package dev.baton.engine.deployments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.baton.engine.BatonIT;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Diagrams written by Camunda Modeler in public projects: each deploys and starts, or is refused
 * with problems that name the elements needing code Baton does not have.
 */
class DeploymentCorpusIT extends BatonIT {

  static Stream<Path> corpus() throws IOException {
    Path folder = Path.of(System.getProperty("baton.it.corpus", "../../shared/bpmn-corpus"));
    assertThat(folder).as("the BPMN corpus beside the checkout").isDirectory();
    try (Stream<Path> files = Files.list(folder)) {
      List<Path> bpmn = files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
      assertThat(bpmn).isNotEmpty();
      return bpmn.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void shouldDeployAndStartOrRefuseWithNamedProblems(Path file) throws IOException {
    // given
    byte[] xml = Files.readAllBytes(file);
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    Process process =
        model.getModelElementsByType(Process.class).stream()
            .filter(Process::isExecutable)
            .findFirst()
            .orElseThrow();

    // when
    Response deployed =
        DeploymentIT.deploy(new String(xml, java.nio.charset.StandardCharsets.UTF_8), null, null);

    // then
    if (deployed.statusCode() == 400) {
      JsonPath problems = deployed.jsonPath();
      assertThat(problems.getList("problems")).isNotEmpty();
      assertThat(problems.getList("problems.rule"))
          .allSatisfy(
              rule ->
                  assertThat(rule)
                      .isIn(
                          "java-class", "bean-expression", "expression", "script-task", "script"));
      assertThat(problems.getList("problems.elementId")).doesNotContainNull();
      return;
    }
    assertThat(deployed.statusCode()).as(deployed.asString()).isIn(200, 201);
    assertThat(start(process)).as("an instance of %s started", process.getId()).isTrue();
  }

  /**
   * Starts by a none start event through Baton's API or by its start message; a timer start event
   * starts instances by itself (the definition is suspended afterwards so it stops doing so).
   */
  private static boolean start(Process process) {
    for (StartEvent start : process.getChildElementsByType(StartEvent.class)) {
      MessageEventDefinition message =
          start.getChildElementsByType(MessageEventDefinition.class).stream()
              .findFirst()
              .orElse(null);
      if (message == null && start.getEventDefinitions().isEmpty()) {
        return asDemo()
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/processes/{key}/instances", process.getId())
                .statusCode()
            == 201;
      }
      if (message != null) {
        return asDemo()
                .contentType(ContentType.JSON)
                .body(Map.of("messageName", message.getMessage().getName()))
                .post("/engine-rest/message")
                .statusCode()
            == 204;
      }
      if (!start.getChildElementsByType(TimerEventDefinition.class).isEmpty()) {
        try {
          await()
              .atMost(Duration.ofSeconds(30))
              .until(
                  () ->
                      asDemo()
                              .get(
                                  "/engine-rest/history/process-instance/count?processDefinitionKey={key}",
                                  process.getId())
                              .then()
                              .extract()
                              .jsonPath()
                              .getLong("count")
                          > 0);
          return true;
        } finally {
          asDemo()
              .contentType(ContentType.JSON)
              .body(Map.of("suspended", true, "includeProcessInstances", true))
              .put("/engine-rest/process-definition/key/{key}/suspended", process.getId())
              .then()
              .statusCode(204);
        }
      }
    }
    return false;
  }
}
