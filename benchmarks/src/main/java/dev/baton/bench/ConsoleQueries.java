package dev.baton.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Scenario 6: what an operator's screens ask for when the history holds many finished instances.
 * The history is seeded straight into the engine's tables (an instance, five activity instances and
 * two variables each, start times one second apart), then each screen's calls are timed. Baton
 * answers a screen with one call; the baseline screens are made of Camunda REST calls, timed
 * together.
 */
final class ConsoleQueries {

  private final Target target;
  private final Report report;
  private final Path work;
  private final int samples;

  ConsoleQueries(Target target, Report report, Path work, boolean quick) {
    this.target = target;
    this.report = report;
    this.work = work;
    this.samples = quick ? 10 : 30;
  }

  void run(int size) throws Exception {
    System.out.printf("== %s: console queries with %,d historic instances%n", target.name(), size);
    Path directory = Files.createDirectories(work.resolve(slug() + "-console-" + size));
    Database database = Database.h2(directory);
    try {
      run(size, database, work.resolve(slug() + "-console.log"));
    } finally {
      database.drop();
    }
  }

  private void run(int size, Database database, Path log) throws Exception {
    String definitionId;
    try (AppProcess app = AppProcess.start(target, database, log)) {
      app.http().deploy(Shape.ASYNC.key, target.bpmn(Shape.ASYNC));
      definitionId =
          app.http()
              .get("/engine-rest/process-definition/key/" + Shape.ASYNC.key)
              .path("id")
              .asText();
    }
    long seeded = System.nanoTime();
    seed(database.jdbcUrl(target.h2FileName(), ""), definitionId, size);
    System.out.printf("    seeded in %d s%n", (System.nanoTime() - seeded) / 1_000_000_000L);
    try (AppProcess app = AppProcess.start(target, database, log)) {
      String instance = "seed-" + (size / 2);
      Map<String, List<String>> screens = target.consoleCalls(definitionId, instance);
      for (Map.Entry<String, List<String>> screen : screens.entrySet()) {
        time(app.http(), size, screen.getKey(), screen.getValue());
      }
    }
  }

  private void time(Http http, int size, String screen, List<String> calls) throws Exception {
    for (String call : calls) {
      http.get(call); // warm-up, and proof that the call answers 200
    }
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < samples; i++) {
      long started = System.nanoTime();
      for (String call : calls) {
        http.get(call);
      }
      millis.add((System.nanoTime() - started) / 1e6);
    }
    Collections.sort(millis);
    String scenario = "6. %s, %,d historic instances".formatted(screen, size);
    double p50 = Stats.percentile(millis, 50);
    double p95 = Stats.percentile(millis, 95);
    boolean heatmap = screen.contains("heatmap");
    report.add(
        scenario + ", p50",
        "ms",
        false,
        "—",
        target.name(),
        new Stats(p50, millis.get(0), millis.get(millis.size() - 1)));
    report.add(
        scenario + ", p95",
        "ms",
        false,
        heatmap ? "≤ 1 s" : "≤ 150 ms",
        target.name(),
        new Stats(p95, millis.get(0), millis.get(millis.size() - 1)));
  }

  /** Finished instances, their activity instances and two variables, straight into the history. */
  static void seed(String url, String definitionId, int size) throws Exception {
    String key = Shape.ASYNC.key;
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        Statement s = c.createStatement()) {
      s.execute(
          """
          INSERT INTO ACT_HI_PROCINST (ID_, PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_,
            START_TIME_, END_TIME_, DURATION_, START_ACT_ID_, END_ACT_ID_, ROOT_PROC_INST_ID_, STATE_)
          SELECT 'seed-'||X, 'seed-'||X, 'order-'||X, '%1$s', '%2$s',
            DATEADD('SECOND', -X, CURRENT_TIMESTAMP),
            DATEADD('MILLISECOND', 100 + MOD(X, 400), DATEADD('SECOND', -X, CURRENT_TIMESTAMP)),
            100 + MOD(X, 400), 'start', 'end', 'seed-'||X, 'COMPLETED'
          FROM SYSTEM_RANGE(1, %3$d)
          """
              .formatted(key, definitionId, size));
      s.execute(
          """
          INSERT INTO ACT_HI_ACTINST (ID_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_, PROC_INST_ID_,
            EXECUTION_ID_, ACT_ID_, ACT_NAME_, ACT_TYPE_, START_TIME_, END_TIME_, DURATION_,
            ACT_INST_STATE_, SEQUENCE_COUNTER_)
          SELECT 'seed-'||X||'-'||A.ID, '%1$s', '%2$s', 'seed-'||X, 'seed-'||X, 'seed-'||X, A.ID, A.ID,
            A.T, DATEADD('SECOND', -X, CURRENT_TIMESTAMP),
            DATEADD('MILLISECOND', MOD(X * A.F, 97) + A.F, DATEADD('SECOND', -X, CURRENT_TIMESTAMP)),
            MOD(X * A.F, 97) + A.F, 1, A.S
          FROM SYSTEM_RANGE(1, %3$d)
          CROSS JOIN (VALUES ('start','startEvent',1,1), ('step1','serviceTask',20,2),
            ('step2','serviceTask',40,3), ('step3','serviceTask',30,4), ('end','noneEndEvent',1,5))
            AS A(ID, T, F, S)
          """
              .formatted(key, definitionId, size));
      for (String variable : List.of("amount", "orderId")) {
        s.execute(
            """
            INSERT INTO ACT_HI_VARINST (ID_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_,
              PROC_INST_ID_, EXECUTION_ID_, ACT_INST_ID_, NAME_, VAR_TYPE_, REV_, LONG_, TEXT_,
              CREATE_TIME_, STATE_)
            SELECT 'seed-'||X||'-%4$s', '%1$s', '%2$s', 'seed-'||X, 'seed-'||X, 'seed-'||X, 'seed-'||X,
              '%4$s', %5$s, 0, %6$s, %7$s, DATEADD('SECOND', -X, CURRENT_TIMESTAMP), 'CREATED'
            FROM SYSTEM_RANGE(1, %3$d)
            """
                .formatted(
                    key,
                    definitionId,
                    size,
                    variable,
                    variable.equals("amount") ? "'integer'" : "'string'",
                    variable.equals("amount") ? "MOD(X, 5000)" : "NULL",
                    variable.equals("amount") ? "NULL" : "'order-'||X"));
      }
    }
  }

  private String slug() {
    return target.name().toLowerCase().replace(' ', '-');
  }
}
