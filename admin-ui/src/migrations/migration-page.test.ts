import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BatonApi, DefinitionVersion, ProcessDefinitionDetail } from '../api/client';
import { parseRoute } from '../router';
import { FakeDiagram, activity } from '../test/fake-diagram';
import { fakeApi, settle } from '../test/fake-api';
import { mountMigrationPage } from './migration-page';

const diagrams = vi.hoisted(() => ({ queue: [] as unknown[] }));
vi.mock('../diagram/diagram', async (original) => ({
  ...(await original<typeof import('../diagram/diagram')>()),
  openDiagram: vi.fn(async () => ({ view: diagrams.queue.shift(), warnings: [] })),
}));

const source: ProcessDefinitionDetail = { id: 'p:1:a', key: 'p', name: 'Claims', version: 1, versionTag: null, runningInstances: 4, incidents: 0, deploymentId: 'd1', deployedAt: null, suspended: false };

function version(id: string, number: number): DefinitionVersion {
  return { id, key: 'p', name: 'Claims', version: number, deploymentId: `d${number}`, deployedAt: null };
}

describe('migration page', () => {
  let container: HTMLElement;
  let unmount: (() => void) | undefined;
  let sourceView: FakeDiagram;
  let targetView: FakeDiagram;
  const byId = <T extends HTMLElement = HTMLElement>(id: string) => container.querySelector<T>(`#${id}`)!;

  beforeEach(() => {
    vi.useFakeTimers();
    container = document.createElement('div');
    document.body.append(container);
    sourceView = new FakeDiagram([activity('review', 'Review', 150, 'bpmn:UserTask'), activity('legacyCheck', 'Legacy check', 300, 'bpmn:UserTask')]);
    targetView = new FakeDiagram([activity('review', 'Review', 150, 'bpmn:UserTask'), activity('check', 'Check', 300, 'bpmn:ManualTask')]);
    diagrams.queue = [sourceView, targetView];
  });

  afterEach(() => {
    unmount?.();
    container.remove();
    vi.useRealTimers();
  });

  function mount(calls: Partial<BatonApi> = {}, address = '#/migrations?source=p:1:a'): BatonApi {
    const api = fakeApi({
      getSystem: async () => ({ name: 'Baton', version: '1', engineVersion: '7.24.0', database: 'H2', user: 'op', roles: ['operator'] }),
      getDefinition: async () => source,
      getDefinitionVersions: async () => [version('p:2:b', 2), version('p:1:a', 1)],
      getDefinitionXml: async () => '<definitions/>',
      planMigration: async (_source, _target, instructions) =>
        instructions
          ? { instructions: [...instructions], problems: [{ sourceActivityId: 'legacyCheck', targetActivityId: 'check', message: 'incompatible activity types' }] }
          : { instructions: [{ sourceActivityId: 'review', targetActivityId: 'review' }], problems: [] },
      ...calls,
    });
    unmount = mountMigrationPage(container, api, parseRoute(address));
    return api;
  }

  it('should propose the equal activities, numbered alike on both diagrams', async () => {
    // when
    const api = mount();
    await settle();

    // then
    expect(api.planMigration).toHaveBeenCalledWith('p:1:a', 'p:2:b');
    expect(byId<HTMLSelectElement>('js-migration-target').value).toBe('p:2:b');
    const badge = (view: FakeDiagram) => view.badges.map(({ elementId, badge }) => `${elementId}:${badge.textContent}`);
    expect(badge(sourceView)).toEqual(['review:1']);
    expect(badge(targetView)).toEqual(['review:1']);
    const rows = [...container.querySelectorAll<HTMLElement>('.js-mapping-row')];
    expect(rows.map((row) => `${row.dataset.sourceActivityId}→${row.querySelector<HTMLSelectElement>('select')!.value}`)).toEqual(['review→review', 'legacyCheck→']);
  });

  it('should validate a changed mapping and show each problem on its activity', async () => {
    // given
    const api = mount();
    await settle();
    const select = container.querySelector<HTMLElement>('[data-source-activity-id="legacyCheck"]')!.querySelector<HTMLSelectElement>('select')!;
    select.value = 'check';
    select.dispatchEvent(new Event('change'));

    // when
    byId('js-validate').click();
    await settle();

    // then
    expect(api.planMigration).toHaveBeenLastCalledWith('p:1:a', 'p:2:b', [
      { sourceActivityId: 'review', targetActivityId: 'review' },
      { sourceActivityId: 'legacyCheck', targetActivityId: 'check' },
    ]);
    const row = container.querySelector<HTMLElement>('[data-source-activity-id="legacyCheck"]')!;
    expect(row.querySelector('.js-mapping-problems')!.textContent).toBe('incompatible activity types');
    expect(sourceView.marked('migration-problem')).toEqual(['legacyCheck']);
    expect(byId('js-plan-status').textContent).toBe('1 problem: the plan cannot run as it is.');
  });

  it('should show how many would move and which would fail on a dry run', async () => {
    // given
    const api = mount({
      dryRunMigration: async () => ({ total: 4, failing: [{ instanceId: 'i-4', problems: [{ sourceActivityId: 'legacyCheck', targetActivityId: null, message: 'no instruction' }] }] }),
    });
    await settle();
    byId<HTMLInputElement>('js-filter-prefix').value = 'claim-';

    // when
    byId('js-dry-run').click();
    await settle();

    // then
    expect(api.dryRunMigration).toHaveBeenCalledWith({
      sourceDefinitionId: 'p:1:a',
      targetDefinitionId: 'p:2:b',
      instructions: [{ sourceActivityId: 'review', targetActivityId: 'review' }],
      filter: { businessKeyPrefix: 'claim-' },
    });
    expect(byId('js-dry-run-summary').textContent).toBe('4 instances selected: 3 would migrate, 1 would fail. Nothing was changed.');
    expect(container.querySelector('.js-dry-run-row')!.textContent).toContain('legacyCheck: no instruction');
  });

  it('should migrate the instances the list filter matched when the list linked here', async () => {
    // given the instance list's "Migrate…" of instances failing at a step, with a key prefix
    const api = mount(
      { dryRunMigration: async () => ({ total: 2, failing: [] }) },
      '#/migrations?source=p:1:a&state=INCIDENT&activityId=review&businessKeyPrefix=claim-&page=2',
    );
    await settle();

    // when
    byId('js-dry-run').click();
    await settle();

    // then the filter goes with the request, and the page says so
    expect(api.dryRunMigration).toHaveBeenCalledWith({
      sourceDefinitionId: 'p:1:a',
      targetDefinitionId: 'p:2:b',
      instructions: [{ sourceActivityId: 'review', targetActivityId: 'review' }],
      filter: { state: 'INCIDENT', activityId: 'review', businessKeyPrefix: 'claim-' },
    });
    expect(byId<HTMLInputElement>('js-filter-prefix').value).toBe('claim-');
    expect(byId('js-list-filter').hidden).toBe(false);
    expect(byId('js-list-filter').textContent).toBe('From the instance list: only those with state INCIDENT, at step review.');
  });
});
