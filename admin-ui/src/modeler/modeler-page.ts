import { describeError, type BatonApi, type DefinitionVersion } from '../api/client';
import type { Route } from '../router';
import type { MountedScreen, Screen } from '../screen';
import { confirmAction } from '../ui/confirm-dialog';
import { byId, h, showMessages } from '../ui/dom';
import { plural } from '../ui/format';
import { ComparePanel, comparePanelTemplate } from './compare-panel';
import { DeployPanel, deployPanelTemplate } from './deploy-panel';
import { LintPanel, lintPanelTemplate } from './lint-panel';
import { ServerLint } from './server-lint';
import { newDiagramXml, openCompare, openModeler, type ModelerView } from './modeler';
import { ProcessPicker, processPickerTemplate } from './process-picker';
import './modeler.css';

const hook = (id: string) => `id="${id}" data-testid="${id}"`;

const template = `
  <section class="page page-modeler">
    <div class="page-header">
      <h1>Modeler <span class="muted small" ${hook('js-diagram-title')}></span></h1>
      <div class="page-actions">
        <span class="dirty-indicator" ${hook('js-dirty-indicator')} data-dirty="false">No unsaved changes</span>
      </div>
    </div>
    <div class="toolbar modeler-toolbar">
      ${processPickerTemplate}
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
      <div class="modeler-canvas" ${hook('js-modeler-canvas')}>
        <div class="diagram-zoom">
          <button type="button" class="button button-small" ${hook('js-zoom-in')} title="Zoom in" aria-label="Zoom in">+</button>
          <button type="button" class="button button-small" ${hook('js-zoom-out')} title="Zoom out" aria-label="Zoom out">−</button>
          <button type="button" class="button button-small" ${hook('js-zoom-fit')} title="Fit the diagram" aria-label="Fit the diagram">Fit</button>
        </div>
      </div>
      <aside class="modeler-panel" ${hook('js-properties-panel')}></aside>
    </div>
    <div class="modeler-bottom">
      ${lintPanelTemplate}
      ${deployPanelTemplate}
    </div>
    ${comparePanelTemplate}
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

/**
 * The modeler screen: the editor (bpmn-js behind {@link openModeler}) and what opens diagrams in
 * it, composed with three panels that each keep their own state: problems ({@link LintPanel}),
 * deploy ({@link DeployPanel}) and compare ({@link ComparePanel}). Whenever another diagram is
 * opened, every panel is told to forget the previous one.
 */
export function mountModelerPage(container: HTMLElement, api: BatonApi, route: Route, deps: ModelerDeps = defaultDeps): MountedScreen {
  container.innerHTML = template;
  const el = <T extends HTMLElement = HTMLElement>(id: string) => byId<T>(container, id);
  const error = el('js-error');
  const modelerError = el('js-modeler-error');
  const dirtyIndicator = el('js-dirty-indicator');
  const canvas = el('js-modeler-canvas');

  const controller = new AbortController();
  const signal = controller.signal;
  let view: ModelerView | undefined;
  let opened: Opened = { label: 'a new diagram' };
  let gone = false;
  const messages: string[] = [];

  const select = (elementId: string) => void view?.select(elementId);
  const lint = new LintPanel(el('js-lint-panel'), { onSelect: select });
  const serverLint = new ServerLint(api, signal, {
    xml: () => view?.saveXml(),
    nameOf: (elementId) => view?.elementName(elementId),
    onIssues(issues) {
      lint.show(issues);
      deploy.showLintSummary(issues);
    },
    onFailure(message) {
      lint.showFailure(message);
      deploy.showLintSummary([]);
    },
  });
  const deploy = new DeployPanel(el('js-deploy-panel'), api, {
    view: () => view,
    onSelect: select,
    onDeployed(definition) {
      const key = definition.key;
      opened = { label: `${key} v${definition.version}`, key, version: definition.version };
      el('js-diagram-title').textContent = opened.label;
      void refreshKeys(key, definition.id);
      void compare.versionsChanged();
    },
  });
  const compare = new ComparePanel(el('js-compare-panel'), el<HTMLButtonElement>('js-compare'), api, signal, {
    openCompare: deps.openCompare,
    hasDraft: () => view !== undefined,
    draft: () => (view ? view.saveXml() : Promise.reject(new Error('The modeler is not loaded'))),
    processKey: () => view?.processKey(),
  });
  const picker = new ProcessPicker(container, {
    onKey: (key) => void chooseKey(key),
    onVersion: (version) => void chooseVersion(version),
  });

  function say(message: string): void {
    messages.push(message);
    showMessages(error, messages);
  }

  function setDirty(dirty: boolean): void {
    dirtyIndicator.dataset.dirty = String(dirty);
    dirtyIndicator.textContent = dirty ? 'Unsaved changes' : 'No unsaved changes';
    dirtyIndicator.classList.toggle('is-dirty', dirty);
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
      deploy.reset();
      void compare.reset();
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
    if (!(await mayDiscard('Opening another process'))) {
      picker.restore(opened.key, opened.version);
      return;
    }
    try {
      const list = await api.getDefinitionVersions(key, signal);
      const chosen = list.find((version) => version.id === versionId) ?? list[0];
      picker.show(key, list, chosen?.id);
      if (chosen) {
        await openVersion(chosen);
      }
    } catch (failure) {
      if (!signal.aborted) {
        say(describeError(`Could not load the versions of ${key}`, failure));
      }
    }
  }

  async function chooseVersion(version: DefinitionVersion): Promise<void> {
    if (!(await mayDiscard('Opening another version'))) {
      picker.restore(opened.key, opened.version);
      return;
    }
    await openVersion(version);
  }

  el('js-new-diagram').addEventListener('click', async () => {
    if (await mayDiscard('A new diagram')) {
      picker.clear();
      await open(newDiagramXml(), { label: 'a new diagram' });
    }
  });

  async function openFile(file: File): Promise<void> {
    if (!(await mayDiscard(`Opening ${file.name}`))) {
      return;
    }
    const xml = await file.text();
    if (await open(xml, { label: file.name })) {
      picker.clear();
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

  async function refreshKeys(key?: string, versionId?: string): Promise<void> {
    try {
      picker.fillKeys(await api.getDefinitions(signal));
      if (key) {
        picker.show(key, await api.getDefinitionVersions(key, signal), versionId);
      }
    } catch (failure) {
      if (!signal.aborted) {
        say(describeError('Could not load the process definitions', failure));
      }
    }
  }

  for (const how of ['in', 'out', 'fit'] as const) {
    el(`js-zoom-${how}`).addEventListener('click', () => view?.zoom(how));
  }

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
      picker.fillKeys(definitions.value);
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
        adapters: adapters.status === 'fulfilled' ? adapters.value : undefined,
        topics: topics.status === 'fulfilled' ? topics.value.map((topic) => topic.topic) : [],
        onDirtyChange: setDirty,
        onChange: () => serverLint.schedule(),
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
      el('js-loading').hidden = true;
    }
    const definitionId = route.query.get('definition');
    const wanted = definitionId && definitions.status === 'fulfilled' ? definitions.value.find((definition) => definition.id === definitionId) : undefined;
    if (wanted) {
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
      serverLint.destroy();
      window.removeEventListener('beforeunload', onBeforeUnload);
      compare.destroy();
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
