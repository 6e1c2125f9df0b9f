import type { InstanceDetail } from '../api/client';
import type { DiagramFlow } from '../diagram/diagram';

/** Marker classes the instance page puts on the diagram. */
export const MARKERS = {
  active: 'active-activity',
  completed: 'completed-activity',
  incident: 'incident-activity',
  /** Interrupted (e.g. by a boundary event) or ended by a cancellation. */
  canceled: 'canceled-activity',
  takenFlow: 'taken-flow',
} as const;

export interface PathMarkers {
  active: Set<string>;
  completed: Set<string>;
  canceled: Set<string>;
  incident: Set<string>;
  /** Sequence flows between two visited activities: the path taken, as far as history tells. */
  takenFlows: Set<string>;
}

/**
 * Where the instance is (active), where it has been (completed) and where it is stuck
 * (incident). History records activities, not sequence flows, so a flow counts as taken when
 * its source finished and its target was reached.
 */
export function pathMarkers(detail: Pick<InstanceDetail, 'instance' | 'activities' | 'incidents'>, flows: readonly DiagramFlow[]): PathMarkers {
  const active = new Set(detail.instance.activeActivityIds);
  const completed = new Set<string>();
  const canceled = new Set<string>();
  const reached = new Set<string>(active);
  for (const activity of detail.activities) {
    reached.add(activity.activityId);
    if (activity.state === 'ACTIVE') {
      active.add(activity.activityId);
    } else if (activity.state === 'COMPLETED') {
      completed.add(activity.activityId);
    } else {
      canceled.add(activity.activityId);
    }
  }
  // an activity that ran twice (a loop) and finished once counts as done
  completed.forEach((id) => canceled.delete(id));
  const incident = new Set(detail.incidents.map((incident) => incident.activityId));
  // a failed asynchronous continuation has no activity instance yet, but the instance is there
  incident.forEach((id) => reached.add(id));
  const takenFlows = new Set(flows.filter((flow) => completed.has(flow.sourceId) && reached.has(flow.targetId)).map((flow) => flow.id));
  return { active, completed, canceled, incident, takenFlows };
}
