package dev.baton.engine.security;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tomcat hands a path with an encoded {@code /} on as it is instead of answering it with its own
 * HTML error page, so that {@link CanonicalFormFilter} refuses it like every other path outside
 * canonical form: a 400 problem. Nothing decodes it on the way (Spring Security's firewall refuses
 * encoded slashes), so it can never reach a resource as a real {@code /}.
 */
@Component
class EncodedSlashes implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addConnectorCustomizers(
        connector -> connector.setEncodedSolidusHandling("passthrough"));
  }
}
