import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client';
import { parseRoute } from '../router';
import type { MountedScreen } from '../screen';
import { fakeApi, settle } from '../test/fake-api';
import type { DiffRow } from './diff';
import type { CompareView, LintIssue, ModelerOptions, ModelerView } from './modeler';
import { issueSummary } from './lint-panel';
import { mountModelerPage, type ModelerDeps } from './modeler-page';
import { definitionKeys } from './process-picker';

const DEFINITIONS = [
  { id: 'order:1:a', key: 'order', name: 'Order', version: 1, runningInstances: 0, incidents: 0 },
  { id: 'order:2:b', key: 'order', name: 'Order fulfillment', version: 2, runningInstances: 1, incidents: 0 },
  { id: 'billing:1:c', key: 'billing', name: null, version: 1, runningInstances: 0, incidents: 0 },
];

interface FakeView extends ModelerView {
  options: ModelerOptions;
  imported: string[];
  dirty: boolean;
  selected: string[];
}

function fakeDeps(importError?: Error): { deps: ModelerDeps; view: () => FakeView; compare: CompareView } {
  let view: FakeView | undefined;
  const compare: CompareView = {
    show: vi.fn(async (): Promise<DiffRow[]> => [{ elementId: 'ship', change: 'added', type: 'ServiceTask', name: 'Ship', details: [] }]),
    select: vi.fn(),
    destroy: vi.fn(),
  };
  const deps: ModelerDeps = {
    openModeler: async (_canvas, _panel, options) => {
      const created: FakeView = {
        options,
        imported: [],
        dirty: false,
        selected: [],
        async importXml(xml, dirty = false) {
          if (importError && xml.includes('broken')) {
            throw importError;
          }
          created.imported.push(xml);
          created.dirty = dirty;
          return [];
        },
        saveXml: async () => created.imported.at(-1) ?? '',
        saveSvg: async () => '<svg />',
        processKey: () => 'order',
        select(id) {
          created.selected.push(id);
          return true;
        },
        isDirty: () => created.dirty,
        markClean() {
          created.dirty = false;
          options.onDirtyChange(false);
        },
        toggleTokenSimulation: () => true,
        destroy: vi.fn(),
      };
      view = created;
      return created;
    },
    openCompare: async () => compare,
    download: vi.fn(),
  };
  return { deps, view: () => view!, compare };
}

function standardApi(extra: Parameters<typeof fakeApi>[0] = {}) {
  return fakeApi({
    getDefinitions: async () => DEFINITIONS,
    getAdapters: async () => [{ name: 'payment-charge', kind: 'http' }],
    getTopics: async () => [{ topic: 'shipping', openTasks: 0, lockedTasks: 0, tasksWithoutRetries: 0, oldestUnlockedSince: null, oldestUnlockedAgeSeconds: null, workers: [] }],
    getDefinitionVersions: async () => [
      { id: 'order:2:b', key: 'order', name: 'Order fulfillment', version: 2, versionTag: null, deploymentId: 'd2', deployedAt: null },
      { id: 'order:1:a', key: 'order', name: 'Order', version: 1, versionTag: null, deploymentId: 'd1', deployedAt: null },
    ],
    getDefinitionXml: async (id: string) => `<xml id="${id}" />`,
    ...extra,
  });
}

