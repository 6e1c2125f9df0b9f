package dev.baton.engine.system;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "System")
class SystemController {

  private final SystemService system;

  SystemController(SystemService system) {
    this.system = system;
  }

  @GetMapping(ApiPaths.SYSTEM)
  @Operation(summary = "Versions, database and the signed-in user")
  SystemInfo info(Principal principal) {
    return system.info(principal == null ? null : principal.getName());
  }
}
