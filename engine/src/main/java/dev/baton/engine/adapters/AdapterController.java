package dev.baton.engine.adapters;

import dev.baton.adapters.AdapterRegistry;
import dev.baton.adapters.AdaptersProperties;
import dev.baton.adapters.http.HttpAdapterSpec;
import dev.baton.engine.system.ApiPaths;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Adapters")
class AdapterController {

  private final AdapterRegistry registry;
  private final AdaptersProperties properties;

  AdapterController(AdapterRegistry registry, AdaptersProperties properties) {
    this.registry = registry;
    this.properties = properties;
  }

  @GetMapping(ApiPaths.ADAPTERS)
  @Operation(summary = "The adapters service tasks can be bound to, with their inputs and outputs")
  List<AdapterView> adapters() {
    return registry.names().stream().map(this::view).toList();
  }

  private AdapterView view(String name) {
    HttpAdapterSpec spec = properties.getAdapters().get(name);
    if (spec == null) {
      return new AdapterView(name, "bean", null, null, List.of(), List.of());
    }
    return new AdapterView(
        name, "http", spec.httpMethod().name(), spec.getUrl(), spec.getInputs(), spec.getOutputs());
  }
}
