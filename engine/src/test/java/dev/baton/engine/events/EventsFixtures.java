package dev.baton.engine.events;

/** Processes for the event tests in other packages. */
public final class EventsFixtures {

  private EventsFixtures() {}

  /** The key on the first line, then a process of two save points in a row, s1 and s2. */
  public static String twoSavePoints() {
    return EventOutboxIT.twoSavePoints();
  }
}
