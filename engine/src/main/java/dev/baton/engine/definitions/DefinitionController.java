package dev.baton.engine.definitions;

import dev.baton.engine.system.ApiPaths;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DefinitionController {

  private final DefinitionService definitions;

  DefinitionController(DefinitionService definitions) {
    this.definitions = definitions;
  }

  @GetMapping(ApiPaths.DEFINITIONS)
  List<DefinitionView> list() {
    return definitions.list();
  }
}
