package dev.baton.engine.variables;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.engine.system.BatonProperties;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class VariableInputFilterTest {

  private final VariableInputFilter filter =
      new VariableInputFilter(new ObjectMapper(), new BatonProperties.Variables());

  @Test
  void shouldRefuseJavaSerializationWrittenWithJsonEscapes() throws Exception {
    for (String format :
        new String[] {
          "application\\/x-java-serialized-object", "\\u0061pplication/x-java-serialized-object"
        }) {
      // given
      String body =
          "{\"variables\":{\"p\":{\"value\":\"rO0AB\",\"type\":\"Object\",\"valueInfo\":"
              + "{\"objectTypeName\":\"java.util.HashMap\",\"serializationDataFormat\":\""
              + format
              + "\"}}}}";
      MockFilterChain chain = new MockFilterChain();

      // when
      MockHttpServletResponse response =
          send("/engine-rest/process-definition/key/x/start", body, chain);

      // then
      assertThat(response.getStatus()).as(format).isEqualTo(400);
      assertThat(response.getContentType()).isEqualTo("application/problem+json");
      assertThat(response.getContentAsString()).contains("application/x-java-serialized-object");
      assertThat(chain.getRequest()).as("the engine saw nothing").isNull();
    }
  }

  @Test
  void shouldRefuseAnObjectVariableHiddenInANestedPartOfAnyCamundaBody() throws Exception {
    // given: message correlation, the variable inside processVariables
    String body =
        "{\"messageName\":\"m\",\"processVariables\":{\"ds\":{\"value\":\"{}\",\"type\":\"object\","
            + "\"valueInfo\":{\"objectTypeName\":\"org.h2.jdbcx.JdbcDataSource\"}}}}";
    MockFilterChain chain = new MockFilterChain();

    // when
    MockHttpServletResponse response = send("/engine-rest/message", body, chain);

    // then
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.getContentAsString()).contains("'ds'", "org.h2.jdbcx.JdbcDataSource");
    assertThat(chain.getRequest()).isNull();
  }

  @Test
  void shouldCheckVariablesNamedValueOrTypeInsideAVariablesMap() throws Exception {
    // given: variables called "value" and "type", the second an Xml value
    String body =
        "{\"variables\":{\"value\":{\"value\":\"a\",\"type\":\"String\"},"
            + "\"type\":{\"value\":\"<a/>\",\"type\":\"Xml\"}}}";
    MockFilterChain chain = new MockFilterChain();

    // when
    MockHttpServletResponse response =
        send("/engine-rest/process-instance/1/variables", body, chain);

    // then
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.getContentAsString()).contains("'type'", "Xml");
    assertThat(chain.getRequest()).isNull();
  }

  @Test
  void shouldRefuseABodyNestedDeeperThanTheLimitOnBatonsApiToo() throws Exception {
    // given
    String deep = "{\"variables\":{\"j\":" + "[".repeat(3000) + "]".repeat(3000) + "}}";
    MockFilterChain chain = new MockFilterChain();

    // when
    MockHttpServletResponse response = send("/api/processes/x/instances", deep, chain);

    // then
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.getContentAsString()).contains("nested deeper than 100");
    assertThat(chain.getRequest()).isNull();
  }

  @Test
  void shouldPassAcceptedVariablesOnWithTheSameBody() throws Exception {
    // given
    String body =
        "{\"variables\":{\"n\":{\"value\":5,\"type\":\"Integer\"},"
            + "\"j\":{\"value\":\"{\\\"a\\\":[1]}\",\"type\":\"Json\"}}}";
    MockFilterChain chain = new MockFilterChain();

    // when
    MockHttpServletResponse response =
        send("/engine-rest/process-definition/key/x/start", body, chain);

    // then
    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(chain.getRequest().getInputStream().readAllBytes())
        .isEqualTo(body.getBytes(StandardCharsets.UTF_8));
  }

  private MockHttpServletResponse send(String uri, String body, MockFilterChain chain)
      throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", uri);
    request.setContentType("application/json");
    request.setContent(body.getBytes(StandardCharsets.UTF_8));
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request, response, chain);
    return response;
  }

  @Test
  void shouldRefuseBinaryVariableUploadsHoweverThePathIsWritten() throws Exception {
    for (String uri :
        new String[] {
          "/engine-rest/process-instance/1/variables/x/data",
          "/engine-rest/engine/default/execution/1/localVariables/x/data/",
          "/engine-rest/task/1/variables/x/%64ata",
          "/engine-rest/process-instance/1/variables/x/data;a=b"
        }) {
      // given
      MockHttpServletRequest request = new MockHttpServletRequest("POST", uri);
      request.setContentType("multipart/form-data; boundary=b");
      request.setContent("--b--".getBytes(StandardCharsets.UTF_8));
      MockFilterChain chain = new MockFilterChain();
      MockHttpServletResponse response = new MockHttpServletResponse();

      // when
      filter.doFilter(request, response, chain);

      // then
      assertThat(response.getStatus()).as(uri).isEqualTo(400);
      assertThat(response.getContentAsString()).contains("Binary variable uploads");
      assertThat(chain.getRequest()).isNull();
    }
    MockHttpServletRequest read =
        new MockHttpServletRequest("GET", "/engine-rest/process-instance/1/variables/x/data");
    assertThat(VariableInputFilter.isBinaryUpload(read)).isFalse();
  }
}
