package dev.baton.choreography.chain;

import dev.baton.choreography.Event;
import dev.baton.choreography.Participant;
import dev.baton.choreography.ServiceState;
import dev.baton.choreography.Topics;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Step {@code n} of the generic chain: it does nothing but react to step {@code n-1}'s event (the
 * first to {@code order.placed}) and announce {@code step.n.done}. The chain is the choreographed
 * twin of Baton's N no-op service tasks in a row, with each step's own queue and state.
 */
public final class ChainStep implements Participant {

  private final int n;

  public ChainStep(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("steps count from 1, got " + n);
    }
    this.n = n;
  }

  /** The chain's steps 1 … {@code length}. */
  public static List<ChainStep> of(int length) {
    return java.util.stream.IntStream.rangeClosed(1, length).mapToObj(ChainStep::new).toList();
  }

  @Override
  public String name() {
    return "step-" + n;
  }

  @Override
  public List<String> bindings() {
    // the one line that orders the chain: which event this step waits for
    return List.of(n == 1 ? Topics.ORDER_PLACED : Topics.stepDone(n - 1));
  }

  @Override
  public int position(Event event) {
    return n;
  }

  @Override
  public Reaction react(Event event, Optional<ServiceState.OrderState> known) {
    return new Reaction("DONE", null, event.next(Topics.stepDone(n), Map.of("step" + n, "done")));
  }
}
