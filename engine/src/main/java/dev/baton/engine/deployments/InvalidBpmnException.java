package dev.baton.engine.deployments;

import dev.baton.adapters.rules.Problem;
import java.util.List;

/** A file that failed validation; answered as 400 with the list of problems. */
public class InvalidBpmnException extends RuntimeException {

  private final List<Problem> problems;

  public InvalidBpmnException(List<Problem> problems) {
    super(summary(problems));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }

  private static String summary(List<Problem> problems) {
    long errors = problems.stream().filter(Problem::isError).count();
    return errors == 1
        ? problems.stream().filter(Problem::isError).findFirst().orElseThrow().message()
        : errors + " problems prevent the deployment";
  }
}
