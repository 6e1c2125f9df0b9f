package dev.baton.engine.variables;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.BatonIT;
import io.restassured.RestAssured;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Bodies are bounded while they stream in: big ones cost the server neither memory nor health. */
class BodyLimitIT extends BatonIT {

  private static final long BIG = 57L * 1024 * 1024;
  private static final long JUST_OVER_LIMIT = 10L * 1024 * 1024 + 512 * 1024;

  @Test
  void shouldRefuseConcurrentBigBodiesWith413AndStayHealthy() throws Exception {
    // given: eight clients at once, four declaring 57 MB bodies, four streaming chunked bodies
    // past the 10 MB limit, to the variables of an instance and to a worker's complete (which
    // the worker gate would otherwise buffer)
    String instance = startOrder("limit-" + System.nanoTime(), 12);
    ExecutorService clients = Executors.newFixedThreadPool(8);
    List<Future<RawHttp.Answer>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < 8; i++) {
        boolean chunked = i % 2 == 1;
        String path =
            i % 4 == 3
                ? "/engine-rest/external-task/some-task/complete"
                : "/engine-rest/process-instance/" + instance + "/variables";
        answers.add(clients.submit(() -> post(path, chunked)));
      }

      // then: each is a 413 problem
      for (Future<RawHttp.Answer> answer : answers) {
        assertThat(answer.get().status()).isEqualTo(413);
        assertThat(answer.get().text()).contains("application/problem+json", "max-body-size");
      }
    } finally {
      clients.shutdownNow();
    }

    // then: the server still works and says so
    RestAssured.given()
        .get("/actuator/health")
        .then()
        .statusCode(200)
        .body("status", org.hamcrest.Matchers.equalTo("UP"));
    assertThat(startOrder("limit-after-" + System.nanoTime(), 12)).isNotBlank();
  }

  private RawHttp.Answer post(String path, boolean chunked) throws Exception {
    String head =
        "POST "
            + path
            + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
            + RawHttp.basic(USER)
            + "\r\nContent-Type: application/json\r\nConnection: close\r\n"
            + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + BIG + "\r\n")
            + "\r\n";
    // a declared 57 MB body is answered before it is read: send only its head
    return RawHttp.send(
        port, head.getBytes(StandardCharsets.US_ASCII), chunked ? JUST_OVER_LIMIT : 0, chunked);
  }
}
