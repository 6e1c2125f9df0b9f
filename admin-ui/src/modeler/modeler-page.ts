import { ApiError, describeError, type BatonApi, type DefinitionVersion, type LintProblem, type ProcessDefinitionSummary } from '../api/client';
import type { Route } from '../router';
import type { MountedScreen, Screen } from '../screen';
import { confirmAction } from '../ui/confirm-dialog';
import { byId, h, showMessages } from '../ui/dom';
import { plural } from '../ui/format';
import type { DiffRow } from './diff';
import { newDiagramXml, openCompare, openModeler, type CompareView, type LintIssue, type ModelerView } from './modeler';
import './modeler.css';

const hook = (id: string) => `id="${id}" data-testid="${id}"`;
const DRAFT = 'draft';

const template = `
  <section class="page page-modeler">
    <div class="page-header">
      <h1>Modeler <span class="muted small" ${hook('js-diagram-title')}></span></h1>
      <div class="page-actions">
        <span class="dirty-indicator" ${hook('js-dirty-indicator')} data-dirty="false">No unsaved changes</span>
      </div>
    </div>
    <div class="toolbar modeler-toolbar">
      <label class="inline-field">Process
        <select class="select" ${hook('js-open-definition')}><option value="">Choose a deployed process…</option></select>
      </label>
      <label class="inline-field">Version
        <select class="select" ${hook('js-open-version')} disabled></select>
      </label>
      <button type="button" class="button" ${hook('js-new-diagram')}>New diagram</button>
      <label class="button file-button">Open file…
        <input type="file" accept=".bpmn,.xml,application/xml,text/xml" class="visually-hidden" ${hook('js-file-input')} />
      </label>
      <span class="toolbar-gap"></span>
      <button type="button" class="button" ${hook('js-download-bpmn')}>Download .bpmn</button>
      <button type="button" class="button" ${hook('js-download-svg')}>Download .svg</button>
      <button type="button" class="button" ${hook('js-compare')} aria-pressed="false">Compare</button>
      <button type="button" class="button" ${hook('js-token-simulation')} aria-pressed="false">Simulate</button>
    </div>
    <div class="alert alert-error" ${hook('js-error')} role="alert" hidden></div>
    <div class="alert alert-error" ${hook('js-modeler-error')} role="alert" hidden></div>
    <p class="muted state" ${hook('js-loading')}>Loading the modeler…</p>
    <div class="modeler-layout">
      <div class="modeler-canvas" ${hook('js-modeler-canvas')}></div>
      <aside class="modeler-panel" ${hook('js-properties-panel')}></aside>
    </div>
    <div class="modeler-bottom">
      <section class="modeler-box">
        <h2 class="box-title">Problems <span class="lint-count" ${hook('js-lint-count')} data-errors="0" data-warnings="0">none</span></h2>
        <ul class="issue-list" ${hook('js-lint-issues')}></ul>
      </section>
      <section class="modeler-box">
        <h2 class="box-title">Deploy</h2>
        <div class="deploy-form">
          <label class="field"><span class="field-label">Version tag (optional)</span>
            <input class="input" ${hook('js-version-tag')} maxlength="255" placeholder="e.g. 2026.11" /></label>
          <label class="field"><span class="field-label">Note (optional)</span>
            <input class="input" ${hook('js-deploy-note')} maxlength="500" placeholder="what changed" /></label>
          <div class="deploy-actions">
            <button type="button" class="button" ${hook('js-server-lint')}>Check on the server</button>
            <button type="button" class="button button-primary" ${hook('js-deploy')}>Deploy</button>
            <span class="muted small" ${hook('js-deploy-lint-summary')}></span>
          </div>
        </div>
        <div class="alert" ${hook('js-deploy-result')} role="status" hidden></div>
        <ul class="issue-list" ${hook('js-deploy-problems')} hidden></ul>
      </section>
    </div>
    <section class="modeler-box compare-box" ${hook('js-compare-panel')} hidden>
      <div class="toolbar">
        <h2 class="box-title">Compare</h2>
        <label class="inline-field">Left (before) <select class="select" ${hook('js-compare-left-version')}></select></label>
        <label class="inline-field">Right (after) <select class="select" ${hook('js-compare-right-version')}></select></label>
        <span class="legend"><span class="legend-swatch swatch-added"></span>added <span class="legend-swatch swatch-removed"></span>removed
          <span class="legend-swatch swatch-changed"></span>changed <span class="legend-swatch swatch-moved"></span>moved</span>
      </div>
      <div class="alert alert-error" ${hook('js-compare-error')} role="alert" hidden></div>
      <div class="compare-layout">
        <div class="compare-canvas" ${hook('js-compare-left')}></div>
        <div class="compare-canvas" ${hook('js-compare-right')}></div>
      </div>
      <p class="muted" ${hook('js-diff-summary')}></p>
      <ul class="issue-list" ${hook('js-diff-list')}></ul>
    </section>
  </section>`;

