package dev.baton.engine.system;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
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
  SystemInfo info(Authentication user) {
    return system.info(
        user == null ? null : user.getName(),
        user == null
            ? java.util.List.of()
            : user.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring("ROLE_".length()))
                .sorted()
                .toList());
  }
}
