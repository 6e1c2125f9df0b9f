package dev.baton.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Adapter steps on an in-memory engine with the generic delegate and {@link SavePoints}: where the
 * save points are, and which idempotency key each execution of a step sends.
 */
class AdapterStepsTest {

  private static final Recorder SERVICE = new Recorder();
  private static ProcessEngine engine;

  @BeforeAll
  static void startEngine() {
    ProcessEngineConfigurationImpl config = new StandaloneInMemProcessEngineConfiguration();
    config.setJdbcUrl("jdbc:h2:mem:adapter-steps-" + UUID.randomUUID());
    config.setJobExecutorActivate(false);
    config.setBeans(
        Map.of(
            AdapterDelegate.BEAN_NAME,
            new AdapterDelegate(
                new AdapterRegistry(Map.of("svc", SERVICE)),
                new AdapterBinding(),
                new ObjectMapper())));
    config.getProcessEnginePlugins().add(new SavePoints());
    engine = config.buildProcessEngine();
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  @BeforeEach
  void forget() {
    SERVICE.calls.clear();
    SERVICE.failures.set(0);
    SERVICE.failAt.set(0);
  }

  @Test
  void shouldMakeAnAdapterStepASavePointWhenTheDiagramSaysNothing() {
    // given a step drawn with the modeler's defaults (no asyncBefore)
    String key = deploy(step("charge", ""));

    // when
    String instance = start(key);

    // then the start called nothing; the step waits in a job, which sends <instance>:<job>
    assertThat(SERVICE.calls).isEmpty();
    Job job = onlyJob(instance);
    engine.getManagementService().executeJob(job.getId());
    assertThat(SERVICE.keys()).containsExactly(instance + ":" + job.getId());
  }

  @Test
  void shouldCallAnOptedOutStepInsideTheRequestThatReachesIt() {
    // given
    String key = deploy(step("charge", optOut()));

    // when
    String instance = start(key);

    // then
    assertThat(SERVICE.keys()).hasSize(1).allSatisfy(k -> assertThat(k).startsWith(instance + ":"));
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance).count())
        .isZero();
  }

  @Test
  void shouldSendTheSameKeyOnEveryRetryOfOneExecution() {
    // given a step whose service fails twice
    String instance = start(deploy(step("charge", "")));
    String jobId = onlyJob(instance).getId();
    SERVICE.failures.set(2);

    // when
    for (int attempt = 0; attempt < 2; attempt++) {
      assertThatThrownBy(() -> engine.getManagementService().executeJob(jobId))
          .isInstanceOf(StepFailedException.class)
          .hasMessageContaining("service down");
    }
    engine.getManagementService().executeJob(jobId);

    // then
    assertThat(SERVICE.keys()).hasSize(3).containsOnly(instance + ":" + jobId);
  }

  @Test
  void shouldSendOneKeyPerIterationOfAMultiInstanceStep() {
    // given
    String instance =
        start(
            deploy(
                step(
                    "chargeEach",
                    "",
                    "<bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality>5"
                        + "</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>")));

    // when every iteration's save point is executed
    List<Job> jobs =
        engine.getManagementService().createJobQuery().processInstanceId(instance).list();
    jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));

    // then
    assertThat(jobs).hasSize(5);
    assertThat(Set.copyOf(SERVICE.keys())).hasSize(5);
    assertThat(SERVICE.keys()).allSatisfy(k -> assertThat(k).startsWith(instance + ":"));
  }

  @Test
  void shouldSendOneKeyPerRunOfALoopInsideOneJobAndTheSameKeysWhenTheJobIsRetried() {
    // given a save point, then an opted-out step the diagram runs three times in that job
    String instance = start(deploy(loop()));
    String jobId = onlyJob(instance).getId();
    SERVICE.failAt.set(4); // the third run of the looped step fails once

    // when
    assertThatThrownBy(() -> engine.getManagementService().executeJob(jobId))
        .isInstanceOf(StepFailedException.class);
    List<String> firstAttempt = List.copyOf(SERVICE.keys());
    SERVICE.calls.clear();
    engine.getManagementService().executeJob(jobId);

    // then the retry sent the first attempt's keys again, and the three runs had three keys
    List<String> retry = SERVICE.keys();
    assertThat(retry).hasSize(4).containsExactlyElementsOf(firstAttempt);
    assertThat(retry.get(0)).isEqualTo(instance + ":" + jobId);
    assertThat(Set.copyOf(retry.subList(1, 4))).hasSize(3);
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(instance)
                .count())
        .isZero();
  }

  @Test
  void shouldSendANewKeyWhenATokenIsMovedBackToAStep() {
    // given a step that ran once
    String instance = start(deploy(step("charge", "", "", true)));
    engine.getManagementService().executeJob(onlyJob(instance).getId());

    // when the operator moves the token back to it
    engine
        .getRuntimeService()
        .createProcessInstanceModification(instance)
        .startBeforeActivity("charge")
        .execute();
    engine.getManagementService().executeJob(onlyJob(instance).getId());

    // then
    assertThat(SERVICE.keys()).hasSize(2).doesNotHaveDuplicates();
  }

  /** A recording service: its keys, and failures to come. */
  static final class Recorder implements ServiceAdapter {
    final List<AdapterCall> calls = new CopyOnWriteArrayList<>();
    final AtomicInteger failures = new AtomicInteger();
    final AtomicInteger failAt = new AtomicInteger();

    @Override
    public Map<String, Object> execute(AdapterCall call) {
      calls.add(call);
      if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0
          || failAt.compareAndSet(calls.size(), 0)) {
        throw new IllegalStateException("service down");
      }
      return Map.of();
    }

    List<String> keys() {
      return calls.stream().map(AdapterCall::idempotencyKey).toList();
    }
  }

  private static String start(String key) {
    return engine
        .getRuntimeService()
        .startProcessInstanceByKey(key, Variables.createVariables().putValue("loops", 0))
        .getId();
  }

  private static Job onlyJob(String instance) {
    return engine
        .getManagementService()
        .createJobQuery()
        .processInstanceId(instance)
        .singleResult();
  }

  private static String deploy(String body) {
    String key = "p" + UUID.randomUUID().toString().replace("-", "");
    String xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" targetNamespace="t">
          <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="1">
            <bpmn:startEvent id="start" />
            %s
          </bpmn:process>
        </bpmn:definitions>
        """
            .formatted(key, body);
    engine
        .getRepositoryService()
        .createDeployment()
        .addInputStream(
            key + ".bpmn", new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
        .deploy();
    return key;
  }

  private static String step(String id, String extraProperties) {
    return step(id, extraProperties, "", false);
  }

  private static String step(String id, String extraProperties, String loopCharacteristics) {
    return step(id, extraProperties, loopCharacteristics, false);
  }

  /** start → the adapter step → end (or a wait state, so the instance stays). */
  private static String step(
      String id, String extraProperties, String loopCharacteristics, boolean waitAfter) {
    return """
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="%1$s" />
        %2$s
        <bpmn:sequenceFlow id="f2" sourceRef="%1$s" targetRef="after" />
        %3$s
        """
        .formatted(
            id,
            adapterTask(id, extraProperties, "", loopCharacteristics),
            waitAfter ? "<bpmn:receiveTask id=\"after\" />" : "<bpmn:endEvent id=\"after\" />");
  }

  /** start → first (a save point) → looped (opted out, counts loops) → run 3 times → end. */
  private static String loop() {
    return """
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="first" />
        %s
        <bpmn:sequenceFlow id="f2" sourceRef="first" targetRef="looped" />
        %s
        <bpmn:sequenceFlow id="f3" sourceRef="looped" targetRef="again" />
        <bpmn:exclusiveGateway id="again" default="f5" />
        <bpmn:sequenceFlow id="f4" sourceRef="again" targetRef="looped">
          <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${loops &lt; 3}</bpmn:conditionExpression>
        </bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="f5" sourceRef="again" targetRef="end" />
        <bpmn:endEvent id="end" />
        """
        .formatted(
            adapterTask("first", "", "", ""),
            adapterTask(
                "looped",
                optOut(),
                "<camunda:inputOutput><camunda:outputParameter name=\"loops\">${loops + 1}"
                    + "</camunda:outputParameter></camunda:inputOutput>",
                ""));
  }

  private static String adapterTask(
      String id, String extraProperties, String inputOutput, String loopCharacteristics) {
    return """
        <bpmn:serviceTask id="%s" camunda:delegateExpression="${batonAdapter}">
          <bpmn:extensionElements>
            <camunda:properties>
              <camunda:property name="adapter" value="svc" />%s
            </camunda:properties>%s
          </bpmn:extensionElements>%s
        </bpmn:serviceTask>
        """
        .formatted(id, extraProperties, inputOutput, loopCharacteristics);
  }

  private static String optOut() {
    return "<camunda:property name=\"savePoint\" value=\"false\" />";
  }
}
