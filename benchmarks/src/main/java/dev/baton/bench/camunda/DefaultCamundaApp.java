package dev.baton.bench.camunda;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The baseline: a Camunda 7 Spring Boot application as its getting-started guide builds it — the
 * REST and webapp starters, an H2 file (or PostgreSQL) datasource, and one delegate bean — with
 * every engine and job-executor setting at its default. Only the datasource and port are passed on
 * the command line.
 */
@SpringBootApplication
public class DefaultCamundaApp {

  /** The first argument of the benchmark jar that starts this application instead. */
  public static final String COMMAND = "camunda-default";

  public static void main(String[] args) {
    SpringApplication app = new SpringApplication(DefaultCamundaApp.class);
    app.setDefaultProperties(
        java.util.Map.of(
            // the webapps' first user, so the application starts as it would for a user
            "camunda.bpm.admin-user.id", "demo",
            "camunda.bpm.admin-user.password", "demo",
            // the benchmark's driver has its own logging; keep the baseline's output short
            "logging.level.root", "WARN",
            "logging.level.org.springframework.boot.web.embedded.tomcat", "INFO"));
    app.run(args);
  }

  /** The in-process step of the benchmark's processes: does nothing, like Baton's noop adapter. */
  @Bean
  JavaDelegate noop() {
    return execution -> {};
  }
}
