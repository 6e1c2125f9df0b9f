package dev.baton.engine.security;

import dev.baton.engine.system.TooManyRequestsException;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Password checks outside the sign-in (a person proving their current password to change it) count
 * against the same {@link LoginThrottle} as sign-ins: a stolen session cannot guess the password
 * faster than the sign-in form could.
 */
@Component
public class PasswordGuesses {

  private final LoginThrottle throttle;

  PasswordGuesses(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  /** Refuses (429) while this address or user is held by earlier wrong guesses. */
  public void requireAllowed(String address, String user) {
    Duration wait = throttle.retryAfter(address, user);
    if (!wait.isZero()) {
      throw new TooManyRequestsException(
          "Too many wrong passwords; try again in "
              + TooManyRequestsException.secondsToWait(wait)
              + " s.",
          wait);
    }
  }

  public void failed(String address, String user) {
    throttle.failed(address, user);
  }

  public void succeeded(String address, String user) {
    throttle.succeeded(address, user);
  }
}
