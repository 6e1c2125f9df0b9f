package dev.baton.bench;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Command-line options. {@code --quick} runs scenarios 1–5 with smaller rounds and one latency and
 * boot round (under 3 minutes on 2 cores); {@code --scenarios=sync,async,...} picks scenarios;
 * {@code --baton} (the launcher) and {@code --out} locate files. The baseline's H2 file commits
 * durably, as Baton's and as the scenarios require; {@code --baseline-h2=default} gives it H2's own
 * 500 ms write delay instead (faster, and loses the last commits on {@code kill -9}).
 */
record BenchOptions(
    boolean quick,
    Set<String> scenarios,
    int rounds,
    Path batonLauncher,
    Path benchJar,
    Path out,
    String postgresUrl,
    String only,
    int[] consoleSizes,
    boolean baselineDurable) {

  static final List<String> ALL =
      List.of("sync", "async", "external", "latency", "boot", "console", "postgres");

  static BenchOptions parse(String[] args) {
    boolean quick = false;
    Set<String> scenarios = null;
    Integer rounds = null;
    Path batonLauncher = Path.of("bin/baton");
    Path benchJar = Path.of("benchmarks/target/baton-bench.jar");
    Path out = Path.of("benchmarks/target/results.md");
    String postgres = "jdbc:postgresql://127.0.0.1:5432/";
    String only = "both";
    int[] consoleSizes = null;
    boolean baselineDurable = true;
    for (String arg : args) {
      String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
      if (arg.equals("--quick")) {
        quick = true;
      } else if (arg.startsWith("--scenarios=")) {
        scenarios = new LinkedHashSet<>(List.of(value.split(",")));
        if (!ALL.containsAll(scenarios)) {
          throw new IllegalArgumentException("Scenarios are " + ALL + ", not " + value);
        }
      } else if (arg.startsWith("--rounds=")) {
        rounds = Integer.parseInt(value);
      } else if (arg.startsWith("--baton=")) {
        batonLauncher = Path.of(value);
      } else if (arg.startsWith("--bench-jar=")) {
        benchJar = Path.of(value);
      } else if (arg.startsWith("--out=")) {
        out = Path.of(value);
      } else if (arg.startsWith("--console-sizes=")) {
        consoleSizes =
            java.util.Arrays.stream(value.split(",")).mapToInt(Integer::parseInt).toArray();
      } else if (arg.startsWith("--only=")) {
        only = value;
      } else if (arg.startsWith("--baseline-h2=")) {
        if (!List.of("durable", "default").contains(value)) {
          throw new IllegalArgumentException("--baseline-h2 is durable or default, not " + value);
        }
        baselineDurable = value.equals("durable");
      } else if (arg.startsWith("--postgres=")) {
        postgres = value;
      } else {
        throw new IllegalArgumentException(
            "Unknown option "
                + arg
                + "; use --quick, --scenarios="
                + String.join(",", ALL)
                + ", --rounds=N, --console-sizes=100000,1000000, --only=baton|default, --baseline-h2=durable|default, --baton=launcher, --bench-jar=, --out=, --postgres=jdbc-url-prefix");
      }
    }
    if (scenarios == null) {
      // quick: the scenarios that need no seeding and no second database
      scenarios = new LinkedHashSet<>(quick ? ALL.subList(0, 5) : ALL);
    }
    if (consoleSizes == null) {
      consoleSizes = quick ? new int[] {20_000} : new int[] {100_000, 1_000_000};
    }
    return new BenchOptions(
        quick,
        scenarios,
        rounds != null ? rounds : 3,
        batonLauncher,
        benchJar,
        out,
        postgres,
        only,
        consoleSizes,
        baselineDurable);
  }

  /** Rounds of the latency and boot scenarios. */
  int slowRounds() {
    return quick ? 1 : rounds;
  }

  /** Instances per round of a throughput scenario. */
  int instances(int full) {
    return quick ? Math.max(300, full / 6) : full;
  }
}
