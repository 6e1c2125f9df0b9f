package dev.baton.engine.messages;

import dev.baton.engine.TestBpmn;

/** Small processes that wait for a message; each then waits in user task {@code after}. */
final class MessageProcesses {

  private MessageProcesses() {}

  /** start, receive task {@code wait} for {@code message}, user task {@code after}. */
  static String receiveTask(String key, String message) {
    return TestBpmn.withMessage(
        key,
        message,
        """
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
            <bpmn:receiveTask id="wait" messageRef="message" />
            <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="after" />
            <bpmn:userTask id="after" />
            <bpmn:sequenceFlow id="f3" sourceRef="after" targetRef="end" />
            <bpmn:endEvent id="end" />
        """);
  }

  /**
   * start, a timer of {@code delay} (ISO-8601), message catch event {@code wait}, {@code after}.
   */
  static String timerThenCatch(String key, String message, String delay) {
    return TestBpmn.withMessage(
        key,
        message,
        """
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="pause" />
            <bpmn:intermediateCatchEvent id="pause">
              <bpmn:timerEventDefinition>
                <bpmn:timeDuration>%s</bpmn:timeDuration>
              </bpmn:timerEventDefinition>
            </bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="f1" sourceRef="pause" targetRef="wait" />
            <bpmn:intermediateCatchEvent id="wait">
              <bpmn:messageEventDefinition messageRef="message" />
            </bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="after" />
            <bpmn:userTask id="after" />
            <bpmn:sequenceFlow id="f3" sourceRef="after" targetRef="end" />
            <bpmn:endEvent id="end" />
        """
            .formatted(delay));
  }

  /** start, message catch event {@code wait}, {@code after}. */
  static String catchEvent(String key, String message) {
    return TestBpmn.withMessage(
        key,
        message,
        """
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
            <bpmn:intermediateCatchEvent id="wait">
              <bpmn:messageEventDefinition messageRef="message" />
            </bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="after" />
            <bpmn:userTask id="after" />
            <bpmn:sequenceFlow id="f3" sourceRef="after" targetRef="end" />
            <bpmn:endEvent id="end" />
        """);
  }

  /** A message start event for {@code message}, then {@code after}. */
  static String messageStart(String key, String message) {
    return TestBpmn.withMessage(
        key,
        message,
        """
            <bpmn:startEvent id="start">
              <bpmn:messageEventDefinition messageRef="message" />
            </bpmn:startEvent>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="after" />
            <bpmn:userTask id="after" />
            <bpmn:sequenceFlow id="f2" sourceRef="after" targetRef="end" />
            <bpmn:endEvent id="end" />
        """);
  }
}
