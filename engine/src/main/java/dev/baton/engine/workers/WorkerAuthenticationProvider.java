package dev.baton.engine.workers;

import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * HTTP Basic with a worker id and its key (what the official clients' basic-auth interceptor
 * sends). Names that are no worker's are left to the user providers.
 */
@Component
public class WorkerAuthenticationProvider implements AuthenticationProvider {

  private final WorkerCredentials credentials;

  WorkerAuthenticationProvider(WorkerCredentials credentials) {
    this.credentials = credentials;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String workerId = authentication.getName();
    Optional<WorkerCredential> credential =
        workerId == null ? Optional.empty() : credentials.find(workerId);
    if (credential.isEmpty()) {
      return null;
    }
    Object key = authentication.getCredentials();
    if (!credential.get().isActive()) {
      // DisabledException ends the search: no other provider may answer for a worker id
      throw new DisabledException("The key of worker '" + workerId + "' was revoked");
    }
    if (key == null || !WorkerCredentials.matches(credential.get(), key.toString())) {
      throw new BadCredentialsException("Wrong worker key");
    }
    WorkerPrincipal principal =
        new WorkerPrincipal(workerId, WorkerActivity.topicsOf(credential.get().getTopics()));
    return UsernamePasswordAuthenticationToken.authenticated(
        principal, null, List.of(new SimpleGrantedAuthority("ROLE_" + WorkerPrincipal.ROLE)));
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
