package dev.baton.engine.security;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Tells the {@link LoginThrottle} how each sign-in went. Spring Security publishes these events for
 * form sign-ins and for every HTTP Basic request alike; the client address comes from the details
 * its filters attach.
 */
@Component
class LoginEvents {

  private final LoginThrottle throttle;

  LoginEvents(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @EventListener
  void onFailure(AuthenticationFailureBadCredentialsEvent event) {
    String address = addressOf(event.getAuthentication());
    if (address != null) {
      throttle.failed(address, event.getAuthentication().getName());
    }
  }

  @EventListener
  void onSuccess(AuthenticationSuccessEvent event) {
    String address = addressOf(event.getAuthentication());
    if (address != null) {
      throttle.succeeded(address, event.getAuthentication().getName());
    }
  }

  private static String addressOf(Authentication authentication) {
    return authentication.getDetails() instanceof WebAuthenticationDetails details
        ? details.getRemoteAddress()
        : null;
  }
}
