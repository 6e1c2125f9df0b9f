package dev.baton.engine.events;

import java.util.List;

/**
 * One destination of the publisher's rounds (RabbitMQ, webhooks). Every sink takes every round's
 * rows inside the round's transaction, before the rows are deleted or marked published: a sink that
 * writes to the database commits with that mark, and a sink that throws fails the whole round, so
 * its rows stay in the outbox for every sink to take again.
 */
public interface EventSink {

  /** Takes a round's rows, in sequence order; called also for an empty round (an idle tick). */
  void take(List<PendingEvent> events);
}
