package dev.baton.choreography;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsTest {

  @Test
  void shouldUseDefaultsOverriddenByArguments() {
    // when
    Settings settings = Settings.parse(List.of("--flow=chain", "--steps=30"));

    // then
    assertThat(settings.text("flow")).isEqualTo("chain");
    assertThat(settings.integer("steps")).isEqualTo(30);
    assertThat(settings.text("exchange")).isEqualTo("orders");
    assertThat(settings.text("ledger-url")).isEqualTo("http://127.0.0.1:8080/demo");
  }

  @Test
  void shouldRejectAnUnknownKeyAndAFractionOutOfRange() {
    assertThatThrownBy(() -> Settings.parse(List.of("--stesp=3")))
        .hasMessageContaining("Unknown setting 'stesp'");
    assertThatThrownBy(() -> Settings.parse(List.of("steps=3")))
        .hasMessageContaining("--key=value");
    assertThatThrownBy(
            () -> Settings.parse(List.of("--fail-fraction=1.5")).fraction("fail-fraction"))
        .hasMessageContaining("between 0 and 1");
  }

  @Test
  void shouldReadDurationsWithUnitsOrIso() {
    // given
    Settings settings =
        Settings.parse(List.of("--retry-delay=250ms", "--timeout=2m", "--ledger-timeout=PT3S"));

    // then
    assertThat(settings.duration("retry-delay")).isEqualTo(Duration.ofMillis(250));
    assertThat(settings.duration("timeout")).isEqualTo(Duration.ofMinutes(2));
    assertThat(settings.duration("ledger-timeout")).isEqualTo(Duration.ofSeconds(3));
    assertThat(settings.duration("confirm-timeout")).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void shouldRunAllServicesOrTheChosenOnes() {
    assertThat(Settings.parse(List.of()).runs("payment")).isTrue();
    Settings some = Settings.parse(List.of("--services=inventory, shipping"));
    assertThat(some.runs("inventory")).isTrue();
    assertThat(some.runs("shipping")).isTrue();
    assertThat(some.runs("payment")).isFalse();
  }
}
