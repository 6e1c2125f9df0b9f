package dev.baton.engine.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.baton.engine.BatonProcess;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * The prod profile: no demo user or services, no start without an administrator password, HSTS and
 * Secure cookies.
 */
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
  void shouldServeOnlyTheConfiguredAdministratorNoDemoAndSecureCookies() throws Exception {
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
      assertSecureHeadersAndCookies(baton);
    }
  }

  /** HSTS and the browser headers on the login page; Secure, HttpOnly, Lax session cookie. */
  private static void assertSecureHeadersAndCookies(BatonProcess baton) {
    Response page = baton.anonymous().accept(ContentType.HTML).get("/login.html");
    page.then()
        .statusCode(200)
        .header("Strict-Transport-Security", containsString("max-age=31536000"))
        .header("X-Content-Type-Options", "nosniff")
        .header("X-Frame-Options", "SAMEORIGIN")
        .header("Referrer-Policy", "same-origin")
        .header("Content-Security-Policy", containsString("default-src 'self'"));
    String csrf = page.getCookie("XSRF-TOKEN");
    assertThat(setCookie(page, "XSRF-TOKEN")).contains("Secure").contains("SameSite=Lax");

    Response signIn =
        baton
            .anonymous()
            .cookie("XSRF-TOKEN", csrf)
            .header("X-XSRF-TOKEN", csrf)
            .header("X-Requested-With", "XMLHttpRequest")
            .contentType(ContentType.URLENC)
            .formParam("username", "admin")
            .formParam("password", "s3cret-Admin")
            .post("/login");
    signIn.then().statusCode(200);
    assertThat(setCookie(signIn, "JSESSIONID"))
        .contains("Secure")
        .contains("HttpOnly")
        .contains("SameSite=Lax");
    assertThat(setCookie(signIn, "XSRF-TOKEN")).contains("Secure");
  }

  private static String setCookie(Response response, String name) {
    return response.headers().getValues("Set-Cookie").stream()
        .filter(line -> line.startsWith(name + "="))
        .findFirst()
        .orElse("");
  }
}
