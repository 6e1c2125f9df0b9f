package dev.baton.adapters.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

class BpmnRulesTest {

  private ModelSettings settings = ModelSettings.defaults();

  @Test
  void shouldAcceptATaskBoundToAKnownAdapter() {
    assertThat(check(task(adapter("payment-charge", "")))).isEmpty();
  }

  @Test
  void shouldRefuseATaskNamingAnUnknownAdapterOrNone() {
    assertThat(check(task(adapter("nope", ""))))
        .extracting(Problem::rule)
        .contains("adapter-unknown");
    assertThat(
            check(
                task(
                    "<bpmn:serviceTask id=\"t\" camunda:delegateExpression=\"${batonAdapter}\"/>")))
        .extracting(Problem::rule)
        .contains("adapter-missing");
  }

  @Test
  void shouldWarnButNotRefuseAnAdapterStepThatOptsOutOfItsSavePoint() {
    // when
    List<Problem> problems =
        check(
            task(
                adapter(
                    "payment-charge", "<camunda:property name=\"savePoint\" value=\"false\"/>")));

    // then
    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.rule()).isEqualTo("save-point-opt-out");
              assertThat(p.elementId()).isEqualTo("t");
              assertThat(p.severity()).isEqualTo("warning");
              assertThat(p.isError()).isFalse();
            });
  }

  @Test
  void shouldRefuseJavaClassesBeanExpressionsAndUnboundTasks() {
    assertThat(check(task("<bpmn:serviceTask id=\"t\" camunda:class=\"x.Evil\"/>")))
        .extracting(Problem::rule)
        .contains("java-class");
    assertThat(check(task("<bpmn:serviceTask id=\"t\" camunda:expression=\"${bean.run()}\"/>")))
        .extracting(Problem::rule)
        .contains("bean-expression");
    assertThat(check(task("<bpmn:serviceTask id=\"t\"/>")))
        .extracting(Problem::rule)
        .containsExactly("unbound-task");
  }

  @Test
  void shouldRequireATopicOnAnExternalTask() {
    assertThat(check(task("<bpmn:serviceTask id=\"t\" camunda:type=\"external\"/>")))
        .extracting(Problem::rule)
        .containsExactly("external-topic");
    assertThat(
            check(
                task(
                    "<bpmn:serviceTask id=\"t\" camunda:type=\"external\" camunda:topic=\"shipping\"/>")))
        .isEmpty();
  }

  @Test
  void shouldRefuseScriptTasksUnlessAnAdminAllowsScripts() {
    String script =
        task(
            "<bpmn:scriptTask id=\"t\" scriptFormat=\"groovy\"><bpmn:script>1</bpmn:script></bpmn:scriptTask>");

    assertThat(check(script)).extracting(Problem::rule).contains("script-task");
    settings = settings.withScripts(true);
    assertThat(check(script)).extracting(Problem::rule).doesNotContain("script-task");
  }

  @Test
  void shouldRequireHistoryTimeToLiveAndAStartEvent() {
    String xml =
        """
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
          <bpmn:process id="p" isExecutable="true"><bpmn:endEvent id="e"/></bpmn:process>
        </bpmn:definitions>
        """;

    assertThat(check(xml))
        .extracting(Problem::rule)
        .containsExactlyInAnyOrder("history-time-to-live", "start-event");
  }

  @Test
  void shouldRefuseATimerCycleFasterThanTheMinimum() {
    String timer =
        """
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
          <bpmn:process id="p" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="tick"><bpmn:timerEventDefinition>
              <bpmn:timeCycle>R/PT0.001S</bpmn:timeCycle>
            </bpmn:timerEventDefinition></bpmn:startEvent>
          </bpmn:process>
        </bpmn:definitions>
        """;

    assertThat(check(timer))
        .singleElement()
        .satisfies(p -> assertThat(p.rule()).isEqualTo("timer-cycle"))
        .satisfies(p -> assertThat(p.elementId()).isEqualTo("tick"));
  }

  private List<Problem> check(String xml) {
    return new BpmnRules(Set.of("payment-charge"), settings)
        .check(
            Bpmn.readModelFromStream(
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
  }

  private static String adapter(String name, String moreProperties) {
    return """
        <bpmn:serviceTask id="t" camunda:delegateExpression="${batonAdapter}">
          <bpmn:extensionElements><camunda:properties>
            <camunda:property name="adapter" value="%s"/>%s
          </camunda:properties></bpmn:extensionElements>
        </bpmn:serviceTask>
        """
        .formatted(name, moreProperties);
  }

  /** A valid process around one element. */
  private static String task(String element) {
    return """
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
          <bpmn:process id="p" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="s"/>
            %s
          </bpmn:process>
        </bpmn:definitions>
        """
        .formatted(element);
  }
}
