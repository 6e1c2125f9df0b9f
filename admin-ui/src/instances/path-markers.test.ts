import { describe, expect, it } from 'vitest';
import type { ActivityInstance, InstanceDetail } from '../api/client';
import { pathMarkers } from './path-markers';

function visit(activityId: string, state: ActivityInstance['state']): ActivityInstance {
  return { id: `${activityId}-1`, activityId, activityName: null, activityType: 'serviceTask', startTime: '2026-11-26T10:00:00Z', endTime: state === 'ACTIVE' ? null : '2026-11-26T10:00:01Z', durationMillis: 1000, state };
}

function detail(activities: ActivityInstance[], activeActivityIds: string[], incidentAt: string[] = []): Pick<InstanceDetail, 'instance' | 'activities' | 'incidents'> {
  return {
    instance: { id: 'i-1', businessKey: null, definitionId: 'd', definitionKey: 'order', definitionVersion: 1, state: 'RUNNING', startTime: '', endTime: null, endActivityId: null, activeActivityIds },
    activities,
    incidents: incidentAt.map((activityId, index) => ({ id: `inc-${index}`, type: 'failedJob', activityId, message: 'down', time: '' })),
  };
}

const flows = [
  { id: 'toReserve', sourceId: 'start', targetId: 'reserve' },
  { id: 'toCharge', sourceId: 'reserve', targetId: 'charge' },
  { id: 'toShip', sourceId: 'charge', targetId: 'ship' },
  { id: 'toRelease', sourceId: 'declined', targetId: 'release' },
];

describe('pathMarkers', () => {
  it('should mark done, active and incident activities and the flows between them', () => {
    // given an instance stuck at "ship" (asyncBefore: no activity instance in history yet)
    const stuck = detail([visit('start', 'COMPLETED'), visit('reserve', 'COMPLETED'), visit('charge', 'COMPLETED')], ['ship'], ['ship']);

    // when
    const markers = pathMarkers(stuck, flows);

    // then
    expect([...markers.completed].sort()).toEqual(['charge', 'reserve', 'start']);
    expect([...markers.active]).toEqual(['ship']);
    expect([...markers.incident]).toEqual(['ship']);
    expect([...markers.takenFlows].sort()).toEqual(['toCharge', 'toReserve', 'toShip']);
  });

  it('should take the flow into an activity known only by its incident', () => {
    // given
    const stuck = detail([visit('start', 'COMPLETED'), visit('reserve', 'COMPLETED'), visit('charge', 'COMPLETED')], [], ['ship']);

    // when
    const markers = pathMarkers(stuck, flows);

    // then
    expect(markers.takenFlows.has('toShip')).toBe(true);
  });

  it('should not take a flow out of an interrupted activity', () => {
    // given payment declined: charge canceled by its boundary event
    const declined = detail([visit('start', 'COMPLETED'), visit('reserve', 'COMPLETED'), visit('charge', 'CANCELED'), visit('declined', 'COMPLETED'), visit('release', 'ACTIVE')], []);

    // when
    const markers = pathMarkers(declined, flows);

    // then
    expect([...markers.canceled]).toEqual(['charge']);
    expect([...markers.active]).toEqual(['release']);
    expect([...markers.takenFlows].sort()).toEqual(['toCharge', 'toRelease', 'toReserve']);
  });
});
