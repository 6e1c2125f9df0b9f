package dev.baton.engine.system;

import java.security.Principal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SystemController {

  private final SystemService system;

  SystemController(SystemService system) {
    this.system = system;
  }

  @GetMapping(ApiPaths.SYSTEM)
  SystemInfo info(Principal principal) {
    return system.info(principal == null ? null : principal.getName());
  }
}
