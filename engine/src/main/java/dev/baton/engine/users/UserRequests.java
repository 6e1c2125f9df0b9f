package dev.baton.engine.users;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The small bodies of the user endpoints, and the one pattern for one line of text. */
final class UserRequests {

  /** One line of printable text (no control characters). */
  static final String TEXT_PATTERN = "[^\\p{Cntrl}]*";

  private UserRequests() {}

  /** Body of {@code PUT /api/users/{id}/roles}: the user's complete set of Baton roles. */
  record Roles(@NotEmpty @Size(max = 3) List<@NotNull String> roles) {}

  /** Body of {@code PUT /api/users/{id}/password}: an administrator sets a new password. */
  record PasswordReset(@NotNull String password) {}

  /** Body of {@code PUT /api/me/password}: the current password proves it is the user. */
  record PasswordChange(@NotNull String current, @NotNull @JsonProperty("new") String next) {}
}
