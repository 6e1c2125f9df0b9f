package dev.baton.engine.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks user name and password against Camunda's identity tables (or a check of the same password
 * remembered for a few seconds, {@link PasswordCheckCache}); the user's groups become {@code
 * ROLE_<group>} authorities.
 */
@Component
class IdentityAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identity;
  private final PasswordCheckCache checks;

  IdentityAuthenticationProvider(IdentityService identity, PasswordCheckCache checks) {
    this.identity = identity;
    this.checks = checks;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String user = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (user == null || credentials == null) {
      throw new BadCredentialsException("Wrong user name or password");
    }
    String password = credentials.toString();
    List<String> groups =
        checks.groups(user, password).orElseGet(() -> checkWithEngine(user, password));
    List<GrantedAuthority> authorities =
        groups.stream()
            .<GrantedAuthority>map(group -> new SimpleGrantedAuthority("ROLE_" + group))
            .toList();
    return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
  }

  private List<String> checkWithEngine(String user, String password) {
    if (!identity.checkPassword(user, password)) {
      throw new BadCredentialsException("Wrong user name or password");
    }
    List<String> groups =
        identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    checks.remember(user, password, groups);
    return groups;
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
