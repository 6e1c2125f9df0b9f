package dev.baton.engine.definitions;

import dev.baton.engine.system.ApiPaths;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Definitions")
class DefinitionController {

  private final DefinitionService definitions;
  private final DefinitionSuspension suspension;

  DefinitionController(DefinitionService definitions, DefinitionSuspension suspension) {
    this.definitions = definitions;
    this.suspension = suspension;
  }

  @PutMapping(ApiPaths.DEFINITION_SUSPENSION)
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(
      summary =
          "Suspend or activate a definition version (timer starts stop; with includeInstances its"
              + " instances too)")
  void suspension(@PathVariable String id, @Valid @RequestBody SuspensionRequest request) {
    suspension.set(id, request.suspended(), request.withInstances());
  }

  @GetMapping(ApiPaths.DEFINITIONS)
  @Operation(summary = "Every deployed definition version with running and incident counts")
  List<DefinitionView> list() {
    return definitions.list();
  }

  @GetMapping(ApiPaths.DEFINITION_VERSIONS)
  @Operation(summary = "Every version of a process key, newest first")
  List<DefinitionVersion> versions(@PathVariable String key) {
    return definitions.versions(key);
  }

  @GetMapping(ApiPaths.DEFINITION)
  @Operation(summary = "One definition version with its deployment")
  DefinitionDetail get(@PathVariable String id) {
    return definitions.get(id);
  }

  @GetMapping(value = ApiPaths.DEFINITION_XML, produces = MediaType.APPLICATION_XML_VALUE)
  @Operation(summary = "The BPMN XML of a definition version")
  String xml(@PathVariable String id) {
    return definitions.xml(id);
  }

  @GetMapping(ApiPaths.DEFINITION_STATISTICS)
  @Operation(
      summary =
          "Per activity: instances waiting, incidents, and passed count with p50/p95 durations")
  ActivityStatistics statistics(@PathVariable String id) {
    return definitions.statistics(id);
  }
}
