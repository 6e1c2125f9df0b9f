package dev.baton.engine.definitions;

import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.management.IncidentStatistics;
import org.camunda.bpm.engine.management.ProcessDefinitionStatistics;
import org.springframework.stereotype.Service;

/** Reads deployed definitions and their instance and incident counts. */
@Service
public class DefinitionService {

  private final ManagementService management;

  DefinitionService(ManagementService management) {
    this.management = management;
  }

  /** Every deployed version, by key and newest version first, counted in one statistics query. */
  public List<DefinitionView> list() {
    return management
        .createProcessDefinitionStatisticsQuery()
        .includeIncidents()
        .unlimitedList()
        .stream()
        .map(DefinitionService::view)
        .sorted(
            Comparator.comparing(DefinitionView::key)
                .thenComparing(Comparator.comparingInt(DefinitionView::version).reversed()))
        .toList();
  }

  private static DefinitionView view(ProcessDefinitionStatistics statistics) {
    long incidents =
        statistics.getIncidentStatistics().stream()
            .mapToLong(IncidentStatistics::getIncidentCount)
            .sum();
    return new DefinitionView(
        statistics.getId(),
        statistics.getKey(),
        statistics.getName(),
        statistics.getVersion(),
        statistics.getVersionTag(),
        statistics.getInstances(),
        incidents);
  }
}
