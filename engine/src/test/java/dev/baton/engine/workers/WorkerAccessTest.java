package dev.baton.engine.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.baton.engine.workers.ExternalTaskCall.Operation;
import java.util.Set;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.externaltask.ExternalTaskQuery;
import org.junit.jupiter.api.Test;

class WorkerAccessTest {

  private static final WorkerPrincipal SHIPPER = new WorkerPrincipal("shipper", Set.of("shipping"));

  private final ExternalTaskService tasks = mock(ExternalTaskService.class);
  private final WorkerAccess access = new WorkerAccess(tasks);

  @Test
  void shouldRefuseAnythingButTheWorkerProtocol() {
    assertThat(access.refusal(SHIPPER, call(Operation.OTHER, null, null), null))
        .contains("allows only fetchAndLock");
  }

  @Test
  void shouldRefuseABodyThatNamesAnotherWorker() {
    assertThat(access.refusal(SHIPPER, call(Operation.COMPLETE, "t1", "billing"), "shipper"))
        .contains("Signed in as worker 'shipper'")
        .contains("'billing'");
  }

  @Test
  void shouldLetAWorkerFetchItsOwnTopicsOnly() {
    ExternalTaskCall own = fetch(Set.of("shipping"));
    ExternalTaskCall foreign = fetch(Set.of("shipping", "payment"));

    assertThat(access.refusal(SHIPPER, own, null)).isNull();
    assertThat(access.refusal(SHIPPER, foreign, null))
        .contains("may not fetch [payment]")
        .contains("its topics are [shipping]");
  }

  @Test
  void shouldTrustWhatThisNodeHandedToTheWorkerWithoutALookUp() {
    // when
    String refusal = access.refusal(SHIPPER, call(Operation.COMPLETE, "t1", "shipper"), "shipper");

    // then
    assertThat(refusal).isNull();
    verifyNoInteractions(tasks);
  }

  @Test
  void shouldRefuseATaskLockedByAnotherWorker() {
    // given
    lockedBy("t1", "billing");

    // when / then
    assertThat(access.refusal(SHIPPER, call(Operation.FAILURE, "t1", "shipper"), null))
        .isEqualTo("Task t1 is not locked by worker 'shipper'");
  }

  @Test
  void shouldCheckTheLockOwnerOnUnlockEvenWhenThisNodeHandedTheTaskOut() {
    // given unlock names no worker in its body; the task is locked by another worker now
    lockedBy("t1", "billing");

    // when / then
    assertThat(access.refusal(SHIPPER, call(Operation.UNLOCK, "t1", null), "shipper"))
        .contains("is not locked by worker 'shipper'");
  }

  @Test
  void shouldLetTheEngineAnswerForATaskThatIsGone() {
    // given
    lockedBy("t1", null);
    ExternalTaskQuery query = mock(ExternalTaskQuery.class, RETURNS_SELF);
    when(tasks.createExternalTaskQuery()).thenReturn(query);
    when(query.singleResult()).thenReturn(null);

    // when / then
    assertThat(access.refusal(SHIPPER, call(Operation.COMPLETE, "t1", "shipper"), null)).isNull();
  }

  private void lockedBy(String taskId, String workerId) {
    ExternalTask task = mock(ExternalTask.class);
    when(task.getWorkerId()).thenReturn(workerId);
    ExternalTaskQuery query = mock(ExternalTaskQuery.class, RETURNS_SELF);
    when(tasks.createExternalTaskQuery()).thenReturn(query);
    when(query.singleResult()).thenReturn(task);
  }

  private static ExternalTaskCall call(Operation operation, String taskId, String workerId) {
    return new ExternalTaskCall(operation, taskId, workerId, Set.of(), 0);
  }

  private static ExternalTaskCall fetch(Set<String> topics) {
    return new ExternalTaskCall(Operation.FETCH_AND_LOCK, null, "shipper", topics, 0);
  }
}
