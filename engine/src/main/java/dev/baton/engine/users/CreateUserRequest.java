package dev.baton.engine.users;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Body of {@code POST /api/users}; the password is checked against {@link PasswordRules}. */
public record CreateUserRequest(
    @NotNull @Size(min = 1, max = 64) String id,
    @Size(max = 255) @Pattern(regexp = UserRequests.TEXT_PATTERN, message = "must be one line")
        String name,
    @Size(max = 255) @Email String email,
    @NotNull String password,
    @NotEmpty @Size(max = 3) List<@NotNull String> roles) {}
