package dev.baton.bench;

import dev.baton.bench.camunda.DefaultCamundaApp;
import java.util.Arrays;

/**
 * The benchmark jar's entry point. {@code java -jar baton-bench.jar [--quick] ...} runs the
 * benchmark; {@code java -jar baton-bench.jar camunda-default ...} is how the benchmark starts the
 * baseline application in its own process.
 */
public final class BenchMain {

  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals(DefaultCamundaApp.COMMAND)) {
      DefaultCamundaApp.main(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    System.exit(Benchmark.run(BenchOptions.parse(args)));
  }
}
