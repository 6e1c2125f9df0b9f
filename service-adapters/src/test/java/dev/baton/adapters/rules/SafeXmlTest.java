package dev.baton.adapters.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SafeXmlTest {

  @Test
  void shouldAcceptPlainXmlWithinTheDepth() {
    assertThat(SafeXml.check(bytes("<a><b><c/></b></a>"), 3)).isEmpty();
  }

  @Test
  void shouldRefuseXmlNestedDeeperThanTheLimit() {
    // when
    Optional<Problem> problem = SafeXml.check(bytes("<a><b><c><d/></c></b></a>"), 3);

    // then
    assertThat(problem).get().extracting(Problem::rule).isEqualTo("depth");
  }

  @Test
  void shouldRefuseADoctypeBeforeAnyEntityIsRead() {
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>";

    // when
    Optional<Problem> problem = SafeXml.check(bytes(xxe), 100);

    // then
    assertThat(problem).get().extracting(Problem::message).asString().contains("DOCTYPE");
  }

  @Test
  void shouldReportXmlThatIsNotWellFormedWithItsLine() {
    // when
    Optional<Problem> problem = SafeXml.check(bytes("<a>\n<b></a>"), 100);

    // then
    assertThat(problem).get().extracting(Problem::rule).isEqualTo("parse");
    assertThat(problem).get().extracting(Problem::line).isEqualTo(2);
  }

  @Test
  void shouldReportAnEmptyFile() {
    assertThat(SafeXml.check(new byte[0], 100))
        .get()
        .extracting(Problem::message)
        .isEqualTo("The file is empty");
  }

  @Test
  void shouldParseToADocumentAndThrowOnBrokenXml() {
    assertThat(SafeXml.parse(bytes("<a x=\"1\"/>")).getDocumentElement().getAttribute("x"))
        .isEqualTo("1");
    assertThatThrownBy(() -> SafeXml.parse(bytes("<a>")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static byte[] bytes(String xml) {
    return xml.getBytes(StandardCharsets.UTF_8);
  }
}
