package dev.baton.engine;

/** BPMN for tests: the definitions and executable process around a body of elements. */
public final class TestBpmn {

  private TestBpmn() {}

  /**
   * A process with id {@code key} holding {@code body} (elements in the {@code bpmn} and {@code
   * camunda} namespaces), kept in history for a day.
   */
  public static String process(String key, String body) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            id="definitions-%1$s" targetNamespace="http://baton.dev/test">
          <bpmn:process id="%1$s" isExecutable="true" camunda:historyTimeToLive="P1D">
        %2$s
          </bpmn:process>
        </bpmn:definitions>
        """
        .formatted(key, body);
  }

  /**
   * As {@link #process}, with a BPMN message {@code messageName} that {@code body} refers to as
   * {@code messageRef="message"}.
   */
  public static String withMessage(String key, String messageName, String body) {
    return process(key, body)
        .replace(
            "  <bpmn:process ",
            "  <bpmn:message id=\"message\" name=\"%s\"/>\n  <bpmn:process "
                .formatted(messageName));
  }
}