export interface ModelerDeps {
  openModeler: typeof openModeler;
  openCompare: typeof openCompare;
  /** Saves a file for the user (a download). */
  download(name: string, type: string, content: string): void;
}

const defaultDeps: ModelerDeps = {
  openModeler,
  openCompare,
  download(name, type, content) {
    const url = URL.createObjectURL(new Blob([content], { type }));
    const link = h('a', { href: url, attrs: { download: name } });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  },
};

/** What the editor holds: where it came from. */
interface Opened {
  label: string;
  key?: string;
  version?: number;
}

/** Unique keys, sorted, each with the name of its newest version. */
export function definitionKeys(definitions: readonly ProcessDefinitionSummary[]): { key: string; name: string }[] {
  const newest = new Map<string, ProcessDefinitionSummary>();
  for (const definition of definitions) {
    const known = newest.get(definition.key);
    if (!known || known.version < definition.version) {
      newest.set(definition.key, definition);
    }
  }
  return [...newest.values()].map(({ key, name }) => ({ key, name: name || key })).sort((a, b) => a.key.localeCompare(b.key));
}

/** "2 errors, 1 warning" or "none". */
export function issueSummary(issues: readonly { severity: string }[]): string {
  const errors = issues.filter((issue) => issue.severity === 'error').length;
  const warnings = issues.filter((issue) => issue.severity === 'warning').length;
  const infos = issues.length - errors - warnings;
  const parts = [errors ? plural(errors, 'error') : '', warnings ? plural(warnings, 'warning') : '', infos ? plural(infos, 'note') : ''].filter(Boolean);
  return parts.length ? parts.join(', ') : 'none';
}

