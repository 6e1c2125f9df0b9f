import type { ActivityInstance, ActivityRowState, Incident, PastIncident, UserOperation } from '../api/client';
import { stateBadge } from '../ui/badges';
import { href } from '../router';
import { cell, h } from '../ui/dom';
import { formatDateTime, formatDateTimeLong, formatDuration } from '../ui/format';

/** "serviceTask" → "Service task", "noneEndEvent" → "None end event". */
export function activityTypeLabel(type: string): string {
  const words = type.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const ACTIVITY_STATE_LABELS: Record<string, string> = { ACTIVE: 'Active', COMPLETED: 'Completed', CANCELED: 'Canceled', INCIDENT: 'Incident' };

/** What the diagram says about an activity the history may not hold yet. */
export interface ActivityFacts {
  names: ReadonlyMap<string, string>;
  types: ReadonlyMap<string, string>;
}

type HistoryRow = Omit<ActivityInstance, 'state'> & { state: ActivityRowState };

/**
 * The activity history with the open incidents in it: a step that failed before it started (a
 * save point's job) has no activity instance, so it gets a row of its own from the incident; a
 * running step with an incident shows as INCIDENT.
 */
export function withIncidents(activities: readonly ActivityInstance[], incidents: readonly Incident[], facts: ActivityFacts): HistoryRow[] {
  const failing = new Set(incidents.map((incident) => incident.activityId));
  const rows: HistoryRow[] = activities.map((activity) =>
    activity.endTime === null && failing.has(activity.activityId) ? { ...activity, state: 'INCIDENT' } : activity,
  );
  const active = new Set(activities.filter((activity) => activity.endTime === null).map((activity) => activity.activityId));
  for (const incident of incidents) {
    if (active.has(incident.activityId)) {
      continue;
    }
    active.add(incident.activityId);
    rows.push({
      id: `incident-${incident.id}`,
      activityId: incident.activityId,
      activityName: facts.names.get(incident.activityId) ?? null,
      activityType: facts.types.get(incident.activityId) ?? 'activity',
      startTime: incident.time,
      endTime: null,
      durationMillis: null,
      state: 'INCIDENT',
    });
  }
  return rows;
}

/** The activity history, oldest first: `js-activity-row` with data-activity-id and data-state. */
export function activityRows(activities: readonly HistoryRow[], now: number = Date.now()): HTMLTableRowElement[] {
  const ordered = [...activities].sort((a, b) => a.startTime.localeCompare(b.startTime));
  return ordered.map((activity) => {
    const running = activity.endTime === null;
    const duration = running
      ? cell(formatDuration(now - new Date(activity.startTime).getTime()), 'num muted', 'Still active: time since it started')
      : cell(formatDuration(activity.durationMillis), 'num');
    return h(
      'tr',
      { hook: 'js-activity-row', dataset: { activityId: activity.activityId, state: activity.state } },
      h(
        'td',
        { title: activity.activityId },
        activity.activityName || activity.activityId,
        activity.activityName ? h('span', { className: 'mono muted small' }, ` ${activity.activityId}`) : null,
        activity.calledInstanceId ? h('a', { className: 'small block', hook: 'js-called-link', attrs: { href: href(['instances', activity.calledInstanceId]) } }, `↳ called instance ${activity.calledInstanceId}`) : null,
      ),
      cell(activityTypeLabel(activity.activityType), 'muted'),
      cell(formatDateTime(activity.startTime), undefined, formatDateTimeLong(activity.startTime)),
      cell(formatDateTime(activity.endTime), undefined, formatDateTimeLong(activity.endTime)),
      duration,
      h('td', null, stateBadge(activity.state, ACTIVITY_STATE_LABELS[activity.state] ?? activity.state)),
    );
  });
}

/** The user-operation log, newest first: `js-operation-row`. */
export function operationRows(operations: readonly UserOperation[]): HTMLTableRowElement[] {
  const ordered = [...operations].sort((a, b) => b.timestamp.localeCompare(a.timestamp));
  return ordered.map((operation) => {
    const change =
      operation.property === null
        ? ''
        : operation.operationType === 'SetVariable' && operation.orgValue === null
          ? `= ${operation.newValue ?? 'null'}`
          : `${operation.orgValue ?? '–'} → ${operation.newValue ?? '–'}`;
    return h(
      'tr',
      { hook: 'js-operation-row', dataset: { operationType: operation.operationType } },
      cell(formatDateTime(operation.timestamp), undefined, formatDateTimeLong(operation.timestamp)),
      cell(operation.userId ?? 'system'),
      cell(activityTypeLabel(operation.operationType)),
      cell(operation.entityType ?? '', 'muted'),
      cell(operation.property ?? '', 'mono'),
      cell(change, 'mono', change),
      cell(operation.annotation ?? '', 'js-operation-annotation'),
    );
  });
}

const PAST_INCIDENT_LABELS: Record<string, string> = { RESOLVED: 'Resolved', DELETED: 'Deleted' };

/** Incidents that are over, oldest first: `js-resolved-incident` with data-incident-id and data-state. */
export function pastIncidentRows(incidents: readonly PastIncident[], nameOf: (activityId: string) => string): HTMLTableRowElement[] {
  const ordered = [...incidents].sort((a, b) => a.time.localeCompare(b.time));
  return ordered.map((incident) =>
    h(
      'tr',
      { hook: 'js-resolved-incident', dataset: { incidentId: incident.id, state: incident.state } },
      cell(nameOf(incident.activityId), undefined, incident.activityId),
      cell(incident.message || 'No message', 'message', incident.message ?? ''),
      cell(formatDateTime(incident.time), undefined, formatDateTimeLong(incident.time)),
      cell(formatDateTime(incident.endTime), undefined, formatDateTimeLong(incident.endTime)),
      h('td', null, stateBadge(incident.state, PAST_INCIDENT_LABELS[incident.state] ?? incident.state)),
    ),
  );
}
