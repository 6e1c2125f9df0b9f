package dev.baton.choreography;

import java.util.List;
import java.util.Optional;

/**
 * One service of a choreography: the events it reacts to and what it does about each. Queues,
 * deduplication, retries, acknowledgement and state are {@link ServiceHost}'s; a participant only
 * makes its call and says what happened.
 */
public interface Participant {

  /** The service's name: its queue, its table prefix and its path under the status server. */
  String name();

  /** The routing keys its queue is bound to. */
  List<String> bindings();

  /**
   * Where reacting to this event sits in the flow, for failure injection ({@code fail-step}): 1 is
   * the first step; 0 for a compensation, which is never made to fail.
   */
  int position(Event event);

  /**
   * Does the service's work for the event; throws {@link Ledger.Unavailable} to be retried.
   *
   * @param known what this service recorded about the order so far (its own state, nobody else's)
   */
  Reaction react(Event event, Optional<ServiceState.OrderState> known);

  /**
   * What the service did.
   *
   * @param status where the order now is for this service (its own vocabulary)
   * @param reference what the service's ledger answered to remember (a reservation id …), or null
   * @param next the event to publish, or null
   */
  record Reaction(String status, String reference, Event next) {}
}
