package dev.baton.engine.migrations;

import dev.baton.engine.system.ApiPaths;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Migrations")
class MigrationController {

  private final MigrationService migrations;

  MigrationController(MigrationService migrations) {
    this.migrations = migrations;
  }

  @PostMapping(ApiPaths.MIGRATION_PLAN)
  @Operation(
      summary =
          "Propose a mapping of equal activities between two versions, or validate the one sent;"
              + " every problem is named on its activity")
  MigrationPlanView plan(@Valid @RequestBody MigrationPlanRequest request) {
    return migrations.plan(request);
  }

  @PostMapping(value = ApiPaths.MIGRATIONS, params = "dryRun=true")
  @Operation(
      summary =
          "Dry run: how many instances would migrate and which would fail validation and why;"
              + " nothing changes")
  DryRunResult dryRun(@Valid @RequestBody MigrationRequest request) {
    return migrations.dryRun(request);
  }

  @PostMapping(ApiPaths.MIGRATIONS)
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(
      summary =
          "Migrate the selected running instances of a version to another, as a batch (202 with"
              + " its id)")
  MigrationStarted start(@Valid @RequestBody MigrationRequest request) {
    return migrations.start(request);
  }
}
