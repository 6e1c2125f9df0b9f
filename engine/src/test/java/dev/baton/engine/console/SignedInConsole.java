package dev.baton.engine.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.BatonIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Browser tests that start each test in the console signed in as the demo user, and end it by
 * checking that the page broke no Content-Security-Policy rule.
 */
abstract class SignedInConsole extends BatonIT {

  protected ConsoleBrowser console;

  @BeforeAll
  static void requireChromium() {
    ConsoleBrowser.requireChromium();
  }

  @BeforeEach
  void openConsole() {
    console = ConsoleBrowser.open(port, USER, USER);
  }

  @AfterEach
  void closeConsole() {
    try {
      assertThat(console.cspViolations()).as("Content-Security-Policy violations").isEmpty();
    } finally {
      console.close();
    }
  }
}
