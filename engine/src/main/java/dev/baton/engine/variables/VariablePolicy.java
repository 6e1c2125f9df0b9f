package dev.baton.engine.variables;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.engine.system.BadRequestException;
import dev.baton.engine.system.BatonProperties;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The one place that says which variable values Baton accepts: the types, the classes an {@code
 * Object} value may name, and how long, large and deep values may be. Used at arrival (the request
 * filter, Baton's API) and by the engine when it deserializes a stored value.
 */
public final class VariablePolicy {

  /** The engine keeps a String in a 4,000-character column ({@code TEXT_}); longer fails there. */
  public static final int MAX_STRING_LENGTH = 4000;

  /** The only serialization format accepted for {@code Object} values. */
  public static final String JSON_FORMAT = "application/json";

  /** Levels a request body may add around a variable's value (envelope, map, DTO). */
  static final int ENVELOPE_DEPTH = 8;

  /** Variable types accepted from outside, as Camunda names them (case aside). */
  static final Set<String> TYPES =
      Set.of(
          "string", "boolean", "integer", "long", "short", "double", "date", "null", "json",
          "object");

  /**
   * JDK value and collection types: without default typing (Spin's mapper has none) Jackson fills
   * them with strings, numbers, maps and lists only, so they cannot run code.
   */
  static final Set<String> JDK_CLASSES =
      Set.of(
          "java.lang.Object",
          "java.lang.String",
          "java.lang.Boolean",
          "java.lang.Integer",
          "java.lang.Long",
          "java.lang.Short",
          "java.lang.Byte",
          "java.lang.Double",
          "java.lang.Float",
          "java.lang.Character",
          "java.math.BigDecimal",
          "java.math.BigInteger",
          "java.util.Date",
          "java.util.List",
          "java.util.Map",
          "java.util.Set",
          "java.util.Collection",
          "java.util.ArrayList",
          "java.util.LinkedList",
          "java.util.HashMap",
          "java.util.LinkedHashMap",
          "java.util.TreeMap",
          "java.util.HashSet",
          "java.util.LinkedHashSet",
          "java.util.TreeSet");

  private static final Pattern TYPE_NAME_PARTS = Pattern.compile("[<>,\\s]+");

  private final Set<String> allowedClasses;
  private final long maxJsonSize;
  private final int maxDepth;
  private final ObjectMapper values;
  private final ObjectMapper bodies;

  public VariablePolicy(BatonProperties.Variables settings) {
    this.allowedClasses = new HashSet<>(JDK_CLASSES);
    settings.getAllowedObjectClasses().stream()
        .map(String::trim)
        .filter(name -> !name.isEmpty())
        .forEach(allowedClasses::add);
    this.maxJsonSize = settings.getMaxJsonSize().toBytes();
    this.maxDepth = settings.getMaxDepth();
    this.values = mapper(maxDepth);
    this.bodies = mapper(maxDepth + ENVELOPE_DEPTH);
  }

  /** Whether an {@code Object} value may be (or contain) this class, by its binary name. */
  public boolean allowsClass(String className) {
    return className != null && allowedClasses.contains(className);
  }

  /** Deepest nesting of a JSON value, in levels. */
  public int maxDepth() {
    return maxDepth;
  }

  /** A parser for whole request bodies: values at most {@link #maxDepth()} deep, plus envelope. */
  public ObjectMapper bodyParser() {
    return bodies;
  }

  /**
   * Why a variable as Camunda's REST API receives it ({@code {value, type, valueInfo}}) is refused,
   * or {@code null} when it is accepted.
   */
  String refusal(String name, JsonNode dto) {
    JsonNode typeNode = dto.get("type");
    JsonNode value = dto.get("value");
    // a "type" that is not text is a variable named "type" inside a map, not a type name
    String type =
        typeNode != null && typeNode.isTextual()
            ? typeNode.textValue().toLowerCase(Locale.ROOT)
            : null;
    String variable = name == null ? "a variable" : "variable '" + name + "'";
    if (type != null && !TYPES.contains(type)) {
      return variable
          + " has type '"
          + typeNode.asText()
          + "'; accepted types are String, Boolean, Integer, Long, Short, Double, Date, Null,"
          + " Json and Object (allowlisted classes only)";
    }
    if (value != null && value.isTextual() && (type == null || type.equals("string"))) {
      return stringRefusal(variable, value.textValue());
    }
    if ("json".equals(type) && value != null && !value.isNull()) {
      return jsonRefusal(variable, value.isTextual() ? value.textValue() : value.toString());
    }
    if ("object".equals(type)) {
      JsonNode info = dto.path("valueInfo");
      String format = info.path("serializationDataFormat").asText(null);
      if (format != null && !format.equals(JSON_FORMAT)) {
        return variable
            + " is serialized as '"
            + format
            + "'; Object values are accepted only as "
            + JSON_FORMAT;
      }
      return typeNameRefusal(variable, info.path("objectTypeName").asText(null));
    }
    return null;
  }

  /** Refuses a typed value from Baton's API with a {@link BadRequestException} naming it. */
  public void check(String name, TypedValue value) {
    String variable = "variable '" + name + "'";
    String refusal = null;
    if (value instanceof StringValue string && string.getValue() != null) {
      refusal = stringRefusal(variable, string.getValue());
    } else if (value instanceof ObjectValue object) {
      refusal = typeNameRefusal(variable, object.getObjectTypeName());
    } else if (value instanceof SerializableValue serializable
        && serializable.getValueSerialized() != null) {
      refusal = jsonRefusal(variable, serializable.getValueSerialized());
    }
    if (refusal != null) {
      throw new BadRequestException(refusal);
    }
  }

  private static String stringRefusal(String variable, String text) {
    return text.length() > MAX_STRING_LENGTH
        ? variable
            + " is a String of "
            + text.length()
            + " characters; at most "
            + MAX_STRING_LENGTH
            + " fit (send longer text as Json)"
        : null;
  }

  private String jsonRefusal(String variable, String json) {
    long size = json.getBytes(StandardCharsets.UTF_8).length;
    if (size > maxJsonSize) {
      return variable + " is " + size + " bytes of JSON; at most " + maxJsonSize + " are accepted";
    }
    try {
      values.readTree(json);
      return null;
    } catch (StreamConstraintsException tooDeep) {
      return variable + " is JSON nested deeper than " + maxDepth + " levels";
    } catch (JsonProcessingException broken) {
      return variable + " is not valid JSON: " + broken.getOriginalMessage();
    }
  }

  private String typeNameRefusal(String variable, String objectTypeName) {
    if (objectTypeName == null || objectTypeName.isBlank()) {
      return variable + " is an Object without objectTypeName";
    }
    for (String part : TYPE_NAME_PARTS.split(objectTypeName.trim())) {
      String className = part.endsWith("[]") ? part.substring(0, part.length() - 2) : part;
      if (!className.isEmpty() && !allowsClass(className)) {
        return variable
            + " names class '"
            + className
            + "', which Object variables may not hold (baton.engine.variables"
            + ".allowed-object-classes)";
      }
    }
    return null;
  }

  private static ObjectMapper mapper(int depth) {
    return new ObjectMapper(
        JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(depth).build())
            .build());
  }
}
