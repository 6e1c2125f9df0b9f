package dev.baton.engine.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.engine.workers.ExternalTaskCall.Operation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExternalTaskCallTest {

  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void shouldReadFetchAndLockWorkerTopicsAndLongPoll() throws IOException {
    // given
    String body =
        "{\"workerId\":\"w1\",\"maxTasks\":2,\"asyncResponseTimeout\":20000,"
            + "\"topics\":[{\"topicName\":\"shipping\",\"lockDuration\":1000},{\"topicName\":\"billing\"}]}";

    // when
    ExternalTaskCall call = parse("POST", "/external-task/fetchAndLock", body);

    // then
    assertThat(call.operation()).isEqualTo(Operation.FETCH_AND_LOCK);
    assertThat(call.workerId()).isEqualTo("w1");
    assertThat(call.topics()).containsExactly("shipping", "billing");
    assertThat(call.longPollMillis()).isEqualTo(20_000);
  }

  @ParameterizedTest
  @CsvSource({
    "complete, COMPLETE",
    "failure, FAILURE",
    "bpmnError, BPMN_ERROR",
    "extendLock, EXTEND_LOCK"
  })
  void shouldReadTaskOperationAndWorker(String path, Operation operation) throws IOException {
    ExternalTaskCall call = parse("POST", "/external-task/task-1/" + path, "{\"workerId\":\"w2\"}");

    assertThat(call.operation()).isEqualTo(operation);
    assertThat(call.taskId()).isEqualTo("task-1");
    assertThat(call.workerId()).isEqualTo("w2");
  }

  @Test
  void shouldReadUnlockWithoutBody() throws IOException {
    ExternalTaskCall call = parse("POST", "/external-task/task-9/unlock", "");

    assertThat(call.operation()).isEqualTo(Operation.UNLOCK);
    assertThat(call.taskId()).isEqualTo("task-9");
  }

  @ParameterizedTest
  @CsvSource({
    "GET, /external-task",
    "GET, /external-task/task-1",
    "PUT, /external-task/task-1/retries",
    "POST, /external-task/count",
    "POST, /external-task/task-1/complete/extra"
  })
  void shouldTreatEverythingElseAsOther(String method, String path) throws IOException {
    assertThat(parse(method, path, "{}").isProtocol()).isFalse();
  }

  @Test
  void shouldRefuseProtocolCallWhoseBodyIsNotAJsonObject() {
    assertThatThrownBy(() -> parse("POST", "/external-task/fetchAndLock", "[]"))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> parse("POST", "/external-task/t/complete", ""))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> parse("POST", "/external-task/t/complete", "{oops"))
        .isInstanceOf(IOException.class);
  }

  private ExternalTaskCall parse(String method, String path, String body) throws IOException {
    return ExternalTaskCall.parse(method, path, body.getBytes(StandardCharsets.UTF_8), mapper);
  }
}
