package dev.baton.engine.users;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A Baton of its own with exactly one administrator (no demo user), on its own H2 file even under
 * the postgres profile, since the shared database holds other tests' administrators: the last
 * administrator can be neither demoted nor removed, and the refusal changes nothing. Its engine has
 * a name of its own: Camunda REST finds engines by name in a JVM-wide registry, so a second engine
 * named "default" would take over the shared test server's {@code /engine-rest}.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "baton.engine.security.demo-user=false",
      "baton.engine.demo.enabled=false",
      "baton.engine.security.admin-user=solo",
      "baton.engine.security.admin-password=" + LastAdministratorIT.PASSWORD,
      "camunda.bpm.process-engine-name=solo"
    })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LastAdministratorIT {

  static final String PASSWORD = "solo-admin-secret";

  @LocalServerPort int port;

  @DynamicPropertySource
  static void ownDatabase(DynamicPropertyRegistry registry) throws Exception {
    Path directory = Files.createTempDirectory("baton-last-admin-");
    registry.add("BATON_DATA_DIR", directory::toString);
    registry.add(
        "spring.datasource.url",
        () -> "jdbc:h2:file:" + directory + "/baton;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
    registry.add("spring.datasource.username", () -> "sa");
    registry.add("spring.datasource.password", () -> "");
  }

  @BeforeEach
  void pointRestAssuredAtThisServer() {
    RestAssured.port = port;
  }

  /**
   * Runs first, while solo is the only administrator: each round, solo and a rival administrator
   * demote each other at the same moment; one of them must be refused every time, and one
   * administrator remain.
   */
  @Test
  @Order(1)
  void shouldKeepAnAdministratorWhenTwoDemoteEachOtherAtOnce() throws Exception {
    // given solo and a rival, the only two administrators
    String rivalPassword = "another-strong-secret";
    solo()
        .contentType(ContentType.JSON)
        .body(Map.of("id", "rival", "password", rivalPassword, "roles", List.of("admin")))
        .post("/api/users")
        .then()
        .statusCode(201);
    ExecutorService both = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 12; round++) {
        // when both demote the other at once
        CyclicBarrier start = new CyclicBarrier(2);
        Future<Integer> soloDemotesRival = both.submit(() -> demote(solo(), "rival", start));
        Future<Integer> rivalDemotesSolo =
            both.submit(() -> demote(as("rival", rivalPassword), "solo", start));
        List<Integer> answers =
            List.of(
                soloDemotesRival.get(30, TimeUnit.SECONDS),
                rivalDemotesSolo.get(30, TimeUnit.SECONDS));

        // then exactly one succeeded and the other was refused: by the last-administrator check
        // (409), or, when the winner had already committed, as no longer an administrator (403)
        assertThat(answers).as("round %d", round).containsOnlyOnce(200);
        assertThat(answers.get(0) == 200 ? answers.get(1) : answers.get(0))
            .as("round %d", round)
            .isIn(403, 409);
        boolean soloWon = answers.get(0) == 200;
        RequestSpecification winner = soloWon ? solo() : as("rival", rivalPassword);
        assertThat(rolesOf(winner, soloWon ? "solo" : "rival")).containsExactly("admin");
        assertThat(rolesOf(winner, soloWon ? "rival" : "solo")).containsExactly("operator");
        // and the winner makes the other an administrator again for the next round
        winner
            .contentType(ContentType.JSON)
            .body(Map.of("roles", List.of("admin")))
            .put("/api/users/{id}/roles", soloWon ? "rival" : "solo")
            .then()
            .statusCode(200);
      }
    } finally {
      both.shutdownNow();
    }
    // solo is the only administrator again for the next test
    solo().delete("/api/users/rival").then().statusCode(204);
  }

  private static int demote(RequestSpecification admin, String user, CyclicBarrier start)
      throws Exception {
    start.await(10, TimeUnit.SECONDS);
    return admin
        .contentType(ContentType.JSON)
        .body(Map.of("roles", List.of("operator")))
        .put("/api/users/{id}/roles", user)
        .statusCode();
  }

  @Test
  @Order(2)
  void shouldNeverRemoveOrDemoteTheLastAdministrator() {
    // given solo is the only administrator
    assertThat(rolesOf(solo(), "solo")).containsExactly("admin");

    // when solo tries to step down or leave
    solo()
        .contentType(ContentType.JSON)
        .body(Map.of("roles", List.of("operator")))
        .put("/api/users/solo/roles")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString("last administrator"));
    solo().delete("/api/users/solo").then().statusCode(409);

    // then nothing changed
    assertThat(rolesOf(solo(), "solo")).containsExactly("admin");
    solo().get("/api/users").then().statusCode(200);

    // and once a second administrator exists, solo may step down, and the other is then the last
    solo()
        .contentType(ContentType.JSON)
        .body(Map.of("id", "second", "password", "another-admin-pass", "roles", List.of("admin")))
        .post("/api/users")
        .then()
        .statusCode(201);
    solo()
        .contentType(ContentType.JSON)
        .body(Map.of("roles", List.of("operator")))
        .put("/api/users/solo/roles")
        .then()
        .statusCode(200);
    RequestSpecification second = as("second", "another-admin-pass");
    second.delete("/api/users/second").then().statusCode(409);
    assertThat(rolesOf(second, "solo")).containsExactly("operator");
    assertThat(rolesOf(second, "second")).containsExactly("admin");
  }

  /** The user's roles as an administrator reads them. */
  private static List<String> rolesOf(RequestSpecification admin, String user) {
    return admin
        .get("/api/users")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("find { it.id == '" + user + "' }.roles");
  }

  private static RequestSpecification solo() {
    return as("solo", PASSWORD);
  }

  private static RequestSpecification as(String user, String password) {
    return given().auth().preemptive().basic(user, password).accept(ContentType.JSON);
  }
}