export function mountModelerPage(container: HTMLElement, api: BatonApi, route: Route, deps: ModelerDeps = defaultDeps): MountedScreen {
  container.innerHTML = template;
  const el = <T extends HTMLElement = HTMLElement>(id: string) => byId<T>(container, id);
  const error = el('js-error');
  const modelerError = el('js-modeler-error');
  const loading = el('js-loading');
  const definitionSelect = el<HTMLSelectElement>('js-open-definition');
  const versionSelect = el<HTMLSelectElement>('js-open-version');
  const dirtyIndicator = el('js-dirty-indicator');
  const lintCount = el('js-lint-count');
  const lintList = el('js-lint-issues');
  const deployButton = el<HTMLButtonElement>('js-deploy');
  const serverLintButton = el<HTMLButtonElement>('js-server-lint');
  const deployResult = el('js-deploy-result');
  const deployProblems = el('js-deploy-problems');
  const comparePanel = el('js-compare-panel');
  const compareButton = el<HTMLButtonElement>('js-compare');
  const compareLeftSelect = el<HTMLSelectElement>('js-compare-left-version');
  const compareRightSelect = el<HTMLSelectElement>('js-compare-right-version');
  const compareError = el('js-compare-error');
  const diffList = el('js-diff-list');
  const canvas = el('js-modeler-canvas');

  const controller = new AbortController();
  const signal = controller.signal;
  let view: ModelerView | undefined;
  let compare: CompareView | undefined;
  let opened: Opened = { label: 'a new diagram' };
  let versions: DefinitionVersion[] = [];
  let compareVersions: DefinitionVersion[] = [];
  let gone = false;
  const messages: string[] = [];

  function say(message: string): void {
    messages.push(message);
    showMessages(error, messages);
  }

  function setDirty(dirty: boolean): void {
    dirtyIndicator.dataset.dirty = String(dirty);
    dirtyIndicator.textContent = dirty ? 'Unsaved changes' : 'No unsaved changes';
    dirtyIndicator.classList.toggle('is-dirty', dirty);
  }

  function showLint(issues: LintIssue[]): void {
    const errors = issues.filter((issue) => issue.severity === 'error').length;
    const warnings = issues.filter((issue) => issue.severity === 'warning').length;
    lintCount.textContent = issueSummary(issues);
    lintCount.dataset.errors = String(errors);
    lintCount.dataset.warnings = String(warnings);
    lintCount.classList.toggle('has-errors', errors > 0);
    el('js-deploy-lint-summary').textContent = issues.length ? `Problems: ${issueSummary(issues)}; the server decides` : '';
    lintList.replaceChildren(
      ...issues.map((issue) =>
        issueRow('js-lint-issue', issue.elementId, issue.severity, issue.message, issue.rule, () => view?.select(issue.elementId)),
      ),
    );
    if (issues.length === 0) {
      lintList.append(h('li', { className: 'muted issue-empty' }, 'No problems found'));
    }
  }

  function issueRow(hookName: string, elementId: string | null, severity: string, message: string, rule: string, onClick: () => void): HTMLLIElement {
    const row = h(
      'li',
      { className: `issue issue-${severity}`, hook: hookName, dataset: { elementId: elementId ?? '', severity }, attrs: { tabindex: '0', role: 'button' } },
      h('span', { className: `severity severity-${severity}` }, severity),
      h('span', { className: 'issue-message' }, message),
      h('span', { className: 'mono muted small' }, [elementId, rule].filter(Boolean).join(' · ')),
    );
    row.addEventListener('click', onClick);
    row.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        onClick();
      }
    });
    return row;
  }

  /** Asks before unsaved edits are replaced; true to go on. */
  async function mayDiscard(what: string): Promise<boolean> {
    if (!view?.isDirty()) {
      return true;
    }
    return confirmAction({
      title: 'Discard unsaved changes?',
      text: `Your changes to ${opened.label} are neither deployed nor downloaded. ${what} discards them.`,
      confirmLabel: 'Discard changes',
      dismissLabel: 'Keep editing',
      danger: true,
      failure: 'Could not continue',
      action: async () => {},
    }).closed;
  }

  /** Imports `xml`; a broken file leaves the previous diagram (and its edits) in place. */
  async function open(xml: string, next: Opened): Promise<boolean> {
    if (!view) {
      return false;
    }
    const previous = await view.saveXml().catch(() => undefined);
    const wasDirty = view.isDirty();
    modelerError.hidden = true;
    try {
      const warnings = await view.importXml(xml);
      opened = next;
      el('js-diagram-title').textContent = next.label;
      resetDeploy();
      if (warnings.length > 0) {
        modelerError.textContent = `Opened ${next.label} with ${plural(warnings.length, 'warning')}: ${warnings.join('; ')}`;
        modelerError.hidden = false;
      }
      return true;
    } catch (failure) {
      modelerError.textContent = describeError(`Could not open ${next.label}`, failure);
      modelerError.hidden = false;
      if (previous) {
        await view.importXml(previous, wasDirty).catch(() => undefined);
      }
      return false;
    }
  }

  function resetDeploy(): void {
    deployResult.hidden = true;
    deployProblems.hidden = true;
    deployProblems.replaceChildren();
  }

  function fillVersions(list: DefinitionVersion[], selectedId?: string): void {
    versions = list;
    versionSelect.replaceChildren(
      ...list.map((version, index) =>
        h(
          'option',
          { attrs: { value: version.id } },
          `v${version.version}${version.versionTag ? ` (${version.versionTag})` : ''}${index === 0 ? ' · latest' : ''}`,
        ),
      ),
    );
    versionSelect.disabled = list.length === 0;
    if (selectedId) {
      versionSelect.value = selectedId;
    }
  }

  async function openVersion(version: DefinitionVersion): Promise<void> {
    try {
      const xml = await api.getDefinitionXml(version.id, signal);
      await open(xml, { label: `${version.name || version.key} v${version.version}`, key: version.key, version: version.version });
    } catch (failure) {
      if (!signal.aborted) {
        modelerError.textContent = describeError(`Could not load ${version.key} v${version.version}`, failure);
        modelerError.hidden = false;
      }
    }
  }

  async function chooseKey(key: string, versionId?: string): Promise<void> {
    if (!key) {
      return;
    }
    if (!(await mayDiscard('Opening another process'))) {
      definitionSelect.value = opened.key ?? '';
      return;
    }
    try {
      const list = await api.getDefinitionVersions(key, signal);
      const chosen = list.find((version) => version.id === versionId) ?? list[0];
      fillVersions(list, chosen?.id);
      if (chosen) {
        await openVersion(chosen);
      }
    } catch (failure) {
      if (!signal.aborted) {
        say(describeError(`Could not load the versions of ${key}`, failure));
      }
    }
  }

  definitionSelect.addEventListener('change', () => void chooseKey(definitionSelect.value));
  versionSelect.addEventListener('change', async () => {
    const version = versions.find((candidate) => candidate.id === versionSelect.value);
    if (!version) {
      return;
    }
    if (!(await mayDiscard('Opening another version'))) {
      versionSelect.value = versions.find((candidate) => candidate.version === opened.version)?.id ?? '';
      return;
    }
    await openVersion(version);
  });

  el('js-new-diagram').addEventListener('click', async () => {
    if (await mayDiscard('A new diagram')) {
      definitionSelect.value = '';
      fillVersions([]);
      await open(newDiagramXml(), { label: 'a new diagram' });
    }
  });

  async function openFile(file: File): Promise<void> {
    if (!(await mayDiscard(`Opening ${file.name}`))) {
      return;
    }
    const xml = await file.text();
    if (await open(xml, { label: file.name })) {
      definitionSelect.value = '';
      fillVersions([]);
    }
  }

  const fileInput = el<HTMLInputElement>('js-file-input');
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    fileInput.value = '';
    if (file) {
      void openFile(file);
    }
  });
  canvas.addEventListener('dragover', (event) => {
    if (event.dataTransfer?.types.includes('Files')) {
      event.preventDefault();
      canvas.classList.add('drop-target');
    }
  });
  canvas.addEventListener('dragleave', () => canvas.classList.remove('drop-target'));
  canvas.addEventListener('drop', (event) => {
    canvas.classList.remove('drop-target');
    const file = event.dataTransfer?.files[0];
    if (file) {
      event.preventDefault();
      void openFile(file);
    }
  });

  function baseName(): string {
    return view?.processKey() ?? 'diagram';
  }

  el('js-download-bpmn').addEventListener('click', async () => {
    if (!view) {
      return;
    }
    try {
      deps.download(`${baseName()}.bpmn`, 'application/xml', await view.saveXml());
    } catch (failure) {
      say(describeError('Could not save the diagram', failure));
    }
  });
  el('js-download-svg').addEventListener('click', async () => {
    if (!view) {
      return;
    }
    try {
      deps.download(`${baseName()}.svg`, 'image/svg+xml', await view.saveSvg());
    } catch (failure) {
      say(describeError('Could not save the image', failure));
    }
  });

  function showProblems(problems: readonly LintProblem[]): void {
    deployProblems.replaceChildren(
      ...problems.map((problem) => {
        const where = problem.line ? `line ${problem.line}${problem.column ? `:${problem.column}` : ''}` : '';
        const row = issueRow('js-deploy-problem', problem.elementId, problem.severity, problem.message, [problem.rule, where].filter(Boolean).join(' '), () => {
          if (problem.elementId) {
            view?.select(problem.elementId);
          }
        });
        return row;
      }),
    );
    deployProblems.hidden = problems.length === 0;
  }

  function result(kind: 'success' | 'error' | 'info', text: string, version?: number): void {
    deployResult.className = `alert alert-${kind}`;
    deployResult.textContent = text;
    if (version === undefined) {
      delete deployResult.dataset.version;
    } else {
      deployResult.dataset.version = String(version);
    }
    deployResult.hidden = false;
  }

  deployButton.addEventListener('click', async () => {
    if (!view) {
      return;
    }
    const key = view.processKey();
    if (!key) {
      result('error', 'The diagram has no process to deploy');
      return;
    }
    deployButton.disabled = true;
    deployButton.textContent = 'Deploying…';
    resetDeploy();
    try {
      const xml = await view.saveXml();
      const deployed = await api.deploy({
        xml,
        fileName: `${key}.bpmn`,
        versionTag: el<HTMLInputElement>('js-version-tag').value.trim() || undefined,
        note: el<HTMLInputElement>('js-deploy-note').value.trim() || undefined,
      });
      const definition = deployed.definitions.find((candidate) => candidate.key === key) ?? deployed.definitions[0];
      if (deployed.changed) {
        result('success', `Deployed ${definition?.key ?? key} as version ${definition?.version ?? '?'}`, definition?.version);
        view.markClean();
      } else {
        result('info', `No changes: version ${definition?.version ?? '?'} stays current`, definition?.version);
        view.markClean();
      }
      if (definition) {
        opened = { label: `${key} v${definition.version}`, key, version: definition.version };
        el('js-diagram-title').textContent = opened.label;
        void refreshKeys(key, definition.id);
      }
    } catch (failure) {
      const problems = failure instanceof ApiError ? failure.problem?.problems : undefined;
      if (problems && problems.length > 0) {
        result('error', `The server did not deploy the diagram: ${plural(problems.length, 'problem')}`);
        showProblems(problems);
      } else {
        result('error', describeError('Could not deploy', failure));
      }
    } finally {
      deployButton.disabled = false;
      deployButton.textContent = 'Deploy';
    }
  });

  serverLintButton.addEventListener('click', async () => {
    if (!view) {
      return;
    }
    serverLintButton.disabled = true;
    resetDeploy();
    try {
      const { problems } = await api.lintXml(await view.saveXml(), signal);
      result(problems.length ? 'error' : 'success', problems.length ? `The server found ${plural(problems.length, 'problem')}` : 'The server found no problems');
      showProblems(problems);
    } catch (failure) {
      if (!signal.aborted) {
        result('error', describeError('Could not check the diagram on the server', failure));
      }
    } finally {
      serverLintButton.disabled = false;
    }
  });

  async function refreshKeys(key?: string, versionId?: string): Promise<void> {
    try {
      const definitions = await api.getDefinitions(signal);
      fillKeys(definitions);
      if (key) {
        definitionSelect.value = key;
        fillVersions(await api.getDefinitionVersions(key, signal), versionId);
      }
    } catch (failure) {
      if (!signal.aborted) {
        say(describeError('Could not load the process definitions', failure));
      }
    }
  }

  function fillKeys(definitions: readonly ProcessDefinitionSummary[]): void {
    const current = definitionSelect.value;
    definitionSelect.replaceChildren(
      h('option', { attrs: { value: '' } }, 'Choose a deployed process…'),
      ...definitionKeys(definitions).map(({ key, name }) => h('option', { attrs: { value: key } }, name === key ? key : `${name} (${key})`)),
    );
    definitionSelect.value = current;
  }

  // --- compare ---

  function compareOptions(select: HTMLSelectElement, selected: string): void {
    select.replaceChildren(
      h('option', { attrs: { value: DRAFT } }, 'Draft (this editor)'),
      ...compareVersions.map((version) => h('option', { attrs: { value: version.id } }, `${version.key} v${version.version}`)),
    );
    select.value = selected;
  }

  async function xmlFor(choice: string): Promise<string> {
    return choice === DRAFT ? view!.saveXml() : api.getDefinitionXml(choice, signal);
  }

  async function runCompare(): Promise<void> {
    compareError.hidden = true;
    try {
      compare ??= await deps.openCompare(el('js-compare-left'), el('js-compare-right'));
      const [leftXml, rightXml] = await Promise.all([xmlFor(compareLeftSelect.value), xmlFor(compareRightSelect.value)]);
      showDiff(await compare.show(leftXml, rightXml));
    } catch (failure) {
      if (!signal.aborted) {
        compareError.textContent = describeError('Could not compare', failure);
        compareError.hidden = false;
      }
    }
  }

  function showDiff(rows: DiffRow[]): void {
    el('js-diff-summary').textContent = rows.length ? `${plural(rows.length, 'difference')}` : 'No differences';
    diffList.replaceChildren(
      ...rows.map((row) => {
        const item = h(
          'li',
          { className: `issue diff-row-${row.change}`, hook: 'js-diff-row', dataset: { elementId: row.elementId, change: row.change }, attrs: { tabindex: '0', role: 'button' } },
          h('span', { className: `severity change-${row.change}` }, row.change),
          h('span', { className: 'issue-message' }, `${row.type} ${row.name || row.elementId}`),
          h('span', { className: 'mono muted small' }, [row.elementId, ...row.details].join(' · ')),
        );
        item.addEventListener('click', () => compare?.select(row.elementId));
        return item;
      }),
    );
  }

  compareButton.addEventListener('click', async () => {
    const show = comparePanel.hidden;
    comparePanel.hidden = !show;
    compareButton.setAttribute('aria-pressed', String(show));
    if (!show || !view) {
      return;
    }
    const key = view.processKey();
    compareVersions = [];
    if (key) {
      try {
        compareVersions = await api.getDefinitionVersions(key, signal);
      } catch (failure) {
        // a key never deployed: only the draft is there
        if (!(failure instanceof ApiError && failure.status === 404) && !signal.aborted) {
          compareError.textContent = describeError(`Could not load the versions of ${key}`, failure);
          compareError.hidden = false;
        }
      }
    }
    const latest = compareVersions[0];
    compareOptions(compareLeftSelect, latest ? latest.id : DRAFT);
    compareOptions(compareRightSelect, DRAFT);
    if (!latest) {
      el('js-diff-summary').textContent = `${key ?? 'This process'} is not deployed yet: nothing to compare the draft with`;
      diffList.replaceChildren();
      return;
    }
    await runCompare();
  });
  compareLeftSelect.addEventListener('change', () => void runCompare());
  compareRightSelect.addEventListener('change', () => void runCompare());

  el('js-token-simulation').addEventListener('click', () => {
    if (view) {
      el('js-token-simulation').setAttribute('aria-pressed', String(view.toggleTokenSimulation()));
    }
  });

  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (view?.isDirty()) {
      event.preventDefault();
      event.returnValue = '';
    }
  };
  window.addEventListener('beforeunload', onBeforeUnload);

  async function start(): Promise<void> {
    const [definitions, adapters, topics] = await Promise.allSettled([api.getDefinitions(signal), api.getAdapters(signal), api.getTopics(signal)]);
    if (gone) {
      return;
    }
    if (definitions.status === 'fulfilled') {
      fillKeys(definitions.value);
    } else {
      say(describeError('Could not load the process definitions', definitions.reason));
    }
    if (adapters.status === 'rejected') {
      say(`${describeError('Could not load the adapters', adapters.reason)}. Unknown adapters are not flagged.`);
    }
    if (topics.status === 'rejected') {
      say(describeError('Could not load the topics', topics.reason));
    }
    try {
      const opening = await deps.openModeler(canvas, el('js-properties-panel'), {
        adapters: adapters.status === 'fulfilled' ? adapters.value.map((adapter) => adapter.name) : undefined,
        topics: topics.status === 'fulfilled' ? topics.value.map((topic) => topic.topic) : [],
        onDirtyChange: setDirty,
        onLint: showLint,
      });
      if (gone) {
        opening.destroy();
        return;
      }
      view = opening;
    } catch (failure) {
      say(describeError('Could not load the modeler', failure));
      return;
    } finally {
      loading.hidden = true;
    }
    const definitionId = route.query.get('definition');
    const wanted = definitionId && definitions.status === 'fulfilled' ? definitions.value.find((definition) => definition.id === definitionId) : undefined;
    if (wanted) {
      definitionSelect.value = wanted.key;
      await chooseKey(wanted.key, wanted.id);
    } else {
      await open(newDiagramXml(), { label: 'a new diagram' });
    }
  }

  void start();

  return {
    unmount() {
      gone = true;
      controller.abort();
      window.removeEventListener('beforeunload', onBeforeUnload);
      compare?.destroy();
      view?.destroy();
    },
    confirmLeave() {
      if (!view?.isDirty()) {
        return true;
      }
      return confirmAction({
        title: 'Leave the modeler?',
        text: `Your changes to ${opened.label} are neither deployed nor downloaded. Leaving discards them.`,
        confirmLabel: 'Discard changes and leave',
        dismissLabel: 'Stay',
        danger: true,
        failure: 'Could not leave',
        action: async () => {},
      }).closed;
    },
  };
}

export const modelerScreen: Screen = {
  section: 'modeler',
  title: 'Modeler',
  matches: (route) => route.path.length === 1 && route.path[0] === 'modeler',
  mount: (container, api, route) => mountModelerPage(container, api, route),
};
