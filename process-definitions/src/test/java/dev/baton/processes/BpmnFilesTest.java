package dev.baton.processes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.adapters.AdapterBinding;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** House rules every shipped diagram must meet, checked on the files themselves. */
class BpmnFilesTest {

  static Stream<Path> bpmnFiles() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(Path.of("src/main/resources/bpmn"))) {
      files = walk.filter(p -> p.toString().endsWith(".bpmn")).toList();
    }
    assertThat(files).isNotEmpty();
    return files.stream();
  }

  @ParameterizedTest
  @MethodSource("bpmnFiles")
  void shouldBeExecutableWithHistoryTimeToLive(Path file) throws IOException {
    BpmnModelInstance model = read(file);

    for (Process process : model.getModelElementsByType(Process.class)) {
      assertThat(process.isExecutable()).as("%s is executable", process.getId()).isTrue();
      assertThat(process.getCamundaHistoryTimeToLiveString())
          .as("%s historyTimeToLive", process.getId())
          .isNotBlank();
    }
  }

  @ParameterizedTest
  @MethodSource("bpmnFiles")
  void shouldBindEveryServiceTaskAsSavePointWithRetryCycle(Path file) throws IOException {
    BpmnModelInstance model = read(file);

    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      boolean external = "external".equals(task.getCamundaType());
      if (!external) {
        assertThat(task.getCamundaDelegateExpression())
            .as("%s delegate", task.getId())
            .isEqualTo("${batonAdapter}");
        assertThat(AdapterBinding.adapterProperty(task.getExtensionElements()))
            .as("%s adapter", task.getId())
            .isNotBlank();
        assertThat(task.isCamundaAsyncBefore()).as("%s is a save point", task.getId()).isTrue();
        assertThat(
                task.getExtensionElements()
                    .getChildElementsByType(CamundaFailedJobRetryTimeCycle.class))
            .as("%s retry cycle", task.getId())
            .isNotEmpty();
      } else {
        // an external task's retries are its worker's to set, with each failure it reports
        assertThat(task.getCamundaTopic()).as("%s topic", task.getId()).isNotBlank();
      }
    }
  }

  private static BpmnModelInstance read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      BpmnModelInstance model = Bpmn.readModelFromStream(in);
      Bpmn.validateModel(model);
      return model;
    }
  }
}
