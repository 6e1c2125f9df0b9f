package dev.baton.engine.events;

/**
 * A committed process event on its way to the stream's subscribers: its JSON is written once, on
 * the first writer thread that needs it, not on the engine's thread that committed it.
 */
final class LiveEvent {

  private final OutboxEvent event;
  private volatile String json;

  LiveEvent(OutboxEvent event) {
    this.event = event;
  }

  String eventId() {
    return event.eventId();
  }

  String type() {
    return event.type().key();
  }

  String json() {
    String written = json;
    if (written == null) {
      written = EventJson.of(event);
      json = written;
    }
    return written;
  }
}
