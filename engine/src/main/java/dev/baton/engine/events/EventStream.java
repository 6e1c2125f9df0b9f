package dev.baton.engine.events;

import dev.baton.engine.system.BatonProperties;
import dev.baton.engine.system.NotFoundException;
import dev.baton.engine.system.TooManyRequestsException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The console's live process events ({@code GET /api/events/stream}): events of work committed on
 * this node, handed here right after the commit and fanned out to the subscribers that asked for
 * them. The committing thread only offers to bounded queues; writer threads write to the
 * connections. At most {@code max-subscribers} at once; a subscriber that falls {@code
 * queue-capacity} events behind is dropped; a heartbeat comment goes out every {@code heartbeat}.
 */
public final class EventStream implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EventStream.class);

  private final BatonProperties.Events.Stream settings;
  private final List<EventSubscriber> subscribers = new CopyOnWriteArrayList<>();
  private final AtomicInteger open = new AtomicInteger();
  private final ThreadPoolExecutor writers;
  private final ScheduledExecutorService heartbeats;

  EventStream(BatonProperties.Events.Stream settings) {
    this.settings = settings;
    this.writers =
        new ThreadPoolExecutor(
            settings.getWriterThreads(),
            settings.getWriterThreads(),
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            daemons("baton-events-stream-"));
    this.writers.allowCoreThreadTimeOut(true);
    this.heartbeats =
        Executors.newSingleThreadScheduledExecutor(daemons("baton-events-heartbeat-"));
    long every = settings.getHeartbeat().toMillis();
    heartbeats.scheduleAtFixedRate(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
  }

  /**
   * A new subscriber's stream of the events of {@code processKey} and/or {@code instanceId} (blank:
   * any); refused with 429 when {@code max-subscribers} are connected.
   */
  public SseEmitter subscribe(String processKey, String instanceId) {
    if (!settings.isEnabled()) {
      throw new NotFoundException("The event stream is switched off on this node");
    }
    if (open.incrementAndGet() > settings.getMaxSubscribers()) {
      open.decrementAndGet();
      throw new TooManyRequestsException(
          "The event stream has its most subscribers ("
              + settings.getMaxSubscribers()
              + "); try again later",
          Duration.ofSeconds(30));
    }
    SseEmitter emitter = new SseEmitter(settings.getTimeout().toMillis());
    EventSubscriber subscriber =
        new EventSubscriber(
            emitter,
            blankToNull(processKey),
            blankToNull(instanceId),
            settings.getQueueCapacity(),
            writers,
            gone -> {
              subscribers.remove(gone);
              open.decrementAndGet();
            });
    emitter.onCompletion(subscriber::close);
    emitter.onTimeout(
        () -> {
          // the stream's planned end: the browser reconnects after the retry time
          subscriber.close();
          emitter.complete();
        });
    emitter.onError(failure -> subscriber.close());
    try {
      // sent once the response starts: the browser's EventSource opens now, not at the first event
      emitter.send(
          SseEmitter.event()
              .reconnectTime(settings.getReconnect().toMillis())
              .comment("connected"));
    } catch (IOException e) {
      subscriber.close();
      throw new IllegalStateException("The event stream could not be opened", e);
    }
    subscribers.add(subscriber);
    return emitter;
  }

  /** Whether anyone listens: without subscribers, committed work costs the stream nothing. */
  boolean hasSubscribers() {
    return !subscribers.isEmpty();
  }

  /** Subscribers connected now. */
  public int subscribers() {
    return open.get();
  }

  /**
   * Events whose transaction committed: offered to each subscriber that wants them; never waits.
   */
  void publish(List<OutboxEvent> events) {
    try {
      for (OutboxEvent event : events) {
        LiveEvent live = null;
        for (EventSubscriber subscriber : subscribers) {
          if (subscriber.wants(event)) {
            if (live == null) {
              live = new LiveEvent(event);
            }
            subscriber.offer(live);
          }
        }
      }
    } catch (RuntimeException e) {
      // after the commit, on the engine's thread: the stream's trouble must never reach the engine
      log.warn("Committed process events could not be offered to the event stream", e);
    }
  }

  private void heartbeat() {
    for (EventSubscriber subscriber : subscribers) {
      subscriber.offer(EventSubscriber.HEARTBEAT);
    }
  }

  @Override
  public void close() {
    heartbeats.shutdownNow();
    for (EventSubscriber subscriber : subscribers) {
      subscriber.close();
      subscriber.emitter().complete();
    }
    writers.shutdownNow();
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }

  private static ThreadFactory daemons(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
