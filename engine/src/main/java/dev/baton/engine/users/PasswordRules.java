package dev.baton.engine.users;

import dev.baton.engine.system.BadRequestException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyLengthRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyUserDataRuleImpl;
import org.springframework.stereotype.Component;

/**
 * Baton's password policy, checked through the engine's own policy mechanism: at least {@value
 * #MIN_LENGTH} characters, at most {@value #MAX_LENGTH}, and not containing the user's id, name or
 * email. Every password set through Baton's API passes here.
 */
@Component
public class PasswordRules {

  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 256;

  private static final Map<String, String> MESSAGES =
      Map.of(
          PasswordPolicyLengthRuleImpl.PLACEHOLDER,
          "at least " + MIN_LENGTH + " characters",
          PasswordPolicyUserDataRuleImpl.PLACEHOLDER,
          "not containing the user's id, name or email");

  private static final PasswordPolicy POLICY =
      () ->
          List.of(
              new PasswordPolicyLengthRuleImpl(MIN_LENGTH), new PasswordPolicyUserDataRuleImpl());

  private final IdentityService identity;

  PasswordRules(IdentityService identity) {
    this.identity = identity;
  }

  /** Refuses (400) a password that breaks the policy, naming each rule it breaks. */
  public void check(String password, User user) {
    if (password.length() > MAX_LENGTH) {
      throw new BadRequestException("The password must be at most " + MAX_LENGTH + " characters");
    }
    PasswordPolicyResult result = identity.checkPasswordAgainstPolicy(POLICY, password, user);
    if (!result.isValid()) {
      List<String> broken =
          result.getViolatedRules().stream()
              .map(PasswordPolicyRule::getPlaceholder)
              .map(p -> MESSAGES.getOrDefault(p, p))
              .toList();
      throw new BadRequestException("The password must be " + String.join(" and ", broken));
    }
  }
}
