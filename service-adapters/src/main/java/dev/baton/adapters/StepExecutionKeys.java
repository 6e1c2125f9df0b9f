package dev.baton.adapters;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

/**
 * What identifies one execution of an adapter step, the part of its idempotency key after {@code
 * <instance id>:}. It is the same on every retry of that execution and differs for every other one
 * (each loop or multi-instance iteration, a step re-entered after a token was moved back):
 *
 * <ul>
 *   <li>the step is its own save point: the job's id. A retry runs the same job again; each
 *       iteration or re-entry gets a new job.
 *   <li>the step runs later inside another step's job (it opted out of its save point): the job's
 *       id, the step's id and how often the step ran before in this run of the job. A retry runs
 *       the job from the same state, so it takes the same path and counts alike.
 *   <li>no job runs it (the synchronous part of a start or of a completed external task): the
 *       activity instance id. A failure there rolls back the whole request, and the caller's next
 *       try is a new execution.
 * </ul>
 */
final class StepExecutionKeys {

  /** Runs of each step per job, for the command running that job; dropped with the command. */
  private final Map<CommandContext, Map<String, Integer>> runs =
      Collections.synchronizedMap(new WeakHashMap<>());

  /** The mark of this execution of the execution's current step. */
  String mark(DelegateExecution execution) {
    CommandContext command = Context.getCommandContext();
    JobEntity job = command == null ? null : command.getCurrentJob();
    if (job == null) {
      return execution.getActivityInstanceId();
    }
    String step = execution.getCurrentActivityId();
    int run = nextRun(command, job.getId() + ":" + step);
    if (run == 1 && step.equals(job.getActivityId())) {
      return job.getId();
    }
    return job.getId() + ":" + step + ":" + run;
  }

  private int nextRun(CommandContext command, String stepInJob) {
    Map<String, Integer> counts = runs.computeIfAbsent(command, c -> new HashMap<>());
    synchronized (counts) {
      return counts.merge(stepInJob, 1, Integer::sum);
    }
  }
}
