import {
  describeError,
  type ActivityStatistics,
  type BatonApi,
  type ProcessDefinitionDetail,
  type ProcessDefinitionSummary,
} from '../api/client';
import { currentUser } from '../api/permissions';
import { DiagramPanel } from '../diagram/diagram-panel';
import type { DiagramView } from '../diagram/diagram';
import { href, type Route } from '../router';
import type { Screen } from '../screen';
import { byId, h, showMessages } from '../ui/dom';
import { formatCount, formatDateTime, formatDateTimeLong, plural } from '../ui/format';
import { Refresher } from '../ui/refresher';
import { activityRows, activityStatRow, type StepLink } from './activity-table';
import { versionRows } from './version-rows';
import { definitionActions } from './definition-actions';
import { HEAT_LEVELS, heatBuckets, heatLegend } from './heat';

export const STATISTICS_REFRESH_MS = 10_000;

const template = `
  <section class="page">
    <div class="page-header">
      <div class="title-block">
        <h1 id="js-definition-name" data-testid="js-definition-name">Process</h1>
        <span class="state-badge state-badge-large state-suspended" id="js-suspended-badge" data-testid="js-suspended-badge" title="Starts no new instances; its timer start events do not fire" hidden>Suspended</span>
        <span class="mono muted" id="js-definition-key" data-testid="js-definition-key"></span>
        <label class="inline-field">Version
          <select class="select" id="js-version-picker" data-testid="js-version-picker" aria-label="Version"></select>
        </label>
      </div>
      <div class="page-actions">
        <span id="js-actions-slot"></span>
        <a class="button" id="js-definition-instances" data-testid="js-definition-instances" href="#/instances">Instances of this definition</a>
        <a class="button" id="js-definition-incidents" data-testid="js-definition-incidents" href="#/incidents">Incidents</a>
        <button type="button" class="button" id="js-refresh" data-testid="js-refresh">Refresh</button>
      </div>
    </div>
    <div class="alert alert-error" id="js-error" data-testid="js-error" role="alert" hidden></div>
    <div class="alert alert-success" id="js-notice" data-testid="js-notice" role="status" hidden></div>
    <p class="muted state" id="js-loading" data-testid="js-loading" hidden>Loading…</p>
    <dl class="facts facts-compact">
      <div><dt>Waiting now</dt><dd id="js-running-total" data-testid="js-running-total">–</dd></div>
      <div><dt>Open incidents</dt><dd id="js-incident-total" data-testid="js-incident-total">–</dd></div>
      <div><dt>Version tag</dt><dd id="js-version-tag" data-testid="js-version-tag">–</dd></div>
      <div><dt>Deployed</dt><dd id="js-deployed-at" data-testid="js-deployed-at">–</dd></div>
      <div><dt>Deployed by</dt><dd id="js-deployed-by" data-testid="js-deployed-by">–</dd></div>
      <div class="fact-wide"><dt>Note</dt><dd id="js-deployment-note" data-testid="js-deployment-note">–</dd></div>
    </dl>
    <div class="toolbar">
      <label class="toggle"><input type="checkbox" id="js-heatmap-toggle" data-testid="js-heatmap-toggle" /> Heatmap: instances that passed each step</label>
      <span class="heat-legend" id="js-heat-legend" data-testid="js-heat-legend" hidden></span>
      <span class="legend muted"><span class="legend-badge diagram-badge-running">n</span> waiting now <span class="legend-badge diagram-badge-incidents">n</span> open incidents</span>
    </div>
    <div id="js-diagram-slot"></div>
    <h2>Activities</h2>
    <p class="state state-note" id="js-empty" data-testid="js-empty" hidden>No instance of this version has run yet</p>
    <div class="table-scroll">
    <table class="table">
      <colgroup><col class="col-wide" /><col class="col-num" /><col class="col-num" /><col class="col-num" /><col class="col-num-wide" /><col class="col-num-wide" /></colgroup>
      <thead>
        <tr>
          <th scope="col">Activity</th>
          <th scope="col" class="num">Waiting now</th>
          <th scope="col" class="num">Incidents</th>
          <th scope="col" class="num">Passed</th>
          <th scope="col" class="num" title="Median duration of finished activity instances">p50 duration</th>
          <th scope="col" class="num" title="95th percentile duration of finished activity instances">p95 duration</th>
        </tr>
      </thead>
      <tbody id="js-activity-stats" data-testid="js-activity-stats"></tbody>
    </table>
    </div>
    <h2>Versions</h2>
    <div class="table-scroll">
      <table class="table table-wrap">
        <colgroup><col class="col-num" /><col class="col-type" /><col class="col-time" /><col class="col-type" /><col /></colgroup>
        <thead><tr><th scope="col">Version</th><th scope="col">Tag</th><th scope="col">Deployed</th><th scope="col">By</th><th scope="col">Note</th></tr></thead>
        <tbody id="js-versions" data-testid="js-versions"></tbody>
      </table>
    </div>
  </section>`;

