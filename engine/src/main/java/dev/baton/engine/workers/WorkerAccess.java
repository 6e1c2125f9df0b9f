package dev.baton.engine.workers;

import dev.baton.engine.workers.ExternalTaskCall.Operation;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.springframework.stereotype.Component;

/** What a worker signed in with its key may do: the protocol, on its own topics and tasks only. */
@Component
public class WorkerAccess {

  private final ExternalTaskService tasks;

  WorkerAccess(ExternalTaskService tasks) {
    this.tasks = tasks;
  }

  /**
   * Why this call is refused, or {@code null} when it may go ahead. {@code handedTo} is the worker
   * this node handed the call's task to, if it knows: then the task is not looked up. The engine
   * checks the lock owner against the body's {@code workerId} (held to the signed-in worker here)
   * on every complete, failure, BPMN error and lock extension anyway; this check turns a foreign
   * task into a clear 403.
   */
  String refusal(WorkerPrincipal worker, ExternalTaskCall call, String handedTo) {
    if (!call.isProtocol()) {
      return "A worker key allows only fetchAndLock, complete, failure, bpmnError, extendLock and unlock";
    }
    if (call.operation() != Operation.UNLOCK && !worker.workerId().equals(call.workerId())) {
      return "Signed in as worker '"
          + worker.workerId()
          + "' but the body names workerId '"
          + call.workerId()
          + "'";
    }
    if (call.operation() == Operation.FETCH_AND_LOCK) {
      Set<String> foreign = new TreeSet<>(call.topics());
      foreign.removeAll(worker.topics());
      return foreign.isEmpty()
          ? null
          : "Worker '"
              + worker.workerId()
              + "' may not fetch "
              + foreign
              + "; its topics are "
              + worker.topics();
    }
    if (call.operation() != Operation.UNLOCK && worker.workerId().equals(handedTo)) {
      return null;
    }
    ExternalTask task =
        tasks.createExternalTaskQuery().externalTaskId(call.taskId()).singleResult();
    if (task != null && !Objects.equals(task.getWorkerId(), worker.workerId())) {
      return "Task " + call.taskId() + " is not locked by worker '" + worker.workerId() + "'";
    }
    return null;
  }
}
