package dev.baton.engine.variables;

import java.util.List;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.impl.variable.serializer.VariableSerializers;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps one of the engine's serializers of serialized values (Spin JSON, Spin objects): when a
 * stored value cannot be deserialized (a class off the allowlist, JSON nested deeper than the
 * parser reads), it is handed out in its serialized form instead of failing the whole read. One bad
 * value would otherwise fail every fetch-and-lock with {@code deserializeValues} that includes its
 * task, and every deserialized read of its instance, for good.
 */
final class ReadableSerializer<T extends TypedValue> implements TypedValueSerializer<T> {

  private static final Logger LOG = LoggerFactory.getLogger(ReadableSerializer.class);

  private final TypedValueSerializer<T> serializer;

  private ReadableSerializer(TypedValueSerializer<T> serializer) {
    this.serializer = serializer;
  }

  /** Wraps every serializer of serialized values in place, keeping their order and names. */
  static void wrapAll(VariableSerializers serializers) {
    for (TypedValueSerializer<?> serializer : List.copyOf(serializers.getSerializers())) {
      if (serializer.getSerializationDataformat() != null
          && !(serializer instanceof ReadableSerializer)) {
        int index = serializers.getSerializerIndex(serializer);
        serializers.removeSerializer(serializer);
        serializers.addSerializer(new ReadableSerializer<>(serializer), index);
      }
    }
  }

  @Override
  public T readValue(ValueFields fields, boolean deserializeValue, boolean isTransient) {
    if (!deserializeValue) {
      return serializer.readValue(fields, false, isTransient);
    }
    try {
      return serializer.readValue(fields, true, isTransient);
    } catch (RuntimeException unreadable) {
      LOG.warn(
          "Variable '{}' cannot be deserialized and is handed out serialized: {}",
          fields.getName(),
          unreadable.getMessage());
      return serializer.readValue(fields, false, isTransient);
    }
  }

  @Override
  public String getName() {
    return serializer.getName();
  }

  @Override
  public ValueType getType() {
    return serializer.getType();
  }

  @Override
  public void writeValue(T value, ValueFields fields) {
    serializer.writeValue(value, fields);
  }

  @Override
  public boolean canHandle(TypedValue value) {
    return serializer.canHandle(value);
  }

  @Override
  public T convertToTypedValue(UntypedValueImpl untypedValue) {
    return serializer.convertToTypedValue(untypedValue);
  }

  @Override
  public String getSerializationDataformat() {
    return serializer.getSerializationDataformat();
  }

  @Override
  public boolean isMutableValue(T typedValue) {
    return serializer.isMutableValue(typedValue);
  }
}