/**
 * One definition version: its diagram with waiting and incident badges per activity, a heatmap
 * of how many instances passed each activity, and p50/p95 durations; whether it is suspended, with
 * Suspend/Activate and Delete deployment for the roles that may. State and statistics reload every
 * {@link STATISTICS_REFRESH_MS}; `?heat=1` turns the heatmap on.
 */
export function mountDefinitionPage(container: HTMLElement, api: BatonApi, route: Route, refreshMs = STATISTICS_REFRESH_MS): () => void {
  const definitionId = route.path[1] ?? '';
  container.innerHTML = template;
  const find = <T extends HTMLElement = HTMLElement>(id: string) => byId<T>(container, id);
  const heatToggle = find<HTMLInputElement>('js-heatmap-toggle');
  const panel = new DiagramPanel();
  find('js-diagram-slot').replaceWith(panel.element);
  heatToggle.checked = route.query.get('heat') === '1';

  const actions = definitionActions(api, {
    error: (message) => setError('action', message),
    changed: (message) => {
      notice(message);
      void refresher.restart();
    },
  });
  find('js-actions-slot').replaceWith(actions.element);

  const errors = new Map<string, string>();
  let view: DiagramView | undefined;
  let statistics: ActivityStatistics[] | undefined;
  let shownDefinition: ProcessDefinitionDetail | undefined;

  /** The instance list of this version at one step (waiting there, or failing there). */
  const atStep: StepLink = (activityId, state) =>
    shownDefinition
      ? href(['instances'], { definitionKey: shownDefinition.key, definitionVersion: shownDefinition.version, activityId, state: state ?? 'RUNNING' })
      : undefined;
  let stopped = false;

  function setError(key: string, message: string | undefined): void {
    if (message) {
      errors.set(key, message);
    } else {
      errors.delete(key);
    }
    showMessages(find('js-error'), [...errors.values()]);
  }

  function notice(message: string): void {
    find('js-notice').textContent = message;
    find('js-notice').hidden = message === '';
  }

  function showDefinition(definition: ProcessDefinitionDetail): void {
    shownDefinition = definition;
    find('js-suspended-badge').hidden = !definition.suspended;
    actions.show(definition);
    find('js-definition-name').textContent = `${definition.name || definition.key} v${definition.version}`;
    find('js-definition-key').textContent = definition.key;
    find('js-version-tag').textContent = definition.versionTag || '–';
    const deployed = find('js-deployed-at');
    deployed.textContent = formatDateTime(definition.deployedAt);
    deployed.title = formatDateTimeLong(definition.deployedAt);
    find('js-deployed-by').textContent = definition.deployedBy || '–';
    find('js-deployment-note').textContent = definition.note || '–';
    find<HTMLAnchorElement>('js-definition-instances').href = href(['instances'], { definitionKey: definition.key, definitionVersion: definition.version });
    find<HTMLAnchorElement>('js-definition-incidents').href = href(['incidents'], { definitionKey: definition.key });
    document.title = `${definition.name || definition.key} v${definition.version} · Baton`;
  }

  function showVersions(all: ProcessDefinitionSummary[], key: string | undefined): void {
    const picker = find<HTMLSelectElement>('js-version-picker');
    const versions = all.filter((definition) => definition.key === key).sort((a, b) => b.version - a.version);
    picker.replaceChildren(
      ...versions.map((definition, index) =>
        h('option', { attrs: { value: definition.id } }, `v${definition.version}${index === 0 ? ' (latest)' : ''}${definition.versionTag ? ` · ${definition.versionTag}` : ''}`),
      ),
    );
    picker.value = definitionId;
    picker.disabled = versions.length < 2;
  }

  /** Badges, table and heat from the latest statistics; works with or without a diagram. */
  function render(): void {
    if (!statistics) {
      return;
    }
    const rows = activityRows(view?.activities() ?? [], statistics);
    const buckets = heatBuckets(new Map(rows.map((row) => [row.id, row.stats.passed])));
    const heat = heatToggle.checked;
    find('js-activity-stats').replaceChildren(...rows.map((row) => activityStatRow(row, heat ? buckets.get(row.id) : undefined, atStep)));
    find('js-empty').hidden = statistics.some((stats) => stats.passed > 0 || stats.running > 0 || stats.incidents > 0);
    find('js-running-total').textContent = formatCount(statistics.reduce((sum, stats) => sum + stats.running, 0));
    find('js-incident-total').textContent = formatCount(statistics.reduce((sum, stats) => sum + stats.incidents, 0));
    showHeatLegend(heat, Math.max(0, ...rows.map((row) => row.stats.passed)));
    if (view) {
      paintDiagram(view, statistics, heat ? buckets : undefined, atStep);
    }
  }

  function showHeatLegend(heat: boolean, max: number): void {
    const legend = find('js-heat-legend');
    legend.hidden = !heat;
    legend.replaceChildren(
      ...heatLegend(max).map((entry) =>
        h('span', { className: 'heat-legend-entry' }, h('span', { className: `heat-swatch heat-swatch-${entry.bucket}` }), entry.bucket === 0 ? 'none' : entry.from === entry.to ? formatCount(entry.to) : `${formatCount(entry.from)}–${formatCount(entry.to)}`),
      ),
    );
  }

  const refresher = new Refresher(async (signal) => {
    const refreshButton = find<HTMLButtonElement>('js-refresh');
    refreshButton.disabled = true;
    // the definition too: its state and running count may change (timers, other operators)
    const [definition, loaded] = await Promise.allSettled([api.getDefinition(definitionId, signal), api.getDefinitionStatistics(definitionId, signal)]);
    refreshButton.disabled = false;
    if (signal.aborted) {
      return;
    }
    if (definition.status === 'fulfilled') {
      showDefinition(definition.value);
      setError('definition', undefined);
    } else {
      setError('definition', describeError('Could not load the process definition', definition.reason));
    }
    if (loaded.status === 'fulfilled') {
      statistics = loaded.value.activities;
      setError('statistics', undefined);
      render();
    } else {
      setError('statistics', describeError('Could not load the activity statistics', loaded.reason));
    }
  }, refreshMs);

  async function loadOnce(): Promise<void> {
    const loading = find('js-loading');
    loading.hidden = false;
    const [definitions, xml] = await Promise.allSettled([api.getDefinitions(), api.getDefinitionXml(definitionId)]);
    if (stopped) {
      return;
    }
    loading.hidden = true;
    if (definitions.status === 'fulfilled') {
      const key = definitions.value.find((d) => d.id === definitionId)?.key;
      showVersions(definitions.value, key);
      if (key !== undefined) {
        void loadVersionTable(key);
      }
    } else {
      setError('versions', describeError('Could not load the other versions', definitions.reason));
    }
    if (xml.status === 'fulfilled') {
      view = await panel.show(xml.value);
      view?.onActivityClick((activityId) => {
        const target = atStep(activityId);
        if (target) {
          location.hash = target;
        }
      });
      render();
    } else {
      panel.fail(describeError('Could not load the diagram', xml.reason));
    }
  }

  /** Who deployed each version and why (the picker holds only numbers and tags). */
  async function loadVersionTable(key: string): Promise<void> {
    try {
      const versions = await api.getDefinitionVersions(key);
      if (!stopped) {
        find('js-versions').replaceChildren(...versionRows(versions, definitionId));
      }
    } catch (failure) {
      if (!stopped) {
        setError('version-table', describeError('Could not load the deployments of the versions', failure));
      }
    }
  }

  heatToggle.addEventListener('change', () => {
    // in the address, so a shared link shows the heatmap; replaceState fires no hashchange
    history.replaceState(null, '', href(['processes', definitionId], { heat: heatToggle.checked ? 1 : undefined }));
    render();
  });
  find<HTMLSelectElement>('js-version-picker').addEventListener('change', (event) => {
    location.hash = href(['processes', (event.target as HTMLSelectElement).value], { heat: heatToggle.checked ? 1 : undefined });
  });
  find('js-refresh').addEventListener('click', () => {
    notice('');
    void refresher.now();
  });
  void loadOnce();
  void refresher.now();
  currentUser(api).then(
    (user) => actions.allow(user.roles ?? []),
    (failure: unknown) => setError('roles', describeError('Could not load your roles; the actions they allow are hidden', failure)),
  );

  return () => {
    stopped = true;
    actions.close();
    refresher.stop();
    panel.destroy();
  };
}

