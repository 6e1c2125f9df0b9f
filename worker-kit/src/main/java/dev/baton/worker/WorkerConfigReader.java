package dev.baton.worker;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.boot.convert.DurationStyle;

/**
 * Reads a worker's YAML into a {@link WorkerConfig} and checks it. Fails fast with a message that
 * names the file, the key and the line: unknown keys, bad durations and missing settings are all
 * errors, never ignored.
 */
public final class WorkerConfigReader {

  private final ObjectMapper yaml;

  public WorkerConfigReader() {
    SimpleModule durations = new SimpleModule().addDeserializer(Duration.class, new Durations());
    this.yaml =
        new ObjectMapper(
                YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .registerModule(durations)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
  }

  /** Reads and checks the file; throws {@link IllegalArgumentException} saying what is wrong. */
  public WorkerConfig read(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(reader, file.toString());
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot be read (" + e.getMessage() + ")", e);
    }
  }

  /** Reads and checks YAML text; {@code source} names it in error messages. */
  public WorkerConfig read(String text, String source) {
    return read(new StringReader(text), source);
  }

  private WorkerConfig read(Reader reader, String source) {
    WorkerConfig config;
    try {
      config = yaml.readValue(reader, WorkerConfig.class);
    } catch (UnrecognizedPropertyException e) {
      throw new IllegalArgumentException(
          source
              + ": unknown key '"
              + where(e, e.getPropertyName())
              + "'"
              + line(e.getLocation())
              + "; known keys there: "
              + known(e.getKnownPropertyIds()),
          e);
    } catch (JsonMappingException e) {
      throw new IllegalArgumentException(
          source
              + ": bad value for '"
              + where(e, null)
              + "'"
              + line(e.getLocation())
              + ": "
              + e.getOriginalMessage(),
          e);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          source + ": not valid YAML" + line(e.getLocation()) + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new IllegalArgumentException(source + ": cannot be read (" + e.getMessage() + ")", e);
    }
    if (config == null) {
      throw new IllegalArgumentException(source + ": is empty");
    }
    WorkerConfigCheck.check(config, source);
    return config;
  }

  /** The dotted path of the offending key, e.g. {@code topics[0].http.url}. */
  private static String where(JsonMappingException e, String leaf) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      } else if (ref.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
      }
    }
    if (leaf != null && !path.toString().endsWith(leaf)) {
      path.append(path.isEmpty() ? "" : ".").append(leaf);
    }
    return path.toString();
  }

  private static String line(JsonLocation location) {
    return location == null || location.getLineNr() < 0
        ? ""
        : " (line " + location.getLineNr() + ")";
  }

  private static String known(Collection<Object> ids) {
    return ids == null
        ? "none"
        : new TreeSet<>(ids.stream().map(String::valueOf).toList())
            .stream().collect(Collectors.joining(", "));
  }

  /**
   * Durations in Spring Boot's style, as in Baton's application.yml: {@code 500ms}, {@code 30s},
   * {@code 5m}, or ISO-8601 {@code PT30S}. A bare number is refused: its unit would be a guess.
   */
  static final class Durations extends JsonDeserializer<Duration> {

    @Override
    public Duration deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      if (parser.currentToken() != JsonToken.VALUE_STRING) {
        return (Duration)
            context.handleUnexpectedToken(
                Duration.class,
                parser.currentToken(),
                parser,
                "a duration needs a unit, e.g. 30s, 500ms, 5m or PT30S; got %s",
                parser.getText());
      }
      String text = parser.getText().trim();
      if (text.matches("[+-]?\\d+")) {
        return (Duration)
            context.handleWeirdStringValue(
                Duration.class, text, "a duration needs a unit, e.g. 30s, 500ms, 5m or PT30S");
      }
      try {
        return DurationStyle.detectAndParse(text);
      } catch (IllegalArgumentException e) {
        return (Duration)
            context.handleWeirdStringValue(
                Duration.class, text, "not a duration; use e.g. 30s, 500ms, 5m or PT30S");
      }
    }
  }
}
