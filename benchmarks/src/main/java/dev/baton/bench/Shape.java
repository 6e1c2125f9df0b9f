package dev.baton.bench;

/**
 * The benchmark's process shapes: three service tasks in a row, bound the way each target binds an
 * in-process step, or three external tasks.
 */
enum Shape {
  /** Three in-process steps in one transaction: the instance ends inside the start call. */
  SYNC("bench-sync"),
  /** Three in-process steps, each a save point ({@code asyncBefore}) run by the job executor. */
  ASYNC("bench-async"),
  /** Three external tasks on topics bench-a, bench-b and bench-c. */
  EXTERNAL("bench-external");

  static final String[] TOPICS = {"bench-a", "bench-b", "bench-c"};

  final String key;

  Shape(String key) {
    this.key = key;
  }

  /**
   * The BPMN file; {@code binding} is the attributes and extension elements of an in-process task.
   */
  String bpmn(String delegateExpression, String extension) {
    StringBuilder tasks = new StringBuilder();
    String previous = "start";
    for (int i = 0; i < 3; i++) {
      String id = "step" + (i + 1);
      tasks.append(flow(previous, id));
      if (this == EXTERNAL) {
        tasks.append(
            "<bpmn:serviceTask id=\"%s\" camunda:type=\"external\" camunda:topic=\"%s\"/>"
                .formatted(id, TOPICS[i]));
      } else {
        tasks.append(
            ("<bpmn:serviceTask id=\"%s\" camunda:asyncBefore=\"%s\" camunda:delegateExpression=\"%s\">"
                    + "<bpmn:extensionElements>%s"
                    + "<camunda:failedJobRetryTimeCycle>R3/PT5S</camunda:failedJobRetryTimeCycle>"
                    + "</bpmn:extensionElements></bpmn:serviceTask>")
                .formatted(id, this == ASYNC, delegateExpression, extension));
      }
      previous = id;
    }
    tasks.append(flow(previous, "end"));
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            id="Definitions_%1$s" targetNamespace="https://baton.dev/bench">
          <bpmn:process id="%1$s" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="start"/>
            %2$s
            <bpmn:endEvent id="end"/>
          </bpmn:process>
        </bpmn:definitions>
        """
        .formatted(key, tasks);
  }

  private static String flow(String from, String to) {
    return "<bpmn:sequenceFlow id=\"%s_%s\" sourceRef=\"%s\" targetRef=\"%s\"/>"
        .formatted(from, to, from, to);
  }
}
