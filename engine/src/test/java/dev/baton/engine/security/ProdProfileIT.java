package dev.baton.engine.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.BatonProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/** The prod profile: no demo user or services, and no start without an administrator password. */
@DisabledIfSystemProperty(
    named = "spring.profiles.active",
    matches = ".*postgres.*",
    disabledReason = "profile behaviour is the same on every database; runs once, on H2")
class ProdProfileIT {

  @Test
  void shouldRefuseToStartWithoutAdministratorPassword() throws Exception {
    // given
    Path log = Path.of("target", "forked", "prod-no-password.log");
    Files.deleteIfExists(log);

    // when
    int exitCode;
    try (BatonProcess baton =
        BatonProcess.launch(
            Files.createTempDirectory("baton-prod-"),
            log,
            List.of("--spring.profiles.active=prod"))) {
      exitCode = baton.awaitExit(Duration.ofSeconds(120));
    }

    // then
    assertThat(exitCode).isNotZero();
    assertThat(Files.readString(log))
        .contains("No administrator exists")
        .contains("BATON_ADMIN_PASSWORD");
  }

  @Test
  void shouldServeOnlyTheConfiguredAdministratorAndNoDemo() throws Exception {
    // given
    Path log = Path.of("target", "forked", "prod.log");
    List<String> arguments =
        List.of(
            "--spring.profiles.active=prod", "--baton.engine.security.admin-password=s3cret-Admin");

    try (BatonProcess baton =
        BatonProcess.launch(Files.createTempDirectory("baton-prod-"), log, arguments)) {
      // when
      baton.awaitHealthy();

      // then
      baton.as("admin", "s3cret-Admin").get("/api/definitions").then().statusCode(200);
      baton.asDemo().get("/api/definitions").then().statusCode(401);
      baton.anonymous().get("/api/definitions").then().statusCode(401);
      baton.as("admin", "s3cret-Admin").post("/demo/payment/charge").then().statusCode(404);
    }
  }
}
