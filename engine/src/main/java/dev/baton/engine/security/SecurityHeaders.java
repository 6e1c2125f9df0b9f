package dev.baton.engine.security;

import dev.baton.engine.system.BatonProperties;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/**
 * Browser security headers on every answer: nosniff and no-store (Spring Security's defaults),
 * frames only from this origin, the referrer kept on this origin, a Content-Security-Policy that
 * allows no inline or foreign script; HSTS where switched on (the prod profile).
 */
final class SecurityHeaders {

  private SecurityHeaders() {}

  static Customizer<HeadersConfigurer<HttpSecurity>> from(BatonProperties.Headers settings) {
    return headers -> {
      headers
          .frameOptions(HeadersConfigurer.FrameOptionsConfig::sameOrigin)
          .contentSecurityPolicy(csp -> csp.policyDirectives(settings.getContentSecurityPolicy()))
          .referrerPolicy(
              referrer -> referrer.policy(ReferrerPolicy.get(settings.getReferrerPolicy())));
      if (settings.isHsts()) {
        // TLS usually ends at a proxy, so this server cannot tell secure requests apart
        headers.httpStrictTransportSecurity(
            hsts ->
                hsts.requestMatcher(AnyRequestMatcher.INSTANCE)
                    .includeSubDomains(false)
                    .maxAgeInSeconds(settings.getHstsMaxAge().toSeconds()));
      } else {
        headers.httpStrictTransportSecurity(HeadersConfigurer.HstsConfig::disable);
      }
    };
  }
}
