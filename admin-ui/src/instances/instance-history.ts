import type { ActivityInstance, UserOperation } from '../api/client';
import { stateBadge } from '../ui/badges';
import { cell, h } from '../ui/dom';
import { formatDateTime, formatDateTimeLong, formatDuration } from '../ui/format';

/** "serviceTask" → "Service task", "noneEndEvent" → "None end event". */
export function activityTypeLabel(type: string): string {
  const words = type.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const ACTIVITY_STATE_LABELS: Record<string, string> = { ACTIVE: 'Active', COMPLETED: 'Completed', CANCELED: 'Canceled' };

/** The activity history, oldest first: `js-activity-row` with data-activity-id and data-state. */
export function activityRows(activities: readonly ActivityInstance[], now: number = Date.now()): HTMLTableRowElement[] {
  const ordered = [...activities].sort((a, b) => a.startTime.localeCompare(b.startTime));
  return ordered.map((activity) => {
    const running = activity.endTime === null;
    const duration = running
      ? cell(formatDuration(now - new Date(activity.startTime).getTime()), 'num muted', 'Still active: time since it started')
      : cell(formatDuration(activity.durationMillis), 'num');
    return h(
      'tr',
      { hook: 'js-activity-row', dataset: { activityId: activity.activityId, state: activity.state } },
      h('td', { title: activity.activityId }, activity.activityName || activity.activityId, activity.activityName ? h('span', { className: 'mono muted small' }, ` ${activity.activityId}`) : null),
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
    );
  });
}
