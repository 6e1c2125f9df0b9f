package dev.baton.engine.users;

import dev.baton.engine.security.PasswordGuesses;
import dev.baton.engine.security.Roles;
import dev.baton.engine.system.BadRequestException;
import dev.baton.engine.system.ConflictException;
import dev.baton.engine.system.NotFoundException;
import dev.baton.engine.workers.WorkerCredentials;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People and their roles, through the engine's identity service as the signed-in administrator.
 * Only Baton's roles are ever granted or taken (never the worker group or any other group), and the
 * last administrator can be neither removed nor demoted: the check runs after the change, in the
 * same transaction, which is rolled back when no administrator would remain; such changes run one
 * at a time on every node ({@link AdministratorsLock}).
 */
@Service
public class UserAdministration {

  private final IdentityService identity;
  private final PasswordRules passwords;
  private final WorkerCredentials workers;
  private final PasswordGuesses guesses;
  private final AdministratorsLock administrators;

  /** The engine's rule for user ids (its resource whitelist), checked before asking it. */
  private final Pattern ids;

  UserAdministration(
      ProcessEngine engine,
      PasswordRules passwords,
      WorkerCredentials workers,
      PasswordGuesses guesses,
      AdministratorsLock administrators) {
    this.identity = engine.getIdentityService();
    this.passwords = passwords;
    this.workers = workers;
    this.guesses = guesses;
    this.administrators = administrators;
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    String pattern = configuration.getUserResourceWhitelistPattern();
    this.ids =
        Pattern.compile(
            pattern == null || pattern.isBlank()
                ? configuration.getGeneralResourceWhitelistPattern()
                : pattern);
  }

  /** Every user, by id, with their Baton roles. */
  public List<UserView> list() {
    Map<String, List<String>> roles = new HashMap<>();
    for (String role : Roles.ALL) {
      identity
          .createUserQuery()
          .memberOfGroup(role)
          .list()
          .forEach(u -> roles.computeIfAbsent(u.getId(), id -> new ArrayList<>()).add(role));
    }
    return identity.createUserQuery().orderByUserId().asc().list().stream()
        .map(u -> view(u, roles.getOrDefault(u.getId(), List.of())))
        .toList();
  }

  /** Creates a user with a password that passes the policy and at least one role. */
  @Transactional
  public UserView create(CreateUserRequest request) {
    List<String> roles = checkedRoles(request.roles());
    if (!ids.matcher(request.id()).matches()) {
      throw new BadRequestException(
          "A user id may hold letters and digits only (the engine's rule: " + ids.pattern() + ")");
    }
    if (identity.createUserQuery().userId(request.id()).count() > 0) {
      throw new ConflictException("User '" + request.id() + "' exists already");
    }
    if (workers.isWorker(request.id())) {
      throw new ConflictException("'" + request.id() + "' is a worker id; choose another user id");
    }
    User user = identity.newUser(request.id());
    setName(user, request.name());
    user.setEmail(blankToNull(request.email()));
    passwords.check(request.password(), user);
    user.setPassword(request.password());
    identity.saveUser(user);
    roles.forEach(role -> identity.createMembership(user.getId(), role));
    return view(user, roles);
  }

  /** Removes a user (their memberships and grants go with them); never the last administrator. */
  @Transactional
  public void remove(String userId) {
    administrators.acquire();
    existing(userId);
    identity.deleteUser(userId);
    requireAnAdministrator();
  }

  /** Makes {@code roles} the user's complete set of Baton roles; never demotes the last admin. */
  @Transactional
  public UserView setRoles(String userId, List<String> requested) {
    administrators.acquire();
    User user = existing(userId);
    List<String> roles = checkedRoles(requested);
    List<String> held = rolesOf(userId);
    for (String role : Roles.ALL) {
      if (held.contains(role) && !roles.contains(role)) {
        identity.deleteMembership(userId, role);
      } else if (!held.contains(role) && roles.contains(role)) {
        identity.createMembership(userId, role);
      }
    }
    requireAnAdministrator();
    return view(user, roles);
  }

  /** An administrator sets a new password; the old one stops working at once. */
  public void resetPassword(String userId, String password) {
    User user = existing(userId);
    passwords.check(password, user);
    user.setPassword(password);
    identity.saveUser(user);
  }

  /**
   * The signed-in user changes their own password, proving it with the current one; wrong current
   * passwords count as failed sign-ins of this user and address ({@link PasswordGuesses}).
   */
  public void changeOwnPassword(String userId, String current, String next, String address) {
    guesses.requireAllowed(address, userId);
    if (!identity.checkPassword(userId, current)) {
      guesses.failed(address, userId);
      throw new BadRequestException("The current password is wrong");
    }
    guesses.succeeded(address, userId);
    User user = existing(userId);
    passwords.check(next, user);
    user.setPassword(next);
    identity.saveUser(user);
  }

  private User existing(String userId) {
    User user = identity.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      throw new NotFoundException("No user '" + userId + "'");
    }
    return user;
  }

  private List<String> rolesOf(String userId) {
    return Roles.ALL.stream()
        .filter(r -> identity.createUserQuery().userId(userId).memberOfGroup(r).count() > 0)
        .toList();
  }

  private static List<String> checkedRoles(List<String> requested) {
    Set<String> roles = new LinkedHashSet<>(requested);
    for (String role : roles) {
      if (!Roles.ALL.contains(role)) {
        throw new BadRequestException(
            "Unknown role '" + role + "'; roles are " + String.join(", ", Roles.ALL));
      }
    }
    return Roles.ALL.stream().filter(roles::contains).toList();
  }

  private void requireAnAdministrator() {
    if (identity.createUserQuery().memberOfGroup(Roles.ADMIN).count() == 0) {
      throw new ConflictException(
          "The last administrator cannot be removed or lose the admin role");
    }
  }

  private static void setName(User user, String name) {
    String trimmed = blankToNull(name);
    if (trimmed == null) {
      user.setFirstName(user.getId());
      return;
    }
    int space = trimmed.indexOf(' ');
    user.setFirstName(space < 0 ? trimmed : trimmed.substring(0, space));
    user.setLastName(space < 0 ? null : trimmed.substring(space + 1).trim());
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static UserView view(User user, List<String> roles) {
    String name =
        ((user.getFirstName() == null ? "" : user.getFirstName())
                + " "
                + (user.getLastName() == null ? "" : user.getLastName()))
            .trim();
    return new UserView(user.getId(), name, user.getEmail(), roles);
  }
}
