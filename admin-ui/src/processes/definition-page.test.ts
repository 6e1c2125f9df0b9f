import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, type DefinitionStatistics, type ProcessDefinitionDetail } from '../api/client';
import { parseRoute } from '../router';
import { FakeDiagram, activity } from '../test/fake-diagram';
import { fakeApi, settle } from '../test/fake-api';
import { mountDefinitionPage } from './definition-page';

const diagram = vi.hoisted(() => ({ current: undefined as unknown, failure: undefined as unknown }));
vi.mock('../diagram/diagram', async (original) => ({
  ...(await original<typeof import('../diagram/diagram')>()),
  openDiagram: vi.fn(async () => {
    if (diagram.failure) {
      throw diagram.failure;
    }
    return { view: diagram.current, warnings: [] };
  }),
}));

function definition(version: number): ProcessDefinitionDetail {
  return { id: `order:${version}:abc`, key: 'order', name: 'Order fulfillment', version, versionTag: null, runningInstances: 3, incidents: 1, deploymentId: 'dep-1', deployedAt: '2026-11-20T08:00:00Z' };
}

function statistics(): DefinitionStatistics {
  return {
    activities: [
      { activityId: 'start', running: 0, incidents: 0, passed: 1200, p50Millis: 0, p95Millis: 1 },
      { activityId: 'charge', running: 3, incidents: 1, passed: 1200, p50Millis: 45, p95Millis: 210 },
      { activityId: 'ship', running: 0, incidents: 0, passed: 250, p50Millis: 1200, p95Millis: 184_000 },
    ],
  };
}

describe('definition page', () => {
  let container: HTMLElement;
  let unmount: (() => void) | undefined;
  let view: FakeDiagram;
  const byId = <T extends HTMLElement = HTMLElement>(id: string) => container.querySelector<T>(`#${id}`)!;

  beforeEach(() => {
    vi.useFakeTimers();
    container = document.createElement('div');
    document.body.append(container);
    view = new FakeDiagram([activity('ship', 'Ship order', 300), activity('start', null, 0, 'bpmn:StartEvent'), activity('charge', 'Charge payment', 150), activity('rejected', 'Order rejected', 400, 'bpmn:EndEvent')]);
    diagram.current = view;
    diagram.failure = undefined;
  });

  afterEach(() => {
    unmount?.();
    container.remove();
    vi.useRealTimers();
  });

  function mount(hash = '#/processes/order:2:abc', stats: () => Promise<DefinitionStatistics> = async () => statistics()) {
    const api = fakeApi({
      getDefinition: async () => definition(2),
      getDefinitions: async () => [definition(1), definition(2), { ...definition(3), key: 'other', id: 'other:3:x' }],
      getDefinitionXml: async () => '<definitions/>',
      getDefinitionStatistics: stats,
    });
    unmount = mountDefinitionPage(container, api, parseRoute(hash), 10_000);
    return api;
  }

  it('should badge where instances wait and where incidents are', async () => {
    // when
    mount();
    await settle();

    // then
    expect(byId('js-definition-name').textContent).toBe('Order fulfillment v2');
    const badges = view.badges.map(({ elementId, badge }) => `${elementId}:${badge.classList.contains('js-badge-running') ? 'running' : 'incidents'}:${badge.textContent}:${badge.dataset.activityId}`);
    expect(badges).toEqual(['charge:running:3:charge', 'charge:incidents:1:charge']);
    expect(view.marked('heat-4')).toEqual([]);
  });

  it('should offer the other versions of the same key', async () => {
    // when
    mount();
    await settle();

    // then
    const picker = byId<HTMLSelectElement>('js-version-picker');
    expect([...picker.options].map((option) => option.value)).toEqual(['order:2:abc', 'order:1:abc']);
    expect(picker.value).toBe('order:2:abc');
    expect(byId<HTMLAnchorElement>('js-definition-instances').getAttribute('href')).toBe('#/instances?definitionKey=order&definitionVersion=2');
  });

  it('should colour the activities by how many passed when the heatmap is on', async () => {
    // given
    mount();
    await settle();

    // when
    byId<HTMLInputElement>('js-heatmap-toggle').click();

    // then
    expect(view.marked('heat-4')).toEqual(['charge', 'start']);
    expect(view.marked('heat-1')).toEqual(['ship']);
    expect(view.marked('heat-0')).toEqual(['rejected']);
    expect(byId('js-heat-legend').hidden).toBe(false);
    expect(location.hash).toBe('#/processes/order%3A2%3Aabc?heat=1');

    // and off again
    byId<HTMLInputElement>('js-heatmap-toggle').click();
    expect(view.marked('heat-4')).toEqual([]);
  });

  it('should start with the heatmap on from the address', async () => {
    // when
    mount('#/processes/order:2:abc?heat=1');
    await settle();

    // then
    expect(byId<HTMLInputElement>('js-heatmap-toggle').checked).toBe(true);
    expect(view.marked('heat-4')).toEqual(['charge', 'start']);
  });

  it('should list the durations per activity in diagram order', async () => {
    // when
    mount();
    await settle();

    // then
    const rows = [...container.querySelectorAll<HTMLElement>('.js-activity-stat-row')];
    expect(rows.map((row) => row.dataset.activityId)).toEqual(['start', 'charge', 'ship', 'rejected']);
    const cell = (hook: string, id: string) => container.querySelector(`.${hook}[data-activity-id="${id}"]`)!.textContent;
    expect(cell('js-duration-p50', 'charge')).toBe('45 ms');
    expect(cell('js-duration-p95', 'charge')).toBe('210 ms');
    expect(cell('js-duration-p50', 'ship')).toBe('1.2 s');
    expect(cell('js-duration-p95', 'ship')).toBe('3 min 4 s');
    expect(cell('js-duration-p50', 'rejected')).toBe('–');
  });

  it('should reload the counts every ten seconds until left', async () => {
    // given
    const api = mount();
    await settle();

    // when
    await vi.advanceTimersByTimeAsync(10_000);
    unmount!();
    unmount = undefined;
    await vi.advanceTimersByTimeAsync(30_000);

    // then
    expect(api.getDefinitionStatistics).toHaveBeenCalledTimes(2);
    expect(view.destroyed).toBe(true);
  });

  it('should still list the statistics when the diagram cannot be drawn', async () => {
    // given
    diagram.failure = new Error('unparsable content <foo> detected');

    // when
    mount();
    await settle();

    // then
    expect(byId('js-diagram-error').hidden).toBe(false);
    expect(byId('js-diagram-error').textContent).toBe('Could not draw the diagram: unparsable content <foo> detected');
    expect(container.querySelectorAll('.js-activity-stat-row')).toHaveLength(3);
  });

  it('should say why the statistics are missing', async () => {
    // when
    mount('#/processes/order:2:abc', async () => {
      throw new ApiError(500, 'Internal Server Error', { detail: 'The request failed; see the server log.' });
    });
    await settle();

    // then
    expect(byId('js-error').textContent).toBe('Could not load the activity statistics: HTTP 500 Internal Server Error — The request failed; see the server log.');
  });
});
