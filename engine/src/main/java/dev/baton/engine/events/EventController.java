package dev.baton.engine.events;

import dev.baton.engine.system.ApiPaths;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The outbox's backlog, for operators and administrators. */
@RestController
class EventController {

  private final EventBacklog backlog;

  EventController(EventBacklog backlog) {
    this.backlog = backlog;
  }

  @Operation(summary = "Process events waiting to be published, and whether the broker is reached")
  @GetMapping(ApiPaths.EVENTS_STATUS)
  EventStatus status() {
    return backlog.status();
  }
}
