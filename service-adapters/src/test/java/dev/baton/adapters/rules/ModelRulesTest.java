package dev.baton.adapters.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The rules every model is held to at lint and deploy, found generically: wherever an expression, a
 * Java class or a delegate sits in the XML, the problem names the element.
 */
class ModelRulesTest {

  private static final String FILE = "${''.getClass().forName('java.io.File')}";

  @Test
  void shouldRefuseAnExpressionOutsideTheLanguageWhereverItIs() {
    // given a diagram with the expression in a listener, a task listener, a condition, an input
    // mapping, a timer cycle, a call activity's mapping and a message event
    String xml =
        process(
            """
            <bpmn:startEvent id="start">
              <bpmn:extensionElements>
                <camunda:executionListener event="start" expression="%1$s" />
              </bpmn:extensionElements>
            </bpmn:startEvent>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
            <bpmn:userTask id="review" camunda:candidateGroups="%1$s">
              <bpmn:extensionElements>
                <camunda:taskListener event="create" expression="%1$s" />
                <camunda:inputOutput>
                  <camunda:inputParameter name="x">%1$s</camunda:inputParameter>
                </camunda:inputOutput>
              </bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="wait" />
            <bpmn:intermediateCatchEvent id="wait">
              <bpmn:timerEventDefinition id="waitTimer">
                <bpmn:timeDuration xsi:type="bpmn:tFormalExpression">%1$s</bpmn:timeDuration>
              </bpmn:timerEventDefinition>
            </bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="f3" sourceRef="wait" targetRef="end">
              <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">%1$s</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            <bpmn:endEvent id="end" />
            """
                .formatted(FILE.replace("'", "&apos;")));

    // when
    List<Problem> problems = validator(ModelSettings.defaults()).check(bytes(xml));

    // then
    assertThat(problems)
        .filteredOn(p -> p.rule().equals("expression"))
        .extracting(Problem::elementId)
        .containsExactlyInAnyOrder("start", "review", "waitTimer", "f3");
    assertThat(problems).allSatisfy(p -> assertThat(p.message()).contains("getClass()"));
  }

  @Test
  void shouldRefuseJavaClassesAndDelegatesOnEveryKindOfElement() {
    // given
    String xml =
        process(
            """
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="rules" />
            <bpmn:businessRuleTask id="rules" camunda:class="com.example.Rules" />
            <bpmn:sequenceFlow id="f2" sourceRef="rules" targetRef="call" />
            <bpmn:callActivity id="call" calledElement="other" camunda:variableMappingClass="com.example.Mapping" />
            <bpmn:sequenceFlow id="f3" sourceRef="call" targetRef="notify" />
            <bpmn:intermediateThrowEvent id="notify">
              <bpmn:extensionElements>
                <camunda:executionListener event="end" delegateExpression="${someBean}" />
              </bpmn:extensionElements>
              <bpmn:messageEventDefinition id="notifyMessage" camunda:expression="${mailer.send()}" />
            </bpmn:intermediateThrowEvent>
            <bpmn:sequenceFlow id="f4" sourceRef="notify" targetRef="end" />
            <bpmn:endEvent id="end">
              <bpmn:messageEventDefinition id="endMessage" camunda:class="com.example.Send" />
            </bpmn:endEvent>
            """);

    // when
    List<Problem> problems = validator(ModelSettings.defaults()).check(bytes(xml));

    // then
    assertThat(problems)
        .extracting(p -> p.rule() + "@" + p.elementId())
        .contains(
            "java-class@rules",
            "java-class@call",
            "bean-expression@notify",
            "bean-expression@notifyMessage",
            "java-class@endMessage");
  }

  @Test
  void shouldLetJavaClassesThroughWhenAnAdminAllowsThem() {
    // given
    ModelSettings settings = ModelSettings.defaults().withJavaClasses(true);
    String xml =
        process(
            """
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="rules" />
            <bpmn:businessRuleTask id="rules" camunda:class="com.example.Rules" />
            <bpmn:sequenceFlow id="f2" sourceRef="rules" targetRef="end" />
            <bpmn:endEvent id="end" />
            """);

    // when / then
    assertThat(validator(settings).check(bytes(xml))).isEmpty();
  }

