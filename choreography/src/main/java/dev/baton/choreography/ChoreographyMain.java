package dev.baton.choreography;

import dev.baton.choreography.runner.OrderRunner;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code services [--key=value …]} runs the flow's services until stopped; {@code run [--key=value
 * …]} places orders and prints throughput and latency (starting the services in this process unless
 * {@code --start-services=false}).
 */
public final class ChoreographyMain {

  private ChoreographyMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0 || !List.of("services", "run").contains(args[0])) {
      System.err.println(
          "usage: services|run [--key=value ...]; keys and defaults: " + Settings.DEFAULTS);
      System.exit(2);
    }
    Settings settings = Settings.parse(Arrays.asList(args).subList(1, args.length));
    if (args[0].equals("services")) {
      serve(settings);
    } else {
      run(settings);
      System.exit(0);
    }
  }

  private static void serve(Settings settings) throws InterruptedException {
    Choreography choreography = Choreography.start(settings);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  choreography.close();
                  stopped.countDown();
                }));
    stopped.await();
  }

  private static void run(Settings settings) throws InterruptedException {
    Choreography services = settings.flag("start-services") ? Choreography.start(settings) : null;
    try {
      OrderRunner.Result result = OrderRunner.run(settings);
      System.out.println("choreography, flow " + settings.text("flow") + describeSteps(settings));
      System.out.println(result.describe());
      if (result.stuck() > 0) {
        System.out.println(
            "stuck (first 10): "
                + result.stuckOrders().subList(0, Math.min(10, result.stuckOrders().size()))
                + "; ask each service where they are: GET /{service}/orders/{id} (--http-port)");
      }
    } finally {
      if (services != null) {
        services.close();
      }
    }
  }

  private static String describeSteps(Settings settings) {
    return settings.text("flow").equals("chain") ? ", " + settings.integer("steps") + " steps" : "";
  }
}
