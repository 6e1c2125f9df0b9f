package dev.baton.engine.security;

import dev.baton.engine.security.SessionIdentityCache.Identity;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Keeps a console session true to its person: a session holds the roles its person had at sign-in,
 * so without this an administrator who was demoted, removed or given a new password would keep what
 * they had until they signed out. {@link SessionRefreshFilter} asks here on every request of a
 * session; the sign-in and a person's own password change record the password's stamp.
 */
@Component
public class SessionRefresh {

  /** The session attribute holding the stamp of the password the person signed in with. */
  static final String CREDENTIAL_STAMP = SessionRefresh.class.getName() + ".credentialStamp";

  private final IdentityService identity;
  private final SessionIdentityCache cache;

  SessionRefresh(IdentityService identity, SessionIdentityCache cache) {
    this.identity = identity;
    this.cache = cache;
  }

  /** The person's groups and password stamp now; empty when the person no longer exists. */
  Optional<Identity> current(String user) {
    Optional<Identity> known = cache.get(user);
    if (known != null) {
      return known;
    }
    User found = identity.createUserQuery().userId(user).singleResult();
    Optional<Identity> now =
        found == null
            ? Optional.empty()
            : Optional.of(
                new Identity(
                    identity.createGroupQuery().groupMember(user).list().stream()
                        .map(Group::getId)
                        .sorted()
                        .toList(),
                    stamp(found)));
    cache.put(user, now);
    return now;
  }

  /**
   * Records the person's current password in their session: at sign-in, and after they changed it
   * themselves (so that their own session goes on while every other one of theirs ends).
   */
  public void stamp(HttpServletRequest request, String user) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return;
    }
    // this person as the engine holds them now (another node may have changed them); nobody else
    cache.forget(user);
    current(user).ifPresent(now -> session.setAttribute(CREDENTIAL_STAMP, now.credentialStamp()));
  }

  /** A digest of the stored (already hashed and salted) password: it changes with the password. */
  private static String stamp(User user) {
    String stored = user.getPassword() == null ? "" : user.getPassword();
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(stored.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String> roleNames(List<String> groups) {
    return groups.stream().map(group -> "ROLE_" + group).sorted().toList();
  }
}
