package dev.baton.engine.history;

import dev.baton.engine.system.ApiPaths;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "System")
class HistoryCleanupController {

  private final HistoryCleanupService cleanup;

  HistoryCleanupController(HistoryCleanupService cleanup) {
    this.cleanup = cleanup;
  }

  @GetMapping(ApiPaths.HISTORY_CLEANUP)
  @Operation(
      summary =
          "History cleanup: strategy, time to live (default and per definition), window, last and"
              + " next run (admin)")
  HistoryCleanupView cleanup() {
    return cleanup.cleanup();
  }
}
