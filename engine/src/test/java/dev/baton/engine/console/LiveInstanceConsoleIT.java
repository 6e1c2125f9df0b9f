package dev.baton.engine.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.TestBpmn;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The instance page follows the engine by itself: it listens to the live event stream and shows an
 * instance ended moments after a message moved it on, long before its next poll.
 */
class LiveInstanceConsoleIT extends SignedInConsole {

  @Test
  void shouldShowTheInstanceEndedWithoutReloadWhenAMessageMovesItOn() {
    // given an instance waiting at a receive task, open in the console with the stream live
    String key = uniqueKey("live");
    deployBpmn(key, waitingForMessage(key, key + "-go"));
    String id =
        asDemo()
            .contentType(ContentType.JSON)
            .body(Map.of("businessKey", "live-1"))
            .post("/api/processes/{key}/instances", key)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    console.go("#/instances/" + id);
    console.awaitInstanceState("RUNNING");
    console.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("js-live")));
    // a fresh load now: the page's next poll is its full interval (10 s) away
    console.find(By.id("js-refresh")).click();
    console.waiting().until(ExpectedConditions.elementToBeClickable(By.id("js-refresh")));
    console.driver().executeScript("window.__sameDocument = true;");

    // when a message moves it to its end
    asDemo()
        .contentType(ContentType.JSON)
        .body(Map.of("name", key + "-go", "businessKey", "live-1"))
        .post("/api/messages")
        .then()
        .statusCode(200);

    // then the page shows it completed within moments, without a reload of the page
    new WebDriverWait(console.driver(), Duration.ofSeconds(4))
        .until(
            ExpectedConditions.attributeToBe(
                By.id("js-instance-state"), "data-state", "COMPLETED"));
    assertThat(console.find(By.id("js-instance-end")).getText()).contains("end");
    assertThat(console.driver().executeScript("return window.__sameDocument === true;"))
        .isEqualTo(true);
  }

  private static String waitingForMessage(String key, String message) {
    return TestBpmn.withMessage(
        key,
        message,
        """
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
            <bpmn:receiveTask id="wait" messageRef="message" />
            <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="end" />
            <bpmn:endEvent id="end" />
        """);
  }
}
