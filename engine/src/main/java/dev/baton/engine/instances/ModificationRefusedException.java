package dev.baton.engine.instances;

import dev.baton.engine.system.BadRequestException;
import java.util.List;

/** A modification with instructions that cannot apply: 400 naming each; nothing was changed. */
public class ModificationRefusedException extends BadRequestException {

  /** Why instruction {@code index} (from 0, in the order sent) cannot apply. */
  public record Problem(int index, String type, String activityId, String message) {}

  private final transient List<Problem> problems;

  ModificationRefusedException(List<Problem> problems) {
    super(
        problems.size() == 1
            ? "Instruction " + (problems.get(0).index() + 1) + ": " + problems.get(0).message()
            : problems.size() + " instructions cannot apply; nothing was changed");
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
