package dev.baton.processes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.adapters.AdapterBinding;
import dev.baton.adapters.rules.HouseRules;
import dev.baton.adapters.rules.ModelSettings;
import dev.baton.adapters.rules.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * Every shipped diagram passes the server's house rules ({@link HouseRules}, the one copy the
 * engine's deploy guard uses) with the adapters the engine ships ({@code baton.adapters} in its
 * application.yml) and the default settings.
 */
class BpmnFilesTest {

  /** The engine's configuration: the adapters a shipped diagram may name are listed there. */
  private static final Path ENGINE_CONFIG = Path.of("../engine/src/main/resources/application.yml");

  static Stream<Path> bpmnFiles() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(Path.of("src/main/resources/bpmn"))) {
      files = walk.filter(p -> p.toString().endsWith(".bpmn")).toList();
    }
    assertThat(files).isNotEmpty();
    return files.stream();
  }

  /** The adapter names under {@code baton.adapters} in the engine's application.yml. */
  @SuppressWarnings("unchecked")
  static Set<String> shippedAdapters() throws IOException {
    try (InputStream in = Files.newInputStream(ENGINE_CONFIG)) {
      Map<String, Object> root = new Yaml().load(in);
      Map<String, Object> baton = (Map<String, Object>) root.get("baton");
      return ((Map<String, Object>) baton.get("adapters")).keySet();
    }
  }

  @Test
  void shouldReadTheShippedAdaptersFromTheEngineConfiguration() throws IOException {
    // when
    Set<String> adapters = shippedAdapters();

    // then
    assertThat(adapters).contains("payment-charge", "inventory-reserve", "shipping-ship");
  }

  @ParameterizedTest
  @MethodSource("bpmnFiles")
  void shouldPassTheHouseRulesWithTheShippedAdapters(Path file) throws IOException {
    // given
    HouseRules rules = new HouseRules(shippedAdapters(), ModelSettings.defaults());

    // when
    List<Problem> problems = rules.check(Files.readAllBytes(file));

    // then no error and no warning either: a shipped diagram is the example others copy
    assertThat(problems).as("%s", file).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("bpmnFiles")
  void shouldGiveEveryAdapterStepARetryCycle(Path file) throws IOException {
    // given (a shipped convention on top of the house rules: a failing call is retried on a cycle)
    BpmnModelInstance model;
    try (InputStream in = Files.newInputStream(file)) {
      model = Bpmn.readModelFromStream(in);
    }

    // when / then
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      if (task.getExtensionElements() != null
          && AdapterBinding.adapterProperty(task.getExtensionElements()) != null) {
        assertThat(
                task.getExtensionElements()
                    .getChildElementsByType(CamundaFailedJobRetryTimeCycle.class))
            .as("%s retry cycle", task.getId())
            .isNotEmpty();
      }
    }
  }
}
