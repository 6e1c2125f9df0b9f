package dev.baton.engine.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeploymentFileTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "bpmn/order.bpmn|order.bpmn",
        "..\\..\\windows\\evil.bpmn|evil.bpmn",
        "a\"; filename*=x.bpmn|a___filename__x.bpmn",
        "../../.hidden|hidden",
        "Überweisung.dmn|berweisung.dmn",
        "/|resource",
        "日本|resource"
      })
  void shouldKeepOnlySafeCharactersOfTheLastPathSegment(String name, String expected) {
    // given
    DeploymentFile file = new DeploymentFile(name, new byte[0]);

    // when
    String safe = file.safeName();

    // then
    assertThat(safe).isEqualTo(expected);
    assertThat(file.disposition().toString())
        .isEqualTo("attachment; filename=\"" + expected + "\"");
  }

  @Test
  void shouldNeverLetLineBreaksIntoTheHeader() {
    // given
    DeploymentFile file = new DeploymentFile("line\r\nSet-Cookie: x=1.bpmn", new byte[0]);

    // when / then
    assertThat(file.disposition().toString())
        .isEqualTo("attachment; filename=\"line__Set-Cookie__x_1.bpmn\"");
  }

  @Test
  void shouldCapLongNamesKeepingTheExtension() {
    // given
    DeploymentFile file = new DeploymentFile("x".repeat(300) + ".bpmn", new byte[0]);

    // when / then
    assertThat(file.safeName()).hasSize(DeploymentFile.MAX_NAME).endsWith(".bpmn");
  }

  @ParameterizedTest
  @CsvSource({
    "a.bpmn,application/xml",
    "a.DMN,application/xml",
    "a.form,application/json",
    "a.png,image/png",
    "a.svg,application/octet-stream",
    "a.html,application/octet-stream",
    "noextension,application/octet-stream"
  })
  void shouldServeRenderableOrUnknownTypesAsBytes(String name, String type) {
    assertThat(new DeploymentFile(name, new byte[0]).mediaType().toString()).isEqualTo(type);
  }
}
