package dev.baton.engine.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Baton-Signature} header: {@code sha256=} and the lowercase hex HMAC-SHA256 of the
 * exact body bytes, keyed with the webhook's secret (UTF-8). A receiver computes the same over the
 * bytes it received and compares in constant time.
 */
final class WebhookSignature {

  static final String HEADER = "X-Baton-Signature";

  private WebhookSignature() {}

  static String of(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
