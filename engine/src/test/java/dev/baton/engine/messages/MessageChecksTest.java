package dev.baton.engine.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.engine.system.BadRequestException;
import dev.baton.engine.system.BatonProperties;
import dev.baton.engine.variables.VariablePolicy;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageChecksTest {

  private final ObjectMapper mapper = new ObjectMapper();
  private final MessageChecks checks =
      new MessageChecks(
          new VariablePolicy(new BatonProperties().getVariables()), Duration.ofDays(7));

  @Test
  void shouldAcceptAFullMessage() throws Exception {
    // when
    CheckedMessage message =
        checks.check(
            new MessageRequest(
                "paid",
                "order-1",
                mapper.readTree("{\"orderId\":\"A-1\",\"attempt\":2,\"vip\":true}"),
                mapper.readTree("{\"amount\":12.5,\"items\":[1,2]}"),
                "id-1",
                "PT30S"));

    // then
    assertThat(message.correlationKeys())
        .isEqualTo(Map.of("orderId", "A-1", "attempt", 2, "vip", true));
    assertThat(message.variables()).containsKeys("amount", "items");
    assertThat(message.timeToLive()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void shouldBoundTheTimeToLive() {
    assertThat(checks.check(request("P7D")).timeToLive()).isEqualTo(Duration.ofDays(7));
    assertThatThrownBy(() -> checks.check(request("P7DT1S")))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("at most PT168H");
    assertThatThrownBy(() -> checks.check(request("PT0S")))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("positive");
    assertThatThrownBy(() -> checks.check(request("tomorrow")))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("ISO-8601");
  }

  @Test
  void shouldRefuseCorrelationVariablesThatAreNotPlainValues() throws Exception {
    MessageRequest request =
        new MessageRequest("m", null, mapper.readTree("{\"o\":[1]}"), null, null, null);
    assertThatThrownBy(() -> checks.check(request))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("correlationVariables.o");
  }

  @Test
  void shouldRefuseABlankNameAndABadMessageId() {
    assertThatThrownBy(() -> checks.check(new MessageRequest(" ", null, null, null, null, null)))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("name is required");
    assertThatThrownBy(() -> checks.check(new MessageRequest("m", null, null, null, "a b", null)))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("messageId");
  }

  @Test
  void shouldRefuseAVariableThePolicyRefuses() throws Exception {
    MessageRequest request =
        new MessageRequest(
            "m", null, null, mapper.readTree("{\"s\":\"" + "x".repeat(4001) + "\"}"), null, null);
    assertThatThrownBy(() -> checks.check(request)).isInstanceOf(BadRequestException.class);
  }

  private static MessageRequest request(String timeToLive) {
    return new MessageRequest("m", null, null, null, null, timeToLive);
  }
}
