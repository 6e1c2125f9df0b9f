package dev.baton.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;

class JsonVariablesTest {

  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void shouldMapJsonScalarsToMatchingVariableTypes() throws Exception {
    // given
    JsonNode json =
        mapper.readTree("{\"s\":\"x\",\"b\":true,\"i\":7,\"l\":12345678901,\"d\":1.5,\"n\":null}");

    // when
    VariableMap variables = JsonVariables.fromJson(json);

    // then
    assertThat(variables.getValueTyped("s").getType()).isEqualTo(ValueType.STRING);
    assertThat(variables.getValueTyped("b").getType()).isEqualTo(ValueType.BOOLEAN);
    assertThat(variables.getValueTyped("i").getType()).isEqualTo(ValueType.INTEGER);
    assertThat(variables.getValueTyped("l").getType()).isEqualTo(ValueType.LONG);
    assertThat(variables.getValueTyped("d").getType()).isEqualTo(ValueType.DOUBLE);
    assertThat(variables.getValueTyped("n").getValue()).isNull();
  }

  @Test
  void shouldStoreObjectsAndArraysAsJsonAndReadThemBack() throws Exception {
    // given
    JsonNode json = mapper.readTree("{\"items\":[{\"sku\":\"A\",\"qty\":2}]}");

    // when
    VariableMap variables = JsonVariables.fromJson(json);
    Map<String, Object> back = JsonVariables.toJson(variables, mapper);

    // then
    assertThat(variables.getValueTyped("items").getType().getName()).isEqualTo("json");
    JsonNode roundTrip = mapper.valueToTree(back);
    assertThat(roundTrip).isEqualTo(json);
  }

  @Test
  void shouldRejectWhatHasNoFaithfulVariableForm() throws Exception {
    assertThatThrownBy(() -> JsonVariables.fromJson(mapper.readTree("[1,2]")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be a JSON object");
    assertThatThrownBy(
            () ->
                JsonVariables.fromJson(mapper.readTree("{\"big\":123456789012345678901234567890}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'big'");
    assertThatThrownBy(() -> JsonVariables.fromJson(mapper.readTree("{\"\":1}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("blank");
  }

  @Test
  void shouldNeverDeserializeJavaSerializedObjects() {
    // given a variable stored with Java serialization, read without deserializing
    VariableMap variables =
        Variables.createVariables()
            .putValueTyped(
                "payload",
                Variables.serializedObjectValue("rO0AB...")
                    .serializationDataFormat(SerializationDataFormats.JAVA)
                    .objectTypeName("com.example.Evil")
                    .create());

    // when
    Object json = JsonVariables.toJson(variables, mapper).get("payload");

    // then
    assertThat(json).isEqualTo("<object in application/x-java-serialized-object>");
  }

  @Test
  void shouldShowStoredJsonTooDeepToReadAsUnreadableAndKeepTheOtherVariables() {
    // given: a Json value stored before nesting was bounded, deeper than the parser reads
    String deep = "[".repeat(3000) + "]".repeat(3000);
    VariableMap variables =
        Variables.createVariables()
            .putValueTyped("deep", SpinValues.jsonValue(deep).create())
            .putValue("orderId", "A-1");

    // when
    Map<String, Object> json = JsonVariables.toJson(variables, mapper);

    // then
    assertThat(json.get("deep")).asString().startsWith("<unreadable json: ").contains("depth");
    assertThat(json.get("orderId")).isEqualTo("A-1");
  }
}
