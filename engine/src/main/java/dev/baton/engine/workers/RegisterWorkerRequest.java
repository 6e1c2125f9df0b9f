package dev.baton.engine.workers;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Body of {@code POST /api/workers}. */
public record RegisterWorkerRequest(
    @NotNull
        @Pattern(
            regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}",
            message =
                "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit")
        String workerId,
    @NotEmpty @Size(max = 50)
        List<
                @NotNull
                @Pattern(
                    regexp = "[^,\\s]{1,128}",
                    message = "must be 1 to 128 characters without commas or spaces")
                String>
            topics) {}
