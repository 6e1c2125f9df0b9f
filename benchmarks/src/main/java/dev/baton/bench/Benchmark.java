package dev.baton.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every selected scenario against the default Camunda app and against Baton, one after the
 * other on the same machine and database kind, and prints the table.
 */
final class Benchmark {

  private final BenchOptions options;
  private final Report report = new Report();
  private final Path work;

  private Benchmark(BenchOptions options) throws Exception {
    this.options = options;
    this.work = Files.createTempDirectory("baton-bench-");
  }

  static int run(BenchOptions options) throws Exception {
    for (Path jar : List.of(options.batonLauncher(), options.benchJar())) {
      if (!Files.exists(jar)) {
        System.err.println(jar + " is missing: build first with 'mvn -B -DskipTests package'");
        return 2;
      }
    }
    warnIfNoClassDataArchive(options.batonLauncher());
    Benchmark benchmark = new Benchmark(options);
    long started = System.nanoTime();
    List<Target> targets = new ArrayList<>();
    if (!options.only().equals("baton")) {
      targets.add(Target.camundaDefault(options.benchJar(), options.baselineDurable()));
    }
    if (!options.only().equals("default")) {
      targets.add(Target.baton(options.batonLauncher()));
    }
    for (Target target : targets) {
      benchmark.h2Scenarios(target);
    }
    if (options.scenarios().contains("console")) {
      for (Target target : targets) {
        for (int size : options.consoleSizes()) {
          new ConsoleQueries(target, benchmark.report, benchmark.work, options.quick()).run(size);
        }
      }
    }
    if (options.scenarios().contains("postgres")) {
      for (Target target : targets) {
        benchmark.postgresScenario(target);
      }
    }
    long minutes = (System.nanoTime() - started) / 60_000_000_000L;
    String header =
        "Run of %s, %s mode, %d rounds after a warm-up, %s (%d cores), baseline H2 %s; took %d min.\n"
            .formatted(
                LocalDateTime.now().withNano(0),
                options.quick() ? "quick" : "full",
                options.rounds(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                options.baselineDurable() ? "durable (WRITE_DELAY=0)" : "at its 500 ms write delay",
                minutes);
    String baseline = "Camunda default";
    String baton = "Baton";
    System.out.println("\n" + header);
    System.out.println(benchmark.report.markdown(baseline, baton));
    benchmark.report.write(options.out(), header, baseline, baton);
    System.out.println("Written to " + options.out());
    return 0;
  }

  /**
   * bin/baton starts the plain jar when the jar was rebuilt after the class-data archive (e.g. by a
   * test run with -Dbaton.cds.skip=true): boot then takes about half again as long.
   */
  private static void warnIfNoClassDataArchive(Path launcher) throws java.io.IOException {
    Path target = launcher.toAbsolutePath().getParent().resolveSibling("engine").resolve("target");
    Path archived = target.resolve("baton-app").resolve("baton.jar");
    Path jar = target.resolve("baton.jar");
    if (!Files.exists(archived)
        || Files.exists(jar)
            && Files.getLastModifiedTime(jar).compareTo(Files.getLastModifiedTime(archived)) > 0) {
      System.out.println(
          "WARNING: "
              + jar
              + " is newer than its class-data archive; bin/baton will start it without the"
              + " archive. Rebuild with 'mvn -B -DskipTests package' for Baton's real boot.");
    }
  }

  private void h2Scenarios(Target target) throws Exception {
    System.out.println("== " + target.name() + " on an H2 file");
    Database database = Database.h2(Files.createDirectories(work.resolve(slug(target) + "-h2")));
    Path log = work.resolve(slug(target) + ".log");
    try {
      h2Scenarios(target, database, log);
    } finally {
      database.drop();
    }
  }

  private void h2Scenarios(Target target, Database database, Path log) throws Exception {
    int rounds = options.rounds();
    String name = target.name();
    try (AppProcess app = AppProcess.start(target, database, log)) {
      deploy(target, app.http());
      int sync = options.instances(2_000);
      int async = options.instances(3_000);
      int external = options.instances(2_000);
      if (options.scenarios().contains("sync")) {
        throughput(
            app,
            name,
            "1. in-process steps, no save points",
            "—",
            sync,
            () -> Throughput.sync(app.http(), sync, rounds));
      }
      if (options.scenarios().contains("async")) {
        throughput(
            app,
            name,
            "2. in-process steps as save points",
            "≥ 5× and ≥ 1,000/s",
            async,
            () -> Throughput.untilEnd(app.http(), Shape.ASYNC, async, rounds, null));
      }
      if (options.scenarios().contains("external")) {
        throughput(
            app,
            name,
            "3a. external tasks, official client per topic",
            "≥ 2×",
            external,
            () ->
                Throughput.untilEnd(
                    app.http(),
                    Shape.EXTERNAL,
                    external,
                    rounds,
                    () -> Workers.officialClients(target, app.http())));
        if (target.hasWorkerKit()) {
          throughput(
              app,
              name,
              "3b. external tasks, Baton worker kit",
              "≥ 5× the baseline's 3a",
              external,
              () ->
                  Throughput.untilEnd(
                      app.http(),
                      Shape.EXTERNAL,
                      external,
                      rounds,
                      () -> Workers.kit(target, app.http(), 32)));
        }
      }
      if (options.scenarios().contains("latency")) {
        latency(target, app, "official client", () -> Workers.officialClients(target, app.http()));
        if (target.hasWorkerKit()) {
          latency(target, app, "worker kit", () -> Workers.kit(target, app.http(), 32));
        }
      }
    }
    if (options.scenarios().contains("boot")) {
      boot(target, database, log);
    }
  }

  /**
   * One throughput scenario: its rate, and the CPU time the application spent per instance over the
   * warm-up and all rounds (a figure other load on the machine disturbs much less).
   */
  private void throughput(
      AppProcess app,
      String name,
      String scenario,
      String goal,
      int instances,
      java.util.concurrent.Callable<Stats> rounds)
      throws Exception {
    long cpu = app.cpuMillis();
    report.add(scenario, "instances/s", true, goal, name, rounds.call());
    int total = Math.max(100, instances / 4) + options.rounds() * instances;
    double perInstance = (app.cpuMillis() - cpu) / (double) total;
    report.add(
        scenario + ": CPU per instance",
        "ms",
        false,
        "—",
        name,
        new Stats(perInstance, perInstance, perInstance));
  }

  private void latency(
      Target target, AppProcess app, String workers, Throughput.WorkerFactory factory)
      throws Exception {
    List<Double> p50 = new ArrayList<>();
    List<Double> p99 = new ArrayList<>();
    for (int round = 0; round < options.slowRounds(); round++) {
      double[] figures = Latency.measure(app.http(), factory, 200);
      System.out.printf(
          "    latency round %d: p50 %.0f ms, p99 %.0f ms%n", round + 1, figures[0], figures[1]);
      p50.add(figures[0]);
      p99.add(figures[1]);
    }
    report.add(
        "4. idle latency start→end, 3 external steps, p50 (" + workers + ")",
        "ms",
        false,
        "≤ 10 ms",
        target.name(),
        Stats.of(p50));
    report.add(
        "4. idle latency start→end, 3 external steps, p99 (" + workers + ")",
        "ms",
        false,
        "≤ 30 ms",
        target.name(),
        Stats.of(p99));
  }

  /** Boot to ready and resident memory, on the database the scenarios left behind. */
  private void boot(Target target, Database database, Path log) throws Exception {
    List<Double> boot = new ArrayList<>();
    List<Double> rss = new ArrayList<>();
    int rounds = options.slowRounds();
    for (int round = 0; round < rounds; round++) {
      try (AppProcess app = AppProcess.start(target, database, log)) {
        Thread.sleep(2_000);
        boot.add((double) app.bootMillis() / 1000.0);
        rss.add((double) app.residentMiB());
        System.out.printf(
            "    boot round %d: %.1f s, %d MiB%n",
            round + 1, app.bootMillis() / 1000.0, app.residentMiB());
      }
    }
    report.add(
        "5. boot to ready (existing database)", "s", false, "≤ 6 s", target.name(), Stats.of(boot));
    report.add(
        "5. resident memory after boot", "MiB", false, "≤ 450 MB", target.name(), Stats.of(rss));
  }

  private void postgresScenario(Target target) throws Exception {
    System.out.println("== " + target.name() + " on PostgreSQL");
    Database database =
        Database.postgres(
            options.postgresUrl(), Files.createDirectories(work.resolve(slug(target) + "-pg")));
    try (AppProcess app =
        AppProcess.start(target, database, work.resolve(slug(target) + "-pg.log"))) {
      deploy(target, app.http());
      report.add(
          "7. save points on PostgreSQL",
          "instances/s",
          true,
          "—",
          target.name(),
          Throughput.untilEnd(
              app.http(), Shape.ASYNC, options.instances(3_000), options.rounds(), null));
    } finally {
      database.drop();
    }
  }

  private static void deploy(Target target, Http http) throws Exception {
    for (Shape shape : Shape.values()) {
      http.deploy(shape.key, target.bpmn(shape));
    }
  }

  private static String slug(Target target) {
    return target.name().toLowerCase().replace(' ', '-');
  }
}
