package dev.baton.engine.variables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.engine.system.BadRequestException;
import dev.baton.engine.system.BatonProperties;
import java.util.List;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;

class VariablePolicyTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void shouldAllowJdkValueAndCollectionClassesOnlyWhenTheAllowlistIsEmpty() {
    // given
    VariablePolicy policy = policy();

    // then
    assertThat(policy.allowsClass("java.util.LinkedHashMap")).isTrue();
    assertThat(policy.allowsClass("java.lang.String")).isTrue();
    assertThat(policy.allowsClass("org.h2.jdbcx.JdbcDataSource")).isFalse();
    assertThat(policy.allowsClass("java.lang.ProcessBuilder")).isFalse();
    assertThat(policy.allowsClass("java.lang.reflect.Method")).isFalse();
    assertThat(policy.allowsClass(null)).isFalse();
  }

  @Test
  void shouldAllowAClassOnTheAllowlist() {
    // given
    VariablePolicy policy = policy("com.example.Order");

    // when
    String refusal = policy.refusal("order", object("java.util.ArrayList<com.example.Order>"));

    // then
    assertThat(policy.allowsClass("com.example.Order")).isTrue();
    assertThat(refusal).isNull();
  }

  @Test
  void shouldRefuseAnObjectNamingAClassOffTheAllowlistAnywhereInItsTypeName() {
    // given
    VariablePolicy policy = policy();

    // when
    String plain = policy.refusal("ds", object("org.h2.jdbcx.JdbcDataSource"));
    String nested =
        policy.refusal(
            "ds", object("java.util.HashMap<java.lang.String,org.h2.jdbcx.JdbcDataSource>"));
    String array = policy.refusal("ds", object("org.h2.jdbcx.JdbcDataSource[]"));
    String missing = policy.refusal("ds", object(null));

    // then
    assertThat(plain).contains("'ds'", "org.h2.jdbcx.JdbcDataSource");
    assertThat(nested).contains("org.h2.jdbcx.JdbcDataSource");
    assertThat(array).contains("org.h2.jdbcx.JdbcDataSource");
    assertThat(missing).contains("without objectTypeName");
    assertThat(
            policy.refusal("map", object("java.util.HashMap<java.lang.String,java.lang.Object>")))
        .isNull();
  }

  @Test
  void shouldRefuseJavaSerializationAndTheTypesBatonDoesNotSupport() throws Exception {
    // given
    VariablePolicy policy = policy();
    JsonNode serialized =
        MAPPER.readTree(
            "{\"value\":\"rO0AB\",\"type\":\"Object\",\"valueInfo\":{\"objectTypeName\":"
                + "\"java.util.HashMap\",\"serializationDataFormat\":"
                + "\"application/x-java-serialized-object\"}}");

    // then
    assertThat(policy.refusal("p", serialized)).contains("application/x-java-serialized-object");
    for (String type : List.of("Xml", "Bytes", "File", "spin://evil")) {
      assertThat(policy.refusal("p", dto(type, "\"x\""))).as(type).contains("has type");
    }
    for (String type : List.of("String", "boolean", "Integer", "Long", "Short", "Double", "Null")) {
      assertThat(policy.refusal("p", dto(type, "\"1\""))).as(type).isNull();
    }
  }

  @Test
  void shouldRefuseAStringOverTheEngineColumnNamingTheVariable() throws Exception {
    // given
    VariablePolicy policy = policy();
    String longText = "\"" + "a".repeat(4001) + "\"";

    // when
    String typed = policy.refusal("note", dto("String", longText));
    String untyped = policy.refusal("note", MAPPER.readTree("{\"value\":" + longText + "}"));

    // then
    assertThat(typed).contains("'note'", "4001", "4000");
    assertThat(untyped).contains("'note'");
    assertThat(policy.refusal("note", dto("String", "\"" + "a".repeat(4000) + "\""))).isNull();
    assertThatThrownBy(() -> policy.check("note", Variables.stringValue("a".repeat(4001))))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("'note'");
  }

  @Test
  void shouldRefuseJsonNestedTooDeepTooLargeOrBroken() throws Exception {
    // given
    BatonProperties.Variables settings = new BatonProperties.Variables();
    settings.setMaxJsonSize(org.springframework.util.unit.DataSize.ofKilobytes(10));
    VariablePolicy policy = new VariablePolicy(settings);
    String deep = "[".repeat(101) + "]".repeat(101);
    String fine = "[".repeat(100) + "]".repeat(100);
    String large = "[\"" + "a".repeat(11_000) + "\"]";

    // then
    assertThat(policy.refusal("j", dto("Json", MAPPER.writeValueAsString(deep))))
        .contains("'j'", "deeper than 100");
    assertThat(policy.refusal("j", dto("Json", MAPPER.writeValueAsString(fine)))).isNull();
    assertThat(policy.refusal("j", dto("Json", MAPPER.writeValueAsString(large))))
        .contains("bytes of JSON");
    assertThat(policy.refusal("j", dto("Json", "\"{oops\""))).contains("not valid JSON");
    assertThatThrownBy(() -> policy.check("j", SpinValues.jsonValue(deep).create()))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("deeper than 100");
  }

  private static VariablePolicy policy(String... allowed) {
    BatonProperties.Variables settings = new BatonProperties.Variables();
    settings.setAllowedObjectClasses(List.of(allowed));
    return new VariablePolicy(settings);
  }

  private static JsonNode dto(String type, String valueJson) throws Exception {
    return MAPPER.readTree("{\"type\":\"" + type + "\",\"value\":" + valueJson + "}");
  }

  private static JsonNode object(String typeName) {
    var dto = MAPPER.createObjectNode().put("type", "Object").put("value", "{}");
    dto.putObject("valueInfo")
        .put("objectTypeName", typeName)
        .put("serializationDataFormat", "application/json");
    return dto;
  }
}
