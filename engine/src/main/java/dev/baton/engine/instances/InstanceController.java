package dev.baton.engine.instances;

import dev.baton.engine.system.ApiPaths;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class InstanceController {

  private final InstanceService instances;

  InstanceController(InstanceService instances) {
    this.instances = instances;
  }

  @PostMapping(ApiPaths.PROCESS_INSTANCES)
  ResponseEntity<InstanceView> start(
      @PathVariable String key, @Valid @RequestBody StartInstanceRequest request) {
    InstanceView started = instances.start(key, request);
    return ResponseEntity.created(URI.create(ApiPaths.API + "/instances/" + started.id()))
        .body(started);
  }

  @GetMapping(ApiPaths.INSTANCE)
  InstanceView get(@PathVariable String id) {
    return instances.get(id);
  }
}
