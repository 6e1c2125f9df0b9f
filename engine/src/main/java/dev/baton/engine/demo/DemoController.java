package dev.baton.engine.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.baton.engine.system.ApiPaths;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The demo order services over HTTP, as the reference process's adapters call them. */
@RestController
@RequestMapping(ApiPaths.DEMO)
@ConditionalOnProperty(prefix = "baton.engine.demo", name = "enabled")
class DemoController {

  private static final String KEY = "Idempotency-Key";

  private final DemoServices demo;

  DemoController(DemoServices demo) {
    this.demo = demo;
  }

  @PostMapping("/inventory/reserve")
  ResponseEntity<String> reserve(@RequestHeader(name = KEY, required = false) String key) {
    return answer(demo.reserve(key));
  }

  @PostMapping("/inventory/release")
  ResponseEntity<String> release(@RequestHeader(name = KEY, required = false) String key) {
    return answer(demo.release(key));
  }

  @PostMapping("/payment/charge")
  ResponseEntity<String> charge(
      @RequestHeader(name = KEY, required = false) String key,
      @RequestBody(required = false) JsonNode order) {
    return answer(demo.charge(key, order == null ? NullNode.getInstance() : order));
  }

  @PostMapping("/payment/refund")
  ResponseEntity<String> refund(@RequestHeader(name = KEY, required = false) String key) {
    return answer(demo.refund(key));
  }

  @PostMapping("/shipping/ship")
  ResponseEntity<String> ship(
      @RequestHeader(name = KEY, required = false) String key,
      @RequestBody(required = false) JsonNode order) {
    return answer(demo.ship(key, order == null ? NullNode.getInstance() : order));
  }

  /** Switches a service on ({@code {"available": true}}) or off (it then answers 503). */
  @PutMapping("/{service}/availability")
  ResponseEntity<Void> availability(@PathVariable String service, @RequestBody Availability body) {
    demo.setAvailable(service, body.available());
    return ResponseEntity.noContent().build();
  }

  /**
   * The effects a service recorded, optionally for keys starting with a prefix (an instance id).
   */
  @GetMapping("/{service}/effects")
  List<EffectView> effects(
      @PathVariable String service, @RequestParam(required = false) String keyPrefix) {
    return demo.effects(service, keyPrefix).stream().map(EffectView::of).toList();
  }

  record Availability(boolean available) {}

  record EffectView(String operation, String idempotencyKey, int status, int attempts) {
    static EffectView of(DemoEffect effect) {
      return new EffectView(
          effect.getOperation(),
          effect.getIdempotencyKey(),
          effect.getStatus(),
          effect.getAttempts());
    }
  }

  private static ResponseEntity<String> answer(DemoServices.Answer answer) {
    return ResponseEntity.status(answer.status())
        .contentType(MediaType.APPLICATION_JSON)
        .body(answer.body());
  }
}
