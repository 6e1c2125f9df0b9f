package dev.baton.engine.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

import dev.baton.engine.BatonIT;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console's status page in headless Chromium against this Baton. Uses the system's {@code
 * chromium} and {@code chromedriver}; Selenium Manager never downloads anything.
 */
class StatusPageIT extends BatonIT {

  private static final Duration TIMEOUT = ConsoleBrowser.TIMEOUT;

  private ConsoleBrowser console;
  private ChromeDriver browser;
  private String instanceId;

  @BeforeAll
  static void requireChromium() {
    ConsoleBrowser.requireChromium();
  }

  @AfterEach
  void cleanUp() {
    try {
      if (console != null) {
        console.close();
      }
    } finally {
      try {
        if (instanceId != null) {
          deleteInstance(instanceId);
        }
      } finally {
        setShippingAvailable(true);
      }
    }
  }

  @Test
  void shouldShowEngineVersionAndDeployedDefinitionsWithCounts() throws IOException {
    // given an order that stays running because shipping is down
    setShippingAvailable(false);
    instanceId = startOrder(uniqueKey(), 10);
    int version = orderDefinition().version();

    // when
    console = ConsoleBrowser.open(port, USER, USER);
    browser = console.driver();
    console.go("#/system");

    // then
    assertThat(console.navigationStatus()).isEqualTo(200);
    WebDriverWait wait = new WebDriverWait(browser, TIMEOUT);
    wait.until(ExpectedConditions.textToBe(By.id("js-engine-version"), "7.24.0"));
    assertThat(browser.findElement(By.id("js-user")).getText()).isEqualTo(USER);

    // the row shows what the API counts; other tests' instances may still be finishing, so
    // refresh until both agree on one reading
    By row =
        By.cssSelector(
            ".js-definition-row[data-key='order-fulfillment'][data-version='" + version + "']");
    Counts[] api = new Counts[1];
    String[] shown = new String[2];
    wait.ignoring(StaleElementReferenceException.class)
        .withMessage(
            () ->
                "row order-fulfillment:%d shows running %s, incidents %s; the API says %s"
                    .formatted(version, shown[0], shown[1], api[0]))
        .until(
            driver -> {
              api[0] = orderDefinition();
              WebElement cells = driver.findElement(row);
              shown[0] = cells.findElement(By.className("js-running")).getText();
              shown[1] = cells.findElement(By.className("js-incidents")).getText();
              if (shown[0].equals(String.valueOf(api[0].runningInstances()))
                  && shown[1].equals(String.valueOf(api[0].incidents()))) {
                return true;
              }
              WebElement refresh = driver.findElement(By.id("js-refresh"));
              if (refresh.isEnabled()) {
                refresh.click();
              }
              return false;
            });
    assertThat(api[0].version()).isEqualTo(version);
    assertThat(api[0].runningInstances()).as("running order-fulfillment instances").isPositive();
    assertThat(browser.findElement(By.id("js-error")).isDisplayed()).isFalse();
    assertThat(browser.findElement(By.id("js-empty")).isDisplayed()).isFalse();
    console.screenshot("status-page.png");
  }

  @Test
  void shouldSendBrowserWithoutSessionToTheLoginPage() {
    // given
    console = ConsoleBrowser.open(port, null, null);
    browser = console.driver();

    // when
    console.go("#/system");

    // then the login page, not a password popup, and the console's address kept for later
    console.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("js-login-form")));
    assertThat(browser.getCurrentUrl()).endsWith("/login.html#/system");
    assertThat(console.navigationStatus()).isEqualTo(200);
    assertThat(browser.findElements(By.id("js-main"))).isEmpty();
    assertThat(console.cspViolations()).isEmpty();

    // and the Content-Security-Policy is live: an inline script put into the page does not run
    browser.executeScript(
        "const s = document.createElement('script');"
            + " s.textContent = 'window.inlineRan = true'; document.body.appendChild(s);");
    console.waiting().until(d -> !console.cspViolations().isEmpty());
    assertThat(console.cspViolations()).first().asString().startsWith("script-src");
    assertThat(browser.executeScript("return window.inlineRan === true;")).isEqualTo(false);
  }

  /** The newest order-fulfillment version as {@code GET /api/definitions} counts it. */
  private static Counts orderDefinition() {
    JsonPath definitions =
        asDemo().get("/api/definitions").then().statusCode(200).extract().jsonPath();
    // the list is sorted by key, newest version first
    String order = "find { it.key == 'order-fulfillment' }.";
    return new Counts(
        definitions.getInt(order + "version"),
        definitions.getLong(order + "runningInstances"),
        definitions.getLong(order + "incidents"));
  }

  private record Counts(int version, long runningInstances, long incidents) {}

  /** Retried: the job executor may be retrying the instance's shipping job at this moment. */
  private static void deleteInstance(String id) {
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                asDemo()
                    .delete("/engine-rest/process-instance/{id}", id)
                    .then()
                    .statusCode(anyOf(equalTo(204), equalTo(404))));
  }

  private static void setShippingAvailable(boolean available) {
    asDemo()
        .contentType(ContentType.JSON)
        .body(Map.of("available", available))
        .put("/demo/shipping/availability")
        .then()
        .statusCode(204);
  }

  private static String uniqueKey() {
    return "order-" + UUID.randomUUID();
  }
}
