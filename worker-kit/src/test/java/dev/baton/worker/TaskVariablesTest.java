package dev.baton.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.variable.ClientValues;
import org.camunda.bpm.client.variable.value.JsonValue;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.Test;

class TaskVariablesTest {

  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void shouldTurnTaskVariablesIntoJsonCompatibleValues() throws Exception {
    // given
    ExternalTask task = mock(ExternalTask.class);
    when(task.getAllVariablesTyped(false))
        .thenReturn(
            Variables.createVariables()
                .putValueTyped("orderId", Variables.stringValue("o-1"))
                .putValueTyped("amount", Variables.doubleValue(12.5))
                .putValueTyped("express", Variables.booleanValue(true))
                .putValueTyped("items", ClientValues.jsonValue("[{\"sku\":\"A\",\"qty\":2}]"))
                .putValueTyped("note", Variables.untypedNullValue()));

    // when
    Map<String, Object> json = TaskVariables.toJson(task, mapper);

    // then
    assertThat((JsonNode) mapper.valueToTree(json))
        .isEqualTo(
            mapper.readTree(
                "{\"orderId\":\"o-1\",\"amount\":12.5,\"express\":true,"
                    + "\"items\":[{\"sku\":\"A\",\"qty\":2}],\"note\":null}"));
  }

  @Test
  void shouldTurnOutputsIntoTypedVariablesWithJsonForObjects() {
    // given
    Map<String, Object> outputs = new LinkedHashMap<>();
    outputs.put("trackingNumber", mapper.getNodeFactory().textNode("TRK-1"));
    outputs.put("parcels", 2);
    outputs.put("weight", 1.5);
    outputs.put("big", 10_000_000_000L);
    outputs.put("label", Map.of("carrier", "DHL"));
    outputs.put("steps", List.of("a", "b"));
    outputs.put("gone", null);
    outputs.put("typed", Variables.integerValue(7));

    // when
    Map<String, Object> variables = TaskVariables.toClient(outputs, mapper);

    // then
    assertThat(value(variables, "trackingNumber")).isEqualTo("TRK-1");
    assertThat(value(variables, "parcels")).isEqualTo(2);
    assertThat(value(variables, "weight")).isEqualTo(1.5);
    assertThat(value(variables, "big")).isEqualTo(10_000_000_000L);
    assertThat(variables.get("label")).isInstanceOf(JsonValue.class);
    assertThat(value(variables, "label")).isEqualTo("{\"carrier\":\"DHL\"}");
    assertThat(value(variables, "steps")).isEqualTo("[\"a\",\"b\"]");
    assertThat(value(variables, "gone")).isNull();
    assertThat(value(variables, "typed")).isEqualTo(7);
  }

  @Test
  void shouldCompleteWithoutVariablesWhenHandlerReturnsNull() {
    // given / when / then
    assertThat(TaskVariables.toClient(null, mapper)).isEmpty();
  }

  private static Object value(Map<String, Object> variables, String name) {
    Object value = ((TypedValue) variables.get(name)).getValue();
    return value instanceof JsonNode node ? node.toString() : value;
  }
}
