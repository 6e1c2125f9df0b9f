package dev.baton.engine.workers;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.springframework.stereotype.Component;

/**
 * The external-task topics the deployed diagrams use, with the process keys that use each: a topic
 * exists for operators as soon as a diagram names it, before any task waits there or any worker
 * polls. A definition's topics never change, so each is read from its model once (the engine caches
 * the models); topics given as expressions are left out (they are known only at run time).
 */
@Component
class DeployedTopics {

  private static final String EXTERNAL = "external";

  private final RepositoryService repository;
  private final Map<String, Set<String>> topicsByDefinition = new ConcurrentHashMap<>();

  DeployedTopics(RepositoryService repository) {
    this.repository = repository;
  }

  /** Topic → keys of the deployed processes (any version) with an external task on it. */
  Map<String, Set<String>> processesByTopic() {
    List<ProcessDefinition> definitions = repository.createProcessDefinitionQuery().list();
    // deleted deployments leave; the map holds only what is deployed
    Set<String> deployed = new TreeSet<>();
    Map<String, Set<String>> byTopic = new TreeMap<>();
    for (ProcessDefinition definition : definitions) {
      deployed.add(definition.getId());
      Set<String> topics =
          topicsByDefinition.computeIfAbsent(definition.getId(), id -> topicsOf(id));
      topics.forEach(
          topic -> byTopic.computeIfAbsent(topic, t -> new TreeSet<>()).add(definition.getKey()));
    }
    topicsByDefinition.keySet().retainAll(deployed);
    return byTopic;
  }

  private Set<String> topicsOf(String definitionId) {
    BpmnModelInstance model = repository.getBpmnModelInstance(definitionId);
    Set<String> topics = new TreeSet<>();
    if (model == null) {
      return topics;
    }
    model.getModelElementsByType(ServiceTask.class).stream()
        .filter(task -> EXTERNAL.equals(task.getCamundaType()))
        .forEach(task -> add(topics, task.getCamundaTopic()));
    model.getModelElementsByType(SendTask.class).stream()
        .filter(task -> EXTERNAL.equals(task.getCamundaType()))
        .forEach(task -> add(topics, task.getCamundaTopic()));
    model.getModelElementsByType(BusinessRuleTask.class).stream()
        .filter(task -> EXTERNAL.equals(task.getCamundaType()))
        .forEach(task -> add(topics, task.getCamundaTopic()));
    model.getModelElementsByType(MessageEventDefinition.class).stream()
        .filter(event -> EXTERNAL.equals(event.getCamundaType()))
        .forEach(event -> add(topics, event.getCamundaTopic()));
    return Set.copyOf(topics);
  }

  private static void add(Set<String> topics, String topic) {
    if (topic != null && !topic.isBlank() && !topic.contains("${") && !topic.contains("#{")) {
      topics.add(topic);
    }
  }
}
