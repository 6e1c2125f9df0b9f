import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, type DefinitionVersion } from '../api/client';
import { parseRoute } from '../router';
import type { MountedScreen } from '../screen';
import { fakeApi, settle } from '../test/fake-api';
import type { DiffRow } from './diff';
import type { LintProblem } from '../api/client';
import type { CompareView, ModelerOptions, ModelerView } from './modeler';
import { issueSummary } from './lint-panel';
import { mountModelerPage, type ModelerDeps } from './modeler-page';
import { definitionKeys } from './process-picker';
import { LINT_DELAY_MS } from './server-lint';

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
  zooms: string[];
  key: string;
}

const NAMES: Record<string, string> = { charge: 'Charge payment' };

const PAYMENT_CHARGE = { name: 'payment-charge', kind: 'http', method: 'POST', url: '/demo/payment/charge', inputs: ['orderId', 'amount'], outputs: ['paymentId'] };

function version(key: string, number: number, id: string, versionTag: string | null = null): DefinitionVersion {
  return { id: `${key}:${number}:${id}`, key, name: null, version: number, versionTag, deploymentId: `d-${id}`, deployedAt: null };
}

/** Versions per key, newest first; a test may add one (a deployment). */
let VERSIONS: Record<string, DefinitionVersion[]> = {};

function fakeDeps(importError?: Error): { deps: ModelerDeps; view: () => FakeView; compare: CompareView } {
  let view: FakeView | undefined;
  const compare: CompareView = {
    show: vi.fn(async (): Promise<DiffRow[]> => [{ elementId: 'ship', change: 'added', type: 'ServiceTask', name: 'Ship', details: [] }]),
    select: vi.fn(),
    clear: vi.fn(),
    destroy: vi.fn(),
  };
  const deps: ModelerDeps = {
    openModeler: async (_canvas, _panel, options) => {
      const created: FakeView = {
        options,
        imported: [],
        dirty: false,
        selected: [],
        zooms: [],
        key: 'order',
        async importXml(xml, dirty = false) {
          if (importError && xml.includes('broken')) {
            throw importError;
          }
          created.imported.push(xml);
          created.dirty = dirty;
          // a deployed version (`<xml id="key:version:id" />`) or a file naming its process
          created.key = /(?:<xml|<process) id="([^:"]+)/.exec(xml)?.[1] ?? created.key;
          options.onChange();
          return [];
        },
        saveXml: async () => created.imported.at(-1) ?? '',
        saveSvg: async () => '<svg />',
        processKey: () => created.key,
        elementName: (id) => NAMES[id],
        zoom(how) {
          created.zooms.push(how);
        },
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
    getAdapters: async () => [PAYMENT_CHARGE],
    getTopics: async () => [{ topic: 'shipping', openTasks: 0, lockedTasks: 0, tasksWithoutRetries: 0, oldestUnlockedSince: null, oldestUnlockedAgeSeconds: null, workers: [] }],
    getDefinitionVersions: async (key: string) => VERSIONS[key] ?? Promise.reject(new ApiError(404, 'Not Found')),
    getDefinitionXml: async (id: string) => `<xml id="${id}" />`,
    lintXml: async () => ({ problems: [] }),
    ...extra,
  });
}

