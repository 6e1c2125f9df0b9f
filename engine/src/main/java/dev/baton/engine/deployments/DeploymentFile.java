package dev.baton.engine.deployments;

import java.util.Locale;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;

/**
 * A deployed file as stored, and how to hand it out: the resource name is whatever the deployer
 * chose (paths, quotes, line breaks, non-ASCII), so the download name keeps only the last path
 * segment's letters, digits, '.', '_' and '-'; a type a browser could render as a page (HTML, SVG)
 * or anything unknown goes out as plain bytes.
 */
public record DeploymentFile(String name, byte[] content) {

  static final int MAX_NAME = 100;

  private static final Map<String, MediaType> TYPES =
      Map.of(
          "bpmn", MediaType.APPLICATION_XML,
          "dmn", MediaType.APPLICATION_XML,
          "cmmn", MediaType.APPLICATION_XML,
          "xml", MediaType.APPLICATION_XML,
          "form", MediaType.APPLICATION_JSON,
          "json", MediaType.APPLICATION_JSON,
          "png", MediaType.IMAGE_PNG,
          "txt", MediaType.TEXT_PLAIN);

  /** A file name that is safe in a header and on any file system. */
  public String safeName() {
    String base = name == null ? "" : name;
    base = base.substring(Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\')) + 1);
    String cleaned = base.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^[._]+", "");
    if (cleaned.length() > MAX_NAME) {
      cleaned = cleaned.substring(cleaned.length() - MAX_NAME);
    }
    return cleaned.isEmpty() || cleaned.chars().allMatch(c -> c == '_') ? "resource" : cleaned;
  }

  /** The content type by the name's extension; unknown or renderable types as plain bytes. */
  public MediaType mediaType() {
    String safe = safeName();
    int dot = safe.lastIndexOf('.');
    String extension = dot < 0 ? "" : safe.substring(dot + 1).toLowerCase(Locale.ROOT);
    return TYPES.getOrDefault(extension, MediaType.APPLICATION_OCTET_STREAM);
  }

  /** Always an attachment: the browser saves the file rather than showing it on Baton's origin. */
  public ContentDisposition disposition() {
    return ContentDisposition.attachment().filename(safeName()).build();
  }
}
