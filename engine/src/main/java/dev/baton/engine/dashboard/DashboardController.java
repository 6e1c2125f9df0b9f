package dev.baton.engine.dashboard;

import dev.baton.engine.system.ApiPaths;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Dashboard")
class DashboardController {

  private final DashboardService dashboard;

  DashboardController(DashboardService dashboard) {
    this.dashboard = dashboard;
  }

  @GetMapping(ApiPaths.DASHBOARD)
  @Operation(
      summary = "Running, incidents, started and completed counts, completions per hour, workers")
  DashboardView dashboard() {
    return dashboard.dashboard();
  }
}
