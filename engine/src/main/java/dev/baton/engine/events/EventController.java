package dev.baton.engine.events;

import dev.baton.engine.system.ApiPaths;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The outbox's backlog and the live event stream, for operators and administrators. */
@RestController
class EventController {

  private final EventBacklog backlog;
  private final EventStream stream;

  EventController(EventBacklog backlog, EventStream stream) {
    this.backlog = backlog;
    this.stream = stream;
  }

  @Operation(summary = "Process events waiting to be published, and whether the broker is reached")
  @GetMapping(ApiPaths.EVENTS_STATUS)
  EventStatus status() {
    return backlog.status();
  }

  @Operation(
      summary =
          "Server-sent events of work committed on this node (id: event id, event: type, data: the"
              + " event's JSON), optionally of one process or instance")
  @GetMapping(path = ApiPaths.EVENTS_STREAM, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter stream(
      @RequestParam(required = false) String processKey,
      @RequestParam(required = false) String instanceId) {
    return stream.subscribe(processKey, instanceId);
  }
}
