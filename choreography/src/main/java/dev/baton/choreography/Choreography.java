package dev.baton.choreography;

import dev.baton.choreography.chain.ChainStep;
import dev.baton.choreography.orders.InventoryService;
import dev.baton.choreography.orders.PaymentService;
import dev.baton.choreography.orders.ShippingService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The services of one flow running in this process, each on its own queue with its own state. In
 * production each would be its own deployable; one process here keeps the reference runnable with
 * one command ({@code services} picks a subset, to run them apart).
 */
public final class Choreography implements AutoCloseable {

  private final Bus bus;
  private final List<ServiceHost> hosts;
  private final StatusServer status;

  private Choreography(Bus bus, List<ServiceHost> hosts, StatusServer status) {
    this.bus = bus;
    this.hosts = hosts;
    this.status = status;
  }

  /** The participants of the flow {@code flow} names: the order services or the N-step chain. */
  public static List<Participant> participants(Settings settings) {
    String flow = settings.text("flow");
    List<Participant> all =
        switch (flow) {
          case "order" -> {
            Ledger ledger = new Ledger(settings);
            yield List.<Participant>of(
                new InventoryService(ledger),
                new PaymentService(ledger),
                new ShippingService(ledger));
          }
          case "chain" -> List.<Participant>copyOf(ChainStep.of(settings.integer("steps")));
          default -> throw new IllegalArgumentException("flow is order or chain, got " + flow);
        };
    return all.stream().filter(p -> settings.runs(p.name())).toList();
  }

  /** Connects, declares and starts every participant of the flow this process runs. */
  public static Choreography start(Settings settings) {
    Bus bus = Bus.connect(settings);
    List<ServiceHost> hosts = new ArrayList<>();
    try {
      for (Participant participant : participants(settings)) {
        hosts.add(ServiceHost.start(participant, bus, settings));
      }
      int port = settings.integer("http-port");
      StatusServer status = port > 0 ? StatusServer.start(port, hosts) : null;
      return new Choreography(bus, hosts, status);
    } catch (RuntimeException e) {
      hosts.forEach(ServiceHost::close);
      bus.close();
      throw e;
    }
  }

  public Bus bus() {
    return bus;
  }

  public List<ServiceHost> hosts() {
    return hosts;
  }

  /** The host of a service by name. */
  public ServiceHost host(String name) {
    return hosts.stream()
        .filter(h -> h.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no service " + name + " here"));
  }

  /** Stops and removes the queues and exchanges (tests and trials). */
  public void closeAndDelete() {
    List<String> queues = hosts.stream().map(ServiceHost::queue).toList();
    stop();
    bus.deleteTopology(queues);
    bus.close();
  }

  private void stop() {
    if (status != null) {
      status.close();
    }
    // all at once: each container takes up to its receive timeout (1 s) to stop
    CountDownLatch stopped = new CountDownLatch(hosts.size());
    hosts.forEach(host -> host.stopConsuming(stopped::countDown));
    try {
      stopped.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    hosts.forEach(ServiceHost::close);
  }

  @Override
  public void close() {
    stop();
    bus.close();
  }
}
