package dev.baton.engine.deployments;

import dev.baton.adapters.rules.Problem;
import dev.baton.engine.system.ApiPaths;
import dev.baton.engine.system.BadRequestException;
import dev.baton.engine.system.BatonProperties;
import dev.baton.engine.system.PageView;
import dev.baton.engine.system.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

@RestController
@Tag(name = "Deployments")
class DeploymentController {

  private final DeploymentService deployments;
  private final DeploymentRemoval removal;
  private final DeploymentCatalog catalog;
  private final long maxSize;

  DeploymentController(
      DeploymentService deployments,
      DeploymentRemoval removal,
      DeploymentCatalog catalog,
      BatonProperties properties) {
    this.deployments = deployments;
    this.removal = removal;
    this.catalog = catalog;
    this.maxSize = properties.getDeployments().getMaxSize().toBytes();
  }

  @PostMapping(
      value = ApiPaths.LINT,
      consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
  @Operation(
      summary = "Check a BPMN file (the XML as the body) with the rules a deployment applies")
  Map<String, List<Problem>> lint(InputStream body) throws IOException {
    return Map.of("problems", deployments.lint(read(body)));
  }

  @PostMapping(value = ApiPaths.DEPLOYMENTS, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "Validate and deploy a BPMN file; an unchanged diagram makes no new version")
  ResponseEntity<DeploymentResult> deploy(
      @RequestPart("file") MultipartFile file,
      @RequestParam(required = false) String versionTag,
      @RequestParam(required = false) String note,
      Principal user)
      throws IOException {
    if (versionTag != null && versionTag.length() > 255) {
      throw new BadRequestException("versionTag is at most 255 characters");
    }
    if (note != null && note.length() > 2000) {
      throw new BadRequestException("note is at most 2000 characters");
    }
    DeploymentResult result;
    try (InputStream in = file.getInputStream()) {
      result = deployments.deploy(read(in), versionTag, note, user.getName());
    }
    if (!result.changed()) {
      return ResponseEntity.ok(result);
    }
    return ResponseEntity.created(
            URI.create(ApiPaths.DEFINITIONS + "/" + result.definitions().get(0).id()))
        .body(result);
  }

  @GetMapping(ApiPaths.DEPLOYMENTS)
  @Operation(
      summary =
          "Deployments, newest first, with their files, deployer, note and running/ended counts")
  PageView<DeploymentView> list(
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
    return catalog.list(new Paging(page, size));
  }

  @GetMapping(ApiPaths.DEPLOYMENT_RESOURCE)
  @Operation(summary = "Download one file of a deployment (always as an attachment)")
  ResponseEntity<byte[]> resource(@PathVariable String id, @PathVariable String resourceId) {
    DeploymentFile file = catalog.resource(id, resourceId);
    return ResponseEntity.ok()
        .contentType(file.mediaType())
        .header(HttpHeaders.CONTENT_DISPOSITION, file.disposition().toString())
        .body(file.content());
  }

  @DeleteMapping(ApiPaths.DEPLOYMENT)
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(
      summary =
          "Delete a deployment (its definitions are suspended first, so running timers stop);"
              + " cascade=true also deletes its instances, otherwise running instances are a 409")
  void delete(@PathVariable String id, @RequestParam(defaultValue = "false") boolean cascade) {
    removal.delete(id, cascade);
  }

  /** Reads at most the size limit plus one byte, so a huge upload is refused, not buffered. */
  private byte[] read(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxSize + 1));
    if (bytes.length > maxSize) {
      throw new ResponseStatusException(
          HttpStatus.PAYLOAD_TOO_LARGE,
          "The file is larger than the limit of " + maxSize + " bytes");
    }
    return bytes;
  }
}