/**
 * Badges on every activity with instances waiting or incidents, each a link to those instances;
 * heat markers when on.
 */
function paintDiagram(view: DiagramView, statistics: readonly ActivityStatistics[], buckets: Map<string, number> | undefined, atStep: StepLink): void {
  view.clearBadges();
  for (const stats of statistics) {
    if (stats.running > 0) {
      view.addBadge(stats.activityId, badge('running', stats.activityId, stats.running, `${plural(stats.running, 'instance')} waiting here: list them`, atStep(stats.activityId)), 'bottom-left');
    }
    if (stats.incidents > 0) {
      view.addBadge(stats.activityId, badge('incidents', stats.activityId, stats.incidents, `${plural(stats.incidents, 'open incident')} here: list the failing instances`, atStep(stats.activityId, 'INCIDENT')), 'bottom-right');
    }
  }
  for (const activity of view.activities()) {
    for (let level = 0; level < HEAT_LEVELS; level++) {
      view.removeMarker(activity.id, `heat-${level}`);
    }
    if (buckets) {
      view.addMarker(activity.id, `heat-${buckets.get(activity.id) ?? 0}`);
    }
  }
}

function badge(kind: 'running' | 'incidents', activityId: string, count: number, title: string, target: string | undefined): HTMLElement {
  const options = { className: `diagram-badge diagram-badge-${kind}`, hook: `js-badge-${kind}`, title, dataset: { activityId } };
  return target ? h('a', { ...options, attrs: { href: target } }, formatCount(count)) : h('span', options, formatCount(count));
}

export const definitionScreen: Screen = {
  section: 'processes',
  title: 'Process definition',
  matches: (route) => route.path.length === 2 && route.path[0] === 'processes',
  mount: (container, api, route) => ({ unmount: mountDefinitionPage(container, api, route) }),
};
