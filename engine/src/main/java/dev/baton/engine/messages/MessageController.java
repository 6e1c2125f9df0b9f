package dev.baton.engine.messages;

import dev.baton.engine.system.ApiPaths;
import dev.baton.engine.system.PageView;
import dev.baton.engine.system.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Messages")
class MessageController {

  private final Messages messages;

  MessageController(Messages messages) {
    this.messages = messages;
  }

  @PostMapping(ApiPaths.MESSAGES)
  @Operation(
      summary = "Send a message to the one instance (or message start event) waiting for it",
      description =
          "200 with the instanceId it reached; 404 when nothing waits and no timeToLive was given;"
              + " 409 when several instances match. With a timeToLive and no match it waits"
              + " (202 with messageId and expiresAt) and is delivered when its process gets there."
              + " The same messageId again answers the first outcome (Idempotent-Replayed: true)"
              + " and correlates nothing.")
  ResponseEntity<MessageOutcome> send(@RequestBody MessageRequest request) {
    MessageOutcome outcome = messages.send(request);
    ResponseEntity.BodyBuilder answer =
        ResponseEntity.status(
            outcome.state() == MessageState.DELIVERED ? HttpStatus.OK : HttpStatus.ACCEPTED);
    if (outcome.replayed()) {
      answer.header("Idempotent-Replayed", "true");
    }
    return answer.body(outcome);
  }

  @GetMapping(ApiPaths.MESSAGES)
  @Operation(summary = "Recorded messages (waiting, delivered, expired, discarded), newest first")
  PageView<MessageView> list(
      @RequestParam(required = false) MessageState state,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    return messages.list(state, new Paging(page, size));
  }

  @DeleteMapping(ApiPaths.MESSAGE)
  @Operation(summary = "Discard a waiting message: it is never delivered")
  ResponseEntity<Void> discard(@PathVariable String messageId) {
    messages.discard(messageId);
    return ResponseEntity.noContent().build();
  }
}
