import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, type BatonApi, type DefinitionStatistics, type ProcessDefinitionDetail } from '../api/client';
import { parseRoute } from '../router';
import { FakeDiagram, activity } from '../test/fake-diagram';
import { fakeApi, settle } from '../test/fake-api';
import { takeFlash } from '../ui/flash';
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
  return { id: `order:${version}:abc`, key: 'order', name: 'Order fulfillment', version, versionTag: null, runningInstances: 3, incidents: 1, deploymentId: 'dep-1', deployedAt: '2026-11-20T08:00:00Z', suspended: false };
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
    document.querySelector('#js-confirm-dialog')?.remove();
    takeFlash();
    vi.useRealTimers();
  });

  function mount(
    hash = '#/processes/order:2:abc',
    stats: () => Promise<DefinitionStatistics> = async () => statistics(),
    roles: string[] = ['admin', 'analyst', 'operator'],
    calls: Partial<BatonApi> = {},
  ) {
    const api = fakeApi({
      getSystem: async () => ({ name: 'Baton', version: '1', engineVersion: '7.24.0', database: 'H2', user: 'someone', roles }),
      getDefinition: async () => definition(2),
      getDefinitions: async () => [definition(1), definition(2), { ...definition(3), key: 'other', id: 'other:3:x' }],
      getDefinitionXml: async () => '<definitions/>',
      getDefinitionStatistics: stats,
      getDefinitionVersions: async () => [],
      ...calls,
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

  it('should link each badge to the instances waiting or failing at its step', async () => {
    // when
    mount();
    await settle();

    // then
    const [running, incidents] = view.badges.map(({ badge }) => badge);
    expect(running!.getAttribute('href')).toBe('#/instances?definitionKey=order&definitionVersion=2&activityId=charge&state=RUNNING');
    expect(incidents!.getAttribute('href')).toBe('#/instances?definitionKey=order&definitionVersion=2&activityId=charge&state=INCIDENT');
    const row = container.querySelector<HTMLElement>('.js-activity-stat-row[data-activity-id="charge"]')!;
    expect(row.querySelector('.js-step-running')!.getAttribute('href')).toBe('#/instances?definitionKey=order&definitionVersion=2&activityId=charge&state=RUNNING');
    expect(row.querySelector('.js-step-incidents')!.getAttribute('href')).toBe('#/instances?definitionKey=order&definitionVersion=2&activityId=charge&state=INCIDENT');
    const idle = container.querySelector<HTMLElement>('.js-activity-stat-row[data-activity-id="ship"]')!;
    expect(idle.querySelector('.js-step-running')).toBeNull();
  });

  it('should list the instances at a step when the step is clicked on the diagram', async () => {
    // given
    mount();
    await settle();

    // when
    view.click('ship');

    // then
    expect(location.hash).toBe('#/instances?definitionKey=order&definitionVersion=2&activityId=ship&state=RUNNING');
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

  it('should say who deployed each version and why', async () => {
    // given
    const versions = [
      { id: 'order:1:abc', key: 'order', name: 'Order fulfillment', version: 1, versionTag: null, deploymentId: 'dep-0', deployedAt: '2026-11-19T08:00:00Z', deployedBy: null, note: null },
      { id: 'order:2:abc', key: 'order', name: 'Order fulfillment', version: 2, versionTag: 'v2', deploymentId: 'dep-1', deployedAt: '2026-11-20T08:00:00Z', deployedBy: 'ann', note: 'carrier timeout raised' },
    ];

    // when
    const api = mount('#/processes/order:2:abc', async () => statistics(), ['admin'], {
      getDefinition: async () => ({ ...definition(2), deployedBy: 'ann', note: 'carrier timeout raised' }),
      getDefinitionVersions: async () => versions,
    });
    await settle();

    // then
    expect(api.getDefinitionVersions).toHaveBeenCalledWith('order');
    expect(byId('js-deployed-by').textContent).toBe('ann');
    expect(byId('js-deployment-note').textContent).toBe('carrier timeout raised');
    const rows = [...container.querySelectorAll<HTMLElement>('.js-version-row')];
    expect(rows.map((row) => row.dataset.version)).toEqual(['2', '1']);
    expect(rows.map((row) => row.querySelector('.js-version-deployed-by')!.textContent)).toEqual(['ann', '–']);
    expect(rows.map((row) => row.querySelector('.js-version-note')!.textContent)).toEqual(['carrier timeout raised', '–']);
    expect(rows[0]!.getAttribute('aria-current')).toBe('true');
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

  describe('suspension and deletion', () => {
    const dialogElement = <T extends HTMLElement = HTMLElement>(id: string) => document.querySelector<T>(`#${id}`);
    const statisticsNow = async () => statistics();

    it.each([
      [['analyst'], false, false],
      [['operator'], true, false],
      [['admin'], true, true],
      [['operator', 'admin'], true, true],
      [[], false, false],
    ])('should offer to roles %j: suspend %s, delete deployment %s', async (roles, suspend, remove) => {
      // when
      mount(undefined, statisticsNow, roles);
      await settle();

      // then
      expect(byId('js-suspend-definition').hidden).toBe(!suspend);
      expect(byId('js-delete-deployment').hidden).toBe(!remove);
    });

    it('should suspend with its running instances once confirmed and show the new state without a refresh', async () => {
      // given
      let suspended = false;
      const setDefinitionSuspension = vi.fn(async (_id: string, state: boolean) => {
        suspended = state;
      });
      const api = mount(undefined, statisticsNow, ['operator'], { getDefinition: async () => ({ ...definition(2), suspended }), setDefinitionSuspension });
      await settle();
      expect(byId('js-suspended-badge').hidden).toBe(true);
      expect(byId('js-suspend-definition').textContent).toBe('Suspend…');

      // when
      byId('js-suspend-definition').click();
      const text = dialogElement('js-confirm-text')!.textContent;
      dialogElement<HTMLInputElement>('js-confirm-option')!.click();
      dialogElement('js-confirm')!.click();
      await settle();

      // then
      expect(text).toContain('Suspend Order fulfillment v2? No new instances will start, timer starts stop.');
      expect(dialogElement('js-confirm-option')).toBeNull();
      expect(setDefinitionSuspension).toHaveBeenCalledExactlyOnceWith('order:2:abc', true, true);
      expect(byId('js-suspended-badge').hidden).toBe(false);
      expect(byId('js-suspend-definition').textContent).toBe('Activate…');
      expect(byId('js-notice').textContent).toBe('Order fulfillment v2 suspended: no new instances start.');
      expect(api.deleteDeployment).not.toHaveBeenCalled();
    });

    it('should offer the count of running instances and activate without them when the box stays unticked', async () => {
      // given
      const setDefinitionSuspension = vi.fn(async () => {});
      mount(undefined, statisticsNow, ['operator'], { getDefinition: async () => ({ ...definition(2), suspended: true }), setDefinitionSuspension });
      await settle();
      expect(byId('js-suspended-badge').hidden).toBe(false);

      // when
      byId('js-suspend-definition').click();
      const option = dialogElement('js-confirm-option')!.parentElement!.textContent;
      dialogElement('js-confirm')!.click();
      await settle();

      // then
      expect(option).toBe('Also activate its 3 instances');
      expect(setDefinitionSuspension).toHaveBeenCalledExactlyOnceWith('order:2:abc', false, false);
    });

    it('should change nothing when the suspension is dismissed', async () => {
      // given
      const api = mount(undefined, statisticsNow, ['admin']);
      await settle();

      // when
      byId('js-suspend-definition').click();
      dialogElement('js-dismiss')!.click();
      await settle();

      // then
      expect(dialogElement('js-confirm-dialog')).toBeNull();
      expect(api.setDefinitionSuspension).not.toHaveBeenCalled();
      expect(byId('js-suspended-badge').hidden).toBe(true);
    });

    it('should say what a deletion removes and, confirmed with the box ticked, cascade and go to the processes list with a notice', async () => {
      // given
      location.hash = '#/processes/order:2:abc';
      const deleteDeployment = vi.fn(async () => {});
      mount(undefined, statisticsNow, ['admin'], { deleteDeployment });
      await settle();

      // when
      byId('js-delete-deployment').click();
      const text = dialogElement('js-confirm-text')!.textContent;
      const option = dialogElement('js-confirm-option')!.parentElement!.textContent;
      dialogElement<HTMLInputElement>('js-confirm-option')!.click();
      dialogElement('js-confirm')!.click();
      await settle();

      // then
      expect(text).toBe(
        'Delete deployment dep-1 with Order fulfillment v2? The version is removed from the engine and its timer starts stop; this cannot be undone. It has 3 running instances; unless they are included below, the server refuses while any runs.',
      );
      expect(option).toBe('Also cancel and delete its 3 running instances');
      expect(deleteDeployment).toHaveBeenCalledExactlyOnceWith('dep-1', true);
      expect(location.hash).toBe('#/processes');
      expect(takeFlash()).toBe('Deployment dep-1 deleted with Order fulfillment v2 and its instances.');
    });

    it("should show the server's detail in the page's alert and stay when the deletion is refused", async () => {
      // given
      location.hash = '#/processes/order:2:abc';
      const detail = "Deployment 'dep-1' has 3 running instance(s); delete with cascade=true to cancel them with it";
      const deleteDeployment = vi.fn(async () => {
        throw new ApiError(409, 'Conflict', { status: 409, detail });
      });
      mount(undefined, statisticsNow, ['admin'], { deleteDeployment });
      await settle();

      // when
      byId('js-delete-deployment').click();
      dialogElement('js-confirm')!.click();
      await settle();

      // then
      expect(deleteDeployment).toHaveBeenCalledExactlyOnceWith('dep-1', false);
      expect(byId('js-error').hidden).toBe(false);
      expect(byId('js-error').textContent).toBe(`Could not delete the deployment: HTTP 409 Conflict — ${detail}`);
      expect(dialogElement('js-confirm-error')!.textContent).toBe(`Could not delete the deployment: HTTP 409 Conflict — ${detail}`);
      expect(location.hash).toBe('#/processes/order:2:abc');
      expect(takeFlash()).toBeUndefined();
    });

    it('should ask for the roles once, sharing the answer with the header', async () => {
      // given
      const api = mount(undefined, statisticsNow, ['admin']);
      await settle();

      // when
      unmount!();
      unmount = mountDefinitionPage(container, api, parseRoute('#/processes/order:2:abc'), 10_000);
      await settle();

      // then
      expect(byId('js-delete-deployment').hidden).toBe(false);
      expect(api.getSystem).toHaveBeenCalledTimes(1);
    });
  });
});
