package dev.baton.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** An application the benchmark measures: how to start it, sign in and bind an in-process step. */
abstract class Target {

  abstract String name();

  /** The whole command line. */
  abstract List<String> command(Database database, int port);

  /** A GET that answers 200 once the application takes work. */
  abstract String readinessPath();

  abstract Http http(int port);

  /** The process file of that shape, bound as this target binds in-process steps. */
  abstract String bpmn(Shape shape);

  /** Whether the worker-kit scenarios run against it (Baton's own kit, with worker keys). */
  abstract boolean hasWorkerKit();

  /** The H2 file name (without extension) in the data directory. */
  abstract String h2FileName();

  /** Scenario 6: each console screen and the GET calls it takes to draw it. */
  abstract java.util.Map<String, List<String>> consoleCalls(String definitionId, String instanceId);

  /** Credentials for an external-task worker: user and password (or key) for HTTP Basic. */
  abstract String[] workerCredentials(Http http, String workerId, List<String> topics)
      throws Exception;

  /** Extra words from an environment variable, for trying a setting without rebuilding. */
  static List<String> extra(String variable) {
    String value = System.getenv(variable);
    return value == null || value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
  }

  /** Baton as its README starts it: bin/baton (JVM flags, class data sharing), demo user on. */
  static Target baton(Path launcher) {
    return new Target() {
      @Override
      String name() {
        return "Baton";
      }

      @Override
      List<String> command(Database database, int port) {
        List<String> command = new ArrayList<>();
        command.addAll(List.of(launcher.toString(), "--server.port=" + port));
        command.add("--BATON_DATA_DIR=" + database.directory().toAbsolutePath());
        command.add("--baton.engine.security.demo-user=true");
        if (database.isPostgres()) {
          command.add("--spring.profiles.active=postgres");
          command.add("--BATON_DB_URL=" + database.jdbcUrl(null, null));
        }
        command.addAll(extra("BENCH_BATON_ARGS"));
        return command;
      }

      @Override
      String readinessPath() {
        return "/actuator/health/readiness";
      }

      @Override
      Http http(int port) {
        return new Http("http://127.0.0.1:" + port, "demo", "demo");
      }

      @Override
      String bpmn(Shape shape) {
        // Baton makes adapter steps save points unless a step opts out: the synchronous shape does
        String savePoint =
            shape == Shape.SYNC ? "<camunda:property name=\"savePoint\" value=\"false\"/>" : "";
        return shape.bpmn(
            "${batonAdapter}",
            "<camunda:properties><camunda:property name=\"adapter\" value=\"noop\"/>"
                + savePoint
                + "</camunda:properties>");
      }

      @Override
      boolean hasWorkerKit() {
        return true;
      }

      @Override
      String h2FileName() {
        return "baton";
      }

      @Override
      java.util.Map<String, List<String>> consoleCalls(String definitionId, String instanceId) {
        java.util.Map<String, List<String>> calls = new java.util.LinkedHashMap<>();
        calls.put("instance list, first page", List.of("/api/instances?size=50"));
        calls.put("instance detail", List.of("/api/instances/" + instanceId + "/detail"));
        calls.put(
            "definition heatmap", List.of("/api/definitions/" + definitionId + "/statistics"));
        return calls;
      }

      @Override
      String[] workerCredentials(Http http, String workerId, List<String> topics) throws Exception {
        String key =
            http.post("/api/workers", java.util.Map.of("workerId", workerId, "topics", topics))
                .path("key")
                .asText();
        return new String[] {workerId, key};
      }
    };
  }

  /** The baseline application in the benchmark jar, at Camunda's default settings. */
  static Target camundaDefault(Path benchJar, boolean durable) {
    return new Target() {
      @Override
      String name() {
        return "Camunda default";
      }

      @Override
      List<String> command(Database database, int port) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(extra("BENCH_DEFAULT_JVM"));
        command.addAll(List.of("-jar", benchJar.toString(), "camunda-default"));
        command.add("--server.port=" + port);
        // the datasource a user writes: a file (the starter's default is in memory, which does
        // not survive a restart), H2's own settings otherwise, but for durable commits where the
        // scenario asks for them (H2's 500 ms write delay loses the last commits on kill -9)
        command.add(
            "--spring.datasource.url="
                + database.jdbcUrl("camunda", durable ? ";WRITE_DELAY=0" : ""));
        command.add("--spring.datasource.username=" + (database.isPostgres() ? "postgres" : "sa"));
        return command;
      }

      @Override
      String readinessPath() {
        return "/engine-rest/engine";
      }

      @Override
      Http http(int port) {
        return new Http("http://127.0.0.1:" + port, null, null);
      }

      @Override
      String bpmn(Shape shape) {
        return shape.bpmn("${noop}", "");
      }

      @Override
      boolean hasWorkerKit() {
        return false;
      }

      @Override
      String h2FileName() {
        return "camunda";
      }

      @Override
      java.util.Map<String, List<String>> consoleCalls(String definitionId, String instanceId) {
        String history = "/engine-rest/history";
        java.util.Map<String, List<String>> calls = new java.util.LinkedHashMap<>();
        calls.put(
            "instance list, first page",
            List.of(
                history
                    + "/process-instance?sortBy=startTime&sortOrder=desc&firstResult=0&maxResults=50",
                history + "/process-instance/count"));
        calls.put(
            "instance detail",
            List.of(
                history + "/process-instance/" + instanceId,
                history + "/activity-instance?processInstanceId=" + instanceId,
                history + "/variable-instance?processInstanceId=" + instanceId));
        calls.put(
            "definition heatmap",
            List.of(history + "/process-definition/" + definitionId + "/statistics"));
        return calls;
      }

      @Override
      String[] workerCredentials(Http http, String workerId, List<String> topics) {
        return null;
      }
    };
  }
}