describe('modeler page', () => {
  let container: HTMLElement;
  let mounted: MountedScreen | undefined;

  beforeEach(() => {
    vi.useFakeTimers();
    container = document.createElement('div');
    document.body.append(container);
  });

  afterEach(() => {
    mounted?.unmount();
    container.remove();
    document.querySelector('#js-confirm-dialog')?.remove();
    vi.useRealTimers();
  });

  const $ = <T extends HTMLElement = HTMLElement>(id: string) => container.querySelector<T>(`#${id}`)!;

  it('should list each key once with its newest name', () => {
    expect(definitionKeys(DEFINITIONS)).toEqual([
      { key: 'billing', name: 'billing' },
      { key: 'order', name: 'Order fulfillment' },
    ]);
    expect(issueSummary([{ severity: 'error' }, { severity: 'warning' }, { severity: 'error' }])).toBe('2 errors, 1 warning');
  });

  it('should open a new diagram with the adapters and topics the server knows', async () => {
    // given
    const { deps, view } = fakeDeps();

    // when
    mounted = mountModelerPage(container, standardApi(), parseRoute('#/modeler'), deps);
    await settle();

    // then
    expect(view().options.adapters).toEqual(['payment-charge']);
    expect(view().options.topics).toEqual(['shipping']);
    expect(view().imported[0]).toContain('camunda:historyTimeToLive="P30D"');
    expect($('js-loading').hidden).toBe(true);
    expect([...$<HTMLSelectElement>('js-open-definition').options].map((option) => option.value)).toEqual(['', 'billing', 'order']);
  });

  it('should open the deployed definition named in the address', async () => {
    // given
    const { deps, view } = fakeDeps();

    // when
    mounted = mountModelerPage(container, standardApi(), parseRoute('#/modeler?definition=order:1:a'), deps);
    await settle();

    // then
    expect(view().imported.at(-1)).toBe('<xml id="order:1:a" />');
    expect($<HTMLSelectElement>('js-open-version').value).toBe('order:1:a');
  });

  it('should show lint issues and select the element of a clicked row', async () => {
    // given
    const { deps, view } = fakeDeps();
    mounted = mountModelerPage(container, standardApi(), parseRoute('#/modeler'), deps);
    await settle();
    const issues: LintIssue[] = [
      { elementId: 'charge', message: 'Service task is bound to nothing', severity: 'error', rule: 'baton/service-task-binding' },
      { elementId: 'gw', message: 'Gateway is superfluous', severity: 'warning', rule: 'superfluous-gateway' },
    ];

    // when
    view().options.onLint(issues);
    container.querySelector<HTMLElement>('.js-lint-issue[data-element-id="charge"]')!.click();

    // then
    expect($('js-lint-count').textContent).toBe('1 error, 1 warning');
    expect($('js-lint-count').dataset.errors).toBe('1');
    expect([...container.querySelectorAll<HTMLElement>('.js-lint-issue')].map((row) => row.dataset.severity)).toEqual(['error', 'warning']);
    expect(view().selected).toEqual(['charge']);
  });

  it('should show an import error in words and keep the previous diagram', async () => {
    // given
    const { deps, view } = fakeDeps(new Error('unparsable content <bpmn:definitions> detected'));
    mounted = mountModelerPage(container, standardApi(), parseRoute('#/modeler'), deps);
    await settle();
    const input = $<HTMLInputElement>('js-file-input');
    Object.defineProperty(input, 'files', { value: [new File(['broken'], 'broken.bpmn')], configurable: true });

    // when
    input.dispatchEvent(new Event('change'));
    await settle();

    // then
    expect($('js-modeler-error').hidden).toBe(false);
    expect($('js-modeler-error').textContent).toBe('Could not open broken.bpmn: unparsable content <bpmn:definitions> detected');
    expect(view().imported).toHaveLength(2);
    expect(view().imported[1]).toBe(view().imported[0]);
  });

  it('should deploy and say which version it became', async () => {
    // given
    const deploy = vi.fn(async () => ({ deploymentId: 'd3', changed: true, definitions: [{ id: 'order:3:c', key: 'order', version: 3 }] }));
    const { deps, view } = fakeDeps();
    mounted = mountModelerPage(container, standardApi({ deploy }), parseRoute('#/modeler'), deps);
    await settle();
    view().dirty = true;
    view().options.onDirtyChange(true);
    $<HTMLInputElement>('js-version-tag').value = ' 2026.11 ';

    // when
    $('js-deploy').click();
    await settle();

    // then
    expect(deploy).toHaveBeenCalledWith(expect.objectContaining({ fileName: 'order.bpmn', versionTag: '2026.11', note: undefined }));
    expect($('js-deploy-result').textContent).toBe('Deployed order as version 3');
    expect($('js-deploy-result').dataset.version).toBe('3');
    expect($('js-dirty-indicator').dataset.dirty).toBe('false');
  });

  it('should say when a deployment changed nothing', async () => {
    // given
    const deploy = vi.fn(async () => ({ deploymentId: null, changed: false, definitions: [{ id: 'order:2:b', key: 'order', version: 2 }] }));
    const { deps } = fakeDeps();
    mounted = mountModelerPage(container, standardApi({ deploy }), parseRoute('#/modeler'), deps);
    await settle();

    // when
    $('js-deploy').click();
    await settle();

    // then
    expect($('js-deploy-result').textContent).toBe('No changes: version 2 stays current');
  });

  it('should list the problems of a rejected deployment and select their elements', async () => {
    // given
    const problem = {
      title: 'Bad Request',
      status: 400,
      detail: 'The diagram has 1 problem',
      problems: [{ rule: 'baton/unknown-adapter', elementId: 'charge', message: 'Adapter "x" is not known', severity: 'error', line: 12, column: 5 }],
    };
    const deploy = vi.fn(async () => Promise.reject(new ApiError(400, 'Bad Request', problem)));
    const { deps, view } = fakeDeps();
    mounted = mountModelerPage(container, standardApi({ deploy }), parseRoute('#/modeler'), deps);
    await settle();
    view().dirty = true;

    // when
    $('js-deploy').click();
    await settle();
    container.querySelector<HTMLElement>('.js-deploy-problem')!.click();

    // then
    expect($('js-deploy-problems').hidden).toBe(false);
    const rows = [...container.querySelectorAll<HTMLElement>('.js-deploy-problem')];
    expect(rows.map((row) => `${row.dataset.elementId}:${row.dataset.severity}`)).toEqual(['charge:error']);
    expect(rows[0]!.textContent).toContain('line 12:5');
    expect(view().selected).toEqual(['charge']);
    expect(view().isDirty()).toBe(true);
  });

  it('should ask before leaving with unsaved changes', async () => {
    // given
    const { deps, view } = fakeDeps();
    mounted = mountModelerPage(container, standardApi(), parseRoute('#/modeler'), deps);
    await settle();

    // then
    expect(mounted.confirmLeave!()).toBe(true);

    // when
    view().dirty = true;
    const answer = mounted.confirmLeave!();
    document.querySelector<HTMLButtonElement>('#js-dismiss')!.click();

    // then
    expect(await answer).toBe(false);
  });

  it('should compare the deployed latest with the draft and list the differences', async () => {
    // given
    const { deps, compare } = fakeDeps();
    mounted = mountModelerPage(container, standardApi(), parseRoute('#/modeler'), deps);
    await settle();

    // when
    $('js-compare').click();
    await settle();

    // then
    expect(compare.show).toHaveBeenCalledWith('<xml id="order:2:b" />', expect.stringContaining('<bpmn:definitions'));
    const row = container.querySelector<HTMLElement>('.js-diff-row')!;
    expect(row.dataset.elementId).toBe('ship');
    expect(row.dataset.change).toBe('added');
  });
});
