package dev.baton.engine.events;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One console (or tool) reading the event stream: its filters and a bounded queue between the
 * threads that commit and the one write to its connection at a time. Offering never waits: a
 * subscriber whose queue is full is too slow and is dropped (its browser reconnects).
 */
final class EventSubscriber {

  /** A comment line that keeps proxies and the browser from closing an idle stream. */
  static final Object HEARTBEAT = new Object();

  /** The data line is the JSON text itself, in UTF-8 whatever the converters' default charset. */
  private static final MediaType JSON_TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

  private final SseEmitter emitter;
  private final String processKey;
  private final String instanceId;
  private final BlockingQueue<Object> queue;
  private final Executor writers;
  private final Consumer<EventSubscriber> dropped;
  private final AtomicBoolean writing = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();

  EventSubscriber(
      SseEmitter emitter,
      String processKey,
      String instanceId,
      int capacity,
      Executor writers,
      Consumer<EventSubscriber> dropped) {
    this.emitter = emitter;
    this.processKey = processKey;
    this.instanceId = instanceId;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.writers = writers;
    this.dropped = dropped;
  }

  SseEmitter emitter() {
    return emitter;
  }

  /** Whether this subscriber asked for the event (no filter: every event). */
  boolean wants(OutboxEvent event) {
    return (processKey == null || processKey.equals(event.processDefinitionKey()))
        && (instanceId == null || instanceId.equals(event.processInstanceId()));
  }

  /** Queues an event ({@link LiveEvent}) or a heartbeat; never blocks. */
  void offer(Object item) {
    if (closed.get()) {
      return;
    }
    if (!queue.offer(item)) {
      close();
      // ended on a writer thread: the emitter's lock may be held by a write stuck on this browser
      end();
      return;
    }
    if (writing.compareAndSet(false, true)) {
      try {
        writers.execute(this::write);
      } catch (RuntimeException rejected) {
        writing.set(false);
        close();
      }
    }
  }

  private void end() {
    try {
      writers.execute(
          () -> emitter.completeWithError(new IOException("Event stream subscriber too slow")));
    } catch (RuntimeException rejected) {
      // shutting down: the connection ends with the server
    }
  }

  /** Writes what is queued, on a writer thread; one write task per subscriber at a time. */
  private void write() {
    try {
      Object item;
      while (!closed.get() && (item = queue.poll()) != null) {
        if (item == HEARTBEAT) {
          emitter.send(SseEmitter.event().comment("heartbeat"));
        } else {
          LiveEvent event = (LiveEvent) item;
          emitter.send(
              SseEmitter.event()
                  .id(event.eventId())
                  .name(event.type())
                  .data(event.json(), JSON_TEXT));
        }
      }
    } catch (IOException | IllegalStateException gone) {
      // the browser went away or the emitter completed: Spring calls back to unsubscribe
      close();
    } finally {
      writing.set(false);
    }
    if (!closed.get() && !queue.isEmpty() && writing.compareAndSet(false, true)) {
      writers.execute(this::write);
    }
  }

  void close() {
    if (closed.compareAndSet(false, true)) {
      queue.clear();
      dropped.accept(this);
    }
  }

  boolean closed() {
    return closed.get();
  }
}