describe('modeler page', () => {
  let container: HTMLElement;
  let mounted: MountedScreen | undefined;

  beforeEach(() => {
    VERSIONS = {
      order: [{ ...version('order', 2, 'b'), name: 'Order fulfillment' }, { ...version('order', 1, 'a'), name: 'Order' }],
      billing: [version('billing', 1, 'c')],
    };
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

  it('should open a new diagram with the adapters (URL, inputs, outputs) and topics the server knows', async () => {
    // given
    const { deps, view } = fakeDeps();

    // when
    mounted = mountModelerPage(container, standardApi(), parseRoute('#/modeler'), deps);
    await settle();

    // then
    expect(view().options.adapters).toEqual([PAYMENT_CHARGE]);
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

  /** What the server's house rules answer for the draft: a Java class the browser used to miss. */
  const SERVER_PROBLEMS: LintProblem[] = [
    { rule: 'save-point-opt-out', elementId: 'gw', message: "Task 'gw' opts out of its save point", severity: 'warning' },
    { rule: 'java-class', elementId: 'charge', message: "Task 'charge' calls Java class com.example.Charge, which Baton does not have", severity: 'error' },
    { rule: 'executable-process', elementId: null, message: 'No process is marked executable', severity: 'error' },
  ];

  it('should show exactly the problems the server finds in the draft, java-class included, and select the element of a clicked row', async () => {
    // given
    const { deps, view } = fakeDeps();
    const lintXml = vi.fn(async (_xml: string) => ({ problems: SERVER_PROBLEMS }));
    mounted = mountModelerPage(container, standardApi({ lintXml }), parseRoute('#/modeler'), deps);
    await settle();
    lintXml.mockClear();

    // when the diagram changes and stays still
    view().imported.push('<draft />');
    view().options.onChange();
    await vi.advanceTimersByTimeAsync(LINT_DELAY_MS);
    container.querySelector<HTMLElement>('.js-lint-issue[data-element-id="charge"]')!.click();

    // then the server was asked about the draft and every problem is listed as it said it, errors first
    expect(lintXml).toHaveBeenCalledTimes(1);
    expect(lintXml.mock.calls[0]![0]).toBe('<draft />');
    const rows = [...container.querySelectorAll<HTMLElement>('.js-lint-issue')];
    expect(rows.map((row) => [row.dataset.elementId, row.dataset.severity, row.querySelector('.issue-message')!.textContent, row.querySelector('.mono')!.textContent])).toEqual([
      ['charge', 'error', SERVER_PROBLEMS[1]!.message, 'java-class'],
      ['', 'error', SERVER_PROBLEMS[2]!.message, 'executable-process'],
      ['gw', 'warning', SERVER_PROBLEMS[0]!.message, 'save-point-opt-out'],
    ]);
    expect($('js-lint-count').textContent).toBe('2 errors, 1 warning');
    expect($('js-lint-count').dataset.errors).toBe('2');
    expect($('js-deploy-lint-summary').textContent).toBe('Problems: 2 errors, 1 warning');
    expect(view().selected).toEqual(['charge']);
  });

  it('should ask the server once for a burst of changes and show only the latest answer', async () => {
    // given
    const { deps, view } = fakeDeps();
    const answers = [{ problems: SERVER_PROBLEMS }, { problems: [] }];
    const lintXml = vi.fn(async () => answers.shift() ?? { problems: [] });
    mounted = mountModelerPage(container, standardApi({ lintXml }), parseRoute('#/modeler'), deps);
    await settle();
    await vi.advanceTimersByTimeAsync(LINT_DELAY_MS);
    expect(container.querySelectorAll('.js-lint-issue')).toHaveLength(3);

    // when three edits follow each other faster than the delay
    for (let edit = 0; edit < 3; edit++) {
      view().options.onChange();
      await vi.advanceTimersByTimeAsync(LINT_DELAY_MS / 4);
    }
    await vi.advanceTimersByTimeAsync(LINT_DELAY_MS);

    // then one more request, and its answer replaced the list
    expect(lintXml).toHaveBeenCalledTimes(2);
    expect(container.querySelectorAll('.js-lint-issue')).toHaveLength(0);
    expect($('js-lint-count').textContent).toBe('none');
  });

  it('should say the diagram was not checked when the server cannot be asked', async () => {
    // given
    const { deps } = fakeDeps();
    const lintXml = vi.fn(async () => Promise.reject(new ApiError(503, 'Service Unavailable')));

    // when
    mounted = mountModelerPage(container, standardApi({ lintXml }), parseRoute('#/modeler'), deps);
    await settle();
    await vi.advanceTimersByTimeAsync(LINT_DELAY_MS);

    // then
    expect($('js-lint-count').textContent).toBe('not checked');
    expect(container.querySelector('.js-lint-failure')!.textContent).toContain('Could not check the diagram on the server');
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

  it('should deploy, say which version it became and clear the version tag', async () => {
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
    // the tag described version 3; the next version gets its own
    expect($<HTMLInputElement>('js-version-tag').value).toBe('');
  });

  it('should say when a deployment changed nothing and keep the version tag', async () => {
    // given
    const deploy = vi.fn(async () => ({ deploymentId: null, changed: false, definitions: [{ id: 'order:2:b', key: 'order', version: 2 }] }));
    const { deps } = fakeDeps();
    mounted = mountModelerPage(container, standardApi({ deploy }), parseRoute('#/modeler'), deps);
    await settle();
    $<HTMLInputElement>('js-version-tag').value = '2026.11';

    // when
    $('js-deploy').click();
    await settle();

    // then
    expect($('js-deploy-result').textContent).toBe('No changes: version 2 stays current');
    expect($<HTMLInputElement>('js-version-tag').value).toBe('2026.11');
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
    expect(rows[0]!.querySelector('.js-issue-element')!.textContent).toBe('Charge payment');
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

  function openFile(name: string, content: string): void {
    const input = $<HTMLInputElement>('js-file-input');
    Object.defineProperty(input, 'files', { value: [new File([content], name)], configurable: true });
    input.dispatchEvent(new Event('change'));
  }

  function chooseProcess(key: string): void {
    const select = $<HTMLSelectElement>('js-open-definition');
    select.value = key;
    select.dispatchEvent(new Event('change'));
  }

  it('should clear the version tag and note when another file is opened, so the next deployment carries neither', async () => {
    // given order v2 is open with a tag and a note typed for it
    const deploy = vi.fn(async () => ({ deploymentId: 'd9', changed: true, definitions: [{ id: 'billing:2:x', key: 'billing', version: 2 }] }));
    const { deps, view } = fakeDeps();
    mounted = mountModelerPage(container, standardApi({ deploy }), parseRoute('#/modeler?definition=order:2:b'), deps);
    await settle();
    $<HTMLInputElement>('js-version-tag').value = 'order-2026.11';
    $<HTMLInputElement>('js-deploy-note').value = 'faster shipping';

    // when another process's file is opened and deployed
    openFile('billing.bpmn', '<process id="billing" />');
    await settle();
    $('js-deploy').click();
    await settle();

    // then
    expect(view().processKey()).toBe('billing');
    expect(deploy).toHaveBeenCalledWith(expect.objectContaining({ fileName: 'billing.bpmn', versionTag: undefined, note: undefined }));
  });

  it('should clear the version tag and note when a new diagram or another process is opened', async () => {
    // given
    const { deps } = fakeDeps();
    mounted = mountModelerPage(container, standardApi(), parseRoute('#/modeler?definition=order:2:b'), deps);
    await settle();
    const tag = $<HTMLInputElement>('js-version-tag');
    const note = $<HTMLInputElement>('js-deploy-note');
    tag.value = 'order-2026.11';
    note.value = 'faster shipping';

    // when
    $('js-new-diagram').click();
    await settle();

    // then
    expect([tag.value, note.value]).toEqual(['', '']);

    // and when
    tag.value = 'draft-1';
    note.value = 'a first try';
    chooseProcess('billing');
    await settle();

    // then
    expect([tag.value, note.value]).toEqual(['', '']);
  });

  it('should offer the new version in Compare after a deploy and compare the draft with it', async () => {
    // given the compare panel shows order v2 against the draft
    const deploy = vi.fn(async () => {
      VERSIONS.order = [version('order', 3, 'c', '2026.11'), ...VERSIONS.order!];
      return { deploymentId: 'd3', changed: true, definitions: [{ id: 'order:3:c', key: 'order', version: 3 }] };
    });
    const { deps, compare, view } = fakeDeps();
    mounted = mountModelerPage(container, standardApi({ deploy }), parseRoute('#/modeler?definition=order:2:b'), deps);
    await settle();
    $('js-compare').click();
    await settle();
    expect(compare.show).toHaveBeenLastCalledWith('<xml id="order:2:b" />', view().imported.at(-1));

    // when
    $('js-deploy').click();
    await settle();

    // then
    const left = $<HTMLSelectElement>('js-compare-left-version');
    expect([...left.options].map((option) => option.value)).toEqual(['draft', 'order:3:c', 'order:2:b', 'order:1:a']);
    expect(left.value).toBe('order:3:c');
    expect(left.selectedOptions[0]!.textContent).toBe('order v3 (2026.11) · latest');
    expect(compare.show).toHaveBeenLastCalledWith('<xml id="order:3:c" />', view().imported.at(-1));
  });

  it('should compare the newly opened process with its own latest version, not the previous draft', async () => {
    // given the compare panel shows order v2 against the order draft
    const { deps, compare, view } = fakeDeps();
    mounted = mountModelerPage(container, standardApi(), parseRoute('#/modeler?definition=order:2:b'), deps);
    await settle();
    $('js-compare').click();
    await settle();

    // when another process is opened
    chooseProcess('billing');
    await settle();

    // then both sides are billing's: its latest version and the draft now in the editor
    expect(view().imported.at(-1)).toBe('<xml id="billing:1:c" />');
    expect(compare.show).toHaveBeenLastCalledWith('<xml id="billing:1:c" />', '<xml id="billing:1:c" />');
    expect([...$<HTMLSelectElement>('js-compare-left-version').options].map((option) => option.value)).toEqual(['draft', 'billing:1:c']);
  });

  it('should empty an open compare panel when a process never deployed is opened', async () => {
    // given the compare panel shows order v2 against the order draft
    const { deps, compare } = fakeDeps();
    mounted = mountModelerPage(container, standardApi(), parseRoute('#/modeler?definition=order:2:b'), deps);
    await settle();
    $('js-compare').click();
    await settle();

    // when
    openFile('shipping.bpmn', '<process id="shipping" />');
    await settle();

    // then
    expect(compare.clear).toHaveBeenCalledOnce();
    expect(container.querySelectorAll('.js-diff-row')).toHaveLength(0);
    expect($('js-diff-summary').textContent).toBe('shipping is not deployed yet: nothing to compare the draft with');
    expect($('js-compare-error').hidden).toBe(true);
  });

  it('should leave nothing of the previous draft in a closed compare panel when a file is opened', async () => {
    // given a comparison was shown and the panel closed
    const { deps, compare } = fakeDeps();
    mounted = mountModelerPage(container, standardApi(), parseRoute('#/modeler?definition=order:2:b'), deps);
    await settle();
    $('js-compare').click();
    await settle();
    $('js-compare').click();
    expect(container.querySelectorAll('.js-diff-row')).toHaveLength(1);

    // when
    openFile('billing.bpmn', '<process id="billing" />');
    await settle();

    // then
    expect(compare.clear).toHaveBeenCalledOnce();
    expect(container.querySelectorAll('.js-diff-row')).toHaveLength(0);
    expect($<HTMLSelectElement>('js-compare-right-version').options).toHaveLength(0);
  });

  it('should name lint issues by the element name, falling back to the id', async () => {
    // given the server finds problems on a named and an unnamed element
    const { deps } = fakeDeps();
    const lintXml = vi.fn(async () => ({ problems: SERVER_PROBLEMS.filter((problem) => problem.elementId) }));

    // when
    mounted = mountModelerPage(container, standardApi({ lintXml }), parseRoute('#/modeler'), deps);
    await settle();
    await vi.advanceTimersByTimeAsync(LINT_DELAY_MS);

    // then
    const names = [...container.querySelectorAll<HTMLElement>('.js-lint-issue .js-issue-element')];
    expect(names.map((name) => name.textContent)).toEqual(['Charge payment', 'gw']);
    expect(names[0]!.title).toBe('charge');
  });

  it('should zoom the canvas in, out and to fit', async () => {
    // given
    const { deps, view } = fakeDeps();
    mounted = mountModelerPage(container, standardApi(), parseRoute('#/modeler'), deps);
    await settle();

    // when
    $('js-zoom-in').click();
    $('js-zoom-out').click();
    $('js-zoom-fit').click();

    // then
    expect(view().zooms).toEqual(['in', 'out', 'fit']);
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
