package dev.baton.engine.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

import dev.baton.engine.BatonIT;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console's status page in headless Chromium against this Baton. Uses the system's {@code
 * chromium} and {@code chromedriver}; Selenium Manager never downloads anything.
 */
class StatusPageIT extends BatonIT {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private ChromeDriver browser;
  private Path profile;
  private String instanceId;

  @BeforeAll
  static void requireChromium() {
    assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
        .as(
            "the console tests need %s and %s: apt-get install -y chromium chromium-driver",
            CHROMIUM, CHROMEDRIVER)
        .isTrue();
  }

  @AfterEach
  void cleanUp() {
    try {
      if (browser != null) {
        browser.quit();
      }
    } finally {
      deleteProfile();
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
    browser = openBrowser(true);
    browser.get(consoleUrl());

    // then
    assertThat(navigationStatus()).isEqualTo(200);
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
    screenshot("status-page.png");
  }

  @Test
  void shouldSendBrowserWithoutCredentialsTo401() {
    // given
    browser = openBrowser(false);

    // when
    browser.get(consoleUrl());

    // then headless Chromium cancels the Basic challenge and shows an empty error page
    assertThat(navigationStatus()).isEqualTo(401);
    assertThat(browser.findElements(By.id("js-main"))).isEmpty();
  }

  /**
   * Headless Chromium on a fresh profile; signed in means every request carries the demo user's
   * HTTP Basic header, as there is no login form yet.
   */
  private ChromeDriver openBrowser(boolean signedIn) {
    try {
      profile = Files.createTempDirectory("baton-chromium-");
    } catch (IOException e) {
      throw new IllegalStateException("cannot create a Chromium profile directory", e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1366,768",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    ChromeDriver driver = new ChromeDriver(service, options);
    if (signedIn) {
      String basic =
          Base64.getEncoder().encodeToString((USER + ":" + USER).getBytes(StandardCharsets.UTF_8));
      driver.executeCdpCommand("Network.enable", Map.of());
      driver.executeCdpCommand(
          "Network.setExtraHTTPHeaders",
          Map.of("headers", Map.of("Authorization", "Basic " + basic)));
    }
    return driver;
  }

  private String consoleUrl() {
    return "http://localhost:" + port + "/";
  }

  /** The HTTP status of the page's own request, as the browser's Navigation Timing reports it. */
  private long navigationStatus() {
    return (Long)
        browser.executeScript(
            "return performance.getEntriesByType('navigation')[0].responseStatus;");
  }

  private void screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    File shot = browser.getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }

  /** Best effort: a profile left in the temp directory fails nothing. */
  private void deleteProfile() {
    if (profile == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException | UncheckedIOException e) {
      // ignored: see above
    }
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