  @Test
  void shouldRefuseATimerCycleFasterThanTheMinimum() {
    // given
    String fast = timerStart("R/PT0.001S");
    String second = timerStart("R/PT1S");
    String cron = timerStart("0/5 * * * * ?");

    // when
    List<Problem> problems = validator(ModelSettings.defaults()).check(bytes(fast));

    // then
    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.rule()).isEqualTo("timer-cycle");
              assertThat(p.elementId()).isEqualTo("tick");
              assertThat(p.message()).contains("every 1 ms").contains("at least 1000 ms");
            });
    assertThat(validator(ModelSettings.defaults()).check(bytes(second))).isEmpty();
    assertThat(validator(ModelSettings.defaults()).check(bytes(cron))).isEmpty();
  }

  @Test
  void shouldRefuseDeepNestingInTheStreamingPassWellUnderASecond() {
    // given a well-formed file nested 50,000 deep (about 550 KB)
    StringBuilder xml = new StringBuilder();
    xml.append("<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">");
    xml.append("<bpmn:documentation>".repeat(50_000));
    xml.append("</bpmn:documentation>".repeat(50_000));
    xml.append("</bpmn:definitions>");

    // when
    long started = System.nanoTime();
    List<Problem> problems = validator(ModelSettings.defaults()).check(bytes(xml.toString()));
    long millis = (System.nanoTime() - started) / 1_000_000;

    // then
    assertThat(problems).singleElement().extracting(Problem::rule).isEqualTo("depth");
    assertThat(problems.get(0).message()).contains("more than 100 levels");
    assertThat(millis).isLessThan(1000);
  }

  @Test
  void shouldClassifyResourcesByTheEnginesOwnSuffixes() {
    // when / then
    assertThat(ModelType.of("x.xbpmn")).contains(ModelType.BPMN);
    assertThat(ModelType.of("xbpmn20.xml")).contains(ModelType.BPMN);
    assertThat(ModelType.of("a.cmmn")).contains(ModelType.CMMN);
    assertThat(ModelType.of("a.cmmn11.xml")).contains(ModelType.CMMN);
    assertThat(ModelType.of("table.xdmn")).contains(ModelType.DMN);
    assertThat(ModelType.of("notes.txt")).isEmpty();
  }

  @Test
  void shouldRefuseCmmnUnlessAnAdminTurnsItOn() {
    // given
    byte[] cmmn =
        bytes(
            """
            <definitions xmlns="http://www.omg.org/spec/CMMN/20151109/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/cmmn" id="d" targetNamespace="t">
              <case id="c"><casePlanModel id="plan">
                <extensionElements><camunda:caseExecutionListener class="com.example.Listener" /></extensionElements>
              </casePlanModel></case>
            </definitions>
            """);
    ModelSettings on = ModelSettings.defaults().withCmmn(true);

    // when / then
    assertThat(validator(ModelSettings.defaults()).check(ModelType.CMMN, cmmn))
        .extracting(Problem::rule)
        .containsExactly("cmmn");
    assertThat(validator(on).check(ModelType.CMMN, cmmn))
        .extracting(p -> p.rule() + "@" + p.elementId())
        .containsExactly("java-class@plan");
  }

  @Test
  void shouldRefuseDecisionLanguagesOtherThanFeelAndJuelOutsideTheLanguageEvenWhenAllowed() {
    // given a decision whose input is a JUEL expression reaching a class
    byte[] dmn =
        bytes(
            """
            <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="n">
              <decision id="decide" name="decide">
                <decisionTable id="table">
                  <input id="in"><inputExpression id="inExpr" typeRef="string" expressionLanguage="juel"><text>%s</text></inputExpression></input>
                  <output id="out" name="o" typeRef="string" />
                </decisionTable>
              </decision>
            </definitions>
            """
                .formatted(FILE));
    ModelSettings juel = ModelSettings.defaults().withDmnLanguages(Set.of("feel", "juel"));

    // when / then
    assertThat(validator(ModelSettings.defaults()).check(ModelType.DMN, dmn))
        .extracting(p -> p.rule() + "@" + p.elementId())
        .contains("dmn-language@inExpr");
    assertThat(validator(juel).check(ModelType.DMN, dmn))
        .extracting(p -> p.rule() + "@" + p.elementId())
        .containsExactly("expression@inExpr");
  }

  private static HouseRules validator(ModelSettings settings) {
    return new HouseRules(Set.of(), settings);
  }

  private static String timerStart(String cycle) {
    return process(
        """
        <bpmn:startEvent id="tick">
          <bpmn:timerEventDefinition id="tickTimer">
            <bpmn:timeCycle xsi:type="bpmn:tFormalExpression">%s</bpmn:timeCycle>
          </bpmn:timerEventDefinition>
        </bpmn:startEvent>
        <bpmn:sequenceFlow id="f1" sourceRef="tick" targetRef="end" />
        <bpmn:endEvent id="end" />
        """
            .formatted(cycle));
  }

  static String process(String body) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="d" targetNamespace="t">
          <bpmn:process id="p" isExecutable="true" camunda:historyTimeToLive="P1D">
        %s
          </bpmn:process>
        </bpmn:definitions>
        """
        .formatted(body);
  }

  private static byte[] bytes(String xml) {
    return xml.getBytes(StandardCharsets.UTF_8);
  }
}
