package dev.baton.engine;

/**
 * A process whose first step runs inside the start (an adapter step without its save point) and
 * fails when the start's variable {@code failAt} is {@code start}; otherwise the instance waits at
 * the receive task {@code wait}.
 */
public final class FailingStartProcess {

  private FailingStartProcess() {}

  /** The BPMN of such a process with id {@code key}. */
  public static String xml(String key) {
    return TestBpmn.process(
        key,
"""
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="check" />
            <bpmn:serviceTask id="check" camunda:delegateExpression="${batonAdapter}">
              <bpmn:extensionElements>
                <camunda:properties>
                  <camunda:property name="adapter" value="noop" />
                  <camunda:property name="savePoint" value="false" />
                </camunda:properties>
                <camunda:inputOutput>
                  <camunda:inputParameter name="probe">${failAt == 'start' ? noSuchVariable : 'ok'}</camunda:inputParameter>
                </camunda:inputOutput>
              </bpmn:extensionElements>
            </bpmn:serviceTask>
            <bpmn:sequenceFlow id="f2" sourceRef="check" targetRef="wait" />
            <bpmn:receiveTask id="wait" />
            <bpmn:sequenceFlow id="f3" sourceRef="wait" targetRef="end" />
            <bpmn:endEvent id="end" />
""");
  }
}
