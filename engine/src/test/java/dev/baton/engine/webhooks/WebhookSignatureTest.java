package dev.baton.engine.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

  @Test
  void shouldSignTheBodyWithHmacSha256InLowercaseHex() {
    // given RFC 4231's test case 2: key "Jefe", data "what do ya want for nothing?"
    byte[] body = "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8);

    // when it is signed
    String signature = WebhookSignature.of("Jefe", body);

    // then the header value is sha256= and the published MAC
    assertThat(signature)
        .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  }

  @Test
  void shouldGiveAnotherSignatureForAnotherSecretOrAnotherByte() {
    // given a body and its signature
    byte[] body = "{\"type\":\"instance.started\"}".getBytes(StandardCharsets.UTF_8);
    String signed = WebhookSignature.of("a-secret-of-16-chars", body);

    // when another secret signs it, or the body changes by one byte
    String otherSecret = WebhookSignature.of("a-secret-of-16-charz", body);
    byte[] changed = body.clone();
    changed[changed.length - 2] = 'D';
    String otherBody = WebhookSignature.of("a-secret-of-16-chars", changed);

    // then neither matches; the same input always does
    assertThat(otherSecret).isNotEqualTo(signed);
    assertThat(otherBody).isNotEqualTo(signed);
    assertThat(WebhookSignature.of("a-secret-of-16-chars", body)).isEqualTo(signed);
  }
}
