package dev.baton.engine.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium on a fresh profile, driven by Debian's chromedriver: Selenium Manager
 * never downloads anything. Signs in as a person does, through the login page; records every
 * Content-Security-Policy violation the pages report.
 */
final class ConsoleBrowser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  static final Duration TIMEOUT = Duration.ofSeconds(20);

  private final ChromeDriver driver;
  private final Path profile;
  private final int port;

  private ConsoleBrowser(ChromeDriver driver, Path profile, int port) {
    this.driver = driver;
    this.profile = profile;
    this.port = port;
  }

  /** Fails with the install command when Debian's chromium or chromedriver is missing. */
  static void requireChromium() {
    assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
        .as(
            "the console tests need %s and %s: apt-get install -y chromium chromium-driver",
            CHROMIUM, CHROMEDRIVER)
        .isTrue();
  }

  static ConsoleBrowser open(int port, String user, String password) {
    Path profile;
    try {
      profile = Files.createTempDirectory("baton-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a Chromium profile directory", e);
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
    driver.executeCdpCommand(
        "Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_CSP_VIOLATIONS));
    ConsoleBrowser browser = new ConsoleBrowser(driver, profile, port);
    if (user != null) {
      try {
        browser.signIn(user, password);
      } catch (RuntimeException | AssertionError e) {
        browser.close();
        throw e;
      }
    }
    return browser;
  }

  private static final String RECORD_CSP_VIOLATIONS =
      "window.__cspViolations = [];"
          + "document.addEventListener('securitypolicyviolation', e =>"
          + " window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));";

  /** Signs in through the login page and waits until the console shows the user's name. */
  void signIn(String user, String password) {
    driver.get(url("login.html"));
    submitSignIn(user, password);
    waiting()
        .withMessage(() -> "signed in as " + user + "; the page shows " + signInError())
        .until(d -> user.equals(d.findElement(By.id("js-header-user")).getText()));
  }

  /** Types user name and password into the login page's form and submits it. */
  void submitSignIn(String user, String password) {
    WebElement name = waiting().until(d -> d.findElement(By.id("js-login-user")));
    name.clear();
    name.sendKeys(user);
    WebElement secret = find(By.id("js-login-password"));
    secret.clear();
    secret.sendKeys(password);
    find(By.id("js-login-submit")).click();
  }

  private String signInError() {
    return driver.findElements(By.id("js-login-error")).stream()
        .map(WebElement::getText)
        .findFirst()
        .orElse("(no login page)");
  }

  /** What the page's Content-Security-Policy refused since it loaded. */
  @SuppressWarnings("unchecked")
  List<String> cspViolations() {
    return (List<String>) driver.executeScript("return window.__cspViolations || [];");
  }

  /** The status of a {@code fetch} the page makes, as the console's API client sends it. */
  long fetchStatus(String path) {
    return (Long)
        driver.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {headers: {Accept: 'application/json',"
                + " 'X-Requested-With': 'XMLHttpRequest'}})"
                + ".then(r => done(r.status), () => done(-1));",
            path);
  }

  ChromeDriver driver() {
    return driver;
  }

  /** Opens a console route, e.g. {@code "#/instances"}; {@code ""} for the start page. */
  void go(String route) {
    driver.get(url(route));
  }

  private String url(String path) {
    return "http://localhost:" + port + "/" + path;
  }

  /** Waits up to {@link #TIMEOUT}; elements replaced by a re-render are looked up again. */
  WebDriverWait waiting() {
    WebDriverWait wait = new WebDriverWait(driver, TIMEOUT);
    wait.ignoring(StaleElementReferenceException.class);
    wait.ignoring(NoSuchElementException.class);
    return wait;
  }

  /** Waits until the instance page shows the instance in this state (RUNNING, INCIDENT, ...). */
  void awaitInstanceState(String state) {
    waiting()
        .until(ExpectedConditions.attributeToBe(By.id("js-instance-state"), "data-state", state));
  }

  WebElement find(By by) {
    return driver.findElement(by);
  }

  /** The HTTP status of the page's own request, as the browser's Navigation Timing reports it. */
  long navigationStatus() {
    return (Long)
        driver.executeScript(
            "return performance.getEntriesByType('navigation')[0].responseStatus;");
  }

  void screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      File shot = driver.getScreenshotAs(OutputType.FILE);
      Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      } catch (IOException | UncheckedIOException e) {
        // best effort: a profile left in the temp directory fails nothing
      }
    }
  }
}
