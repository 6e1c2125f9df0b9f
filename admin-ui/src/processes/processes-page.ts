import { describeError, type BatonApi, type ProcessDefinitionSummary } from '../api/client';
import { href } from '../router';
import type { Screen } from '../screen';
import { countBadge } from '../ui/badges';
import { byId, cell, h, showMessages } from '../ui/dom';
import { takeFlash } from '../ui/flash';
import { formatCount } from '../ui/format';
import { Refresher } from '../ui/refresher';
import { refreshingPageHeader } from '../ui/page-header';

export const REFRESH_INTERVAL_MS = 10_000;

const template = `
  <section class="page">
    ${refreshingPageHeader('Processes')}
    <div class="alert alert-success" id="js-notice" data-testid="js-notice" role="status" hidden></div>
    <div class="table-scroll">
    <table class="table">
      <colgroup><col class="col-wide" /><col class="col-num" /><col /><col class="col-num" /><col class="col-num" /><col class="col-links" /></colgroup>
      <thead>
        <tr>
          <th scope="col">Process</th>
          <th scope="col" class="num">Version</th>
          <th scope="col">Version tag</th>
          <th scope="col" class="num">Running</th>
          <th scope="col" class="num">Incidents</th>
          <th scope="col"><span class="visually-hidden">Links</span></th>
        </tr>
      </thead>
      <tbody id="js-processes" data-testid="js-processes"></tbody>
    </table>
    </div>
    <p class="muted state" id="js-loading" data-testid="js-loading" hidden>Loading…</p>
    <p class="state" id="js-empty" data-testid="js-empty" hidden>No process definitions deployed</p>
  </section>`;

/** Definitions grouped by key (keys sorted), each group newest version first. */
export function groupByKey(definitions: readonly ProcessDefinitionSummary[]): ProcessDefinitionSummary[][] {
  const groups = new Map<string, ProcessDefinitionSummary[]>();
  for (const definition of definitions) {
    groups.set(definition.key, [...(groups.get(definition.key) ?? []), definition]);
  }
  return [...groups.keys()]
    .sort((a, b) => a.localeCompare(b))
    .map((key) => groups.get(key)!.sort((a, b) => b.version - a.version));
}

/**
 * Every deployed definition, all versions grouped by key, with running and incident counts; a
 * notice left by the previous screen (e.g. a deleted deployment) on top.
 */
export function mountProcessesPage(container: HTMLElement, api: BatonApi, refreshMs = REFRESH_INTERVAL_MS): () => void {
  container.innerHTML = template;
  const rows = byId(container, 'js-processes');
  const loading = byId(container, 'js-loading');
  const empty = byId(container, 'js-empty');
  const error = byId(container, 'js-error');
  const refreshButton = byId<HTMLButtonElement>(container, 'js-refresh');
  let shown = false;
  const notice = takeFlash();
  if (notice) {
    byId(container, 'js-notice').textContent = notice;
    byId(container, 'js-notice').hidden = false;
  }

  const refresher = new Refresher(async (signal) => {
    refreshButton.disabled = true;
    loading.hidden = shown;
    try {
      const definitions = await api.getDefinitions(signal);
      rows.replaceChildren(...groupByKey(definitions).flatMap(groupRows));
      empty.hidden = definitions.length > 0;
      shown = true;
      showMessages(error, []);
      byId(container, 'js-last-updated').textContent = `Updated ${new Date().toLocaleTimeString()}`;
    } catch (failure) {
      if (signal.aborted) {
        return;
      }
      showMessages(error, [describeError('Could not load the process definitions', failure)]);
    } finally {
      loading.hidden = true;
      refreshButton.disabled = false;
    }
  }, refreshMs);
  refreshButton.addEventListener('click', () => void refresher.now());
  void refresher.now();
  return () => refresher.stop();
}

function groupRows(versions: ProcessDefinitionSummary[]): HTMLTableRowElement[] {
  const latest = versions[0]!;
  const running = versions.reduce((sum, version) => sum + version.runningInstances, 0);
  const incidents = versions.reduce((sum, version) => sum + version.incidents, 0);
  const header = h(
    'tr',
    { className: 'group-row', hook: 'js-process-group', dataset: { key: latest.key } },
    h('td', null, h('span', { className: 'strong' }, latest.name || latest.key), ' ', h('span', { className: 'mono muted' }, latest.key)),
    cell(versions.length === 1 ? '1 version' : `${versions.length} versions`, 'num muted'),
    cell(''),
    cell(formatCount(running), 'num'),
    h('td', { className: 'num' }, countBadge(incidents, 'danger', `${incidents} open incidents in all versions`)),
    h(
      'td',
      { className: 'links' },
      h('a', { href: href(['instances'], { definitionKey: latest.key }) }, 'Instances'),
      h('a', { href: href(['incidents'], { definitionKey: latest.key }) }, 'Incidents'),
    ),
  );
  return [header, ...versions.map((definition, index) => versionRow(definition, index === 0))];
}

function versionRow(definition: ProcessDefinitionSummary, latest: boolean): HTMLTableRowElement {
  const link = href(['processes', definition.id]);
  const row = h(
    'tr',
    {
      className: 'clickable version-row',
      hook: 'js-process-row',
      title: definition.id,
      dataset: { definitionId: definition.id, key: definition.key, version: String(definition.version) },
    },
    h('td', { className: 'indent' }, h('a', { href: link }, `${definition.name || definition.key} v${definition.version}`), latest ? h('span', { className: 'tag' }, 'latest') : null),
    cell(String(definition.version), 'num'),
    cell(definition.versionTag ?? '', 'muted'),
    cell(formatCount(definition.runningInstances), 'num js-running'),
    h('td', { className: 'num js-incidents' }, countBadge(definition.incidents, 'danger', `${definition.incidents} open incidents`)),
    h('td', { className: 'links' }, h('a', { href: href(['instances'], { definitionKey: definition.key, definitionVersion: definition.version }) }, 'Instances')),
  );
  if (definition.incidents > 0) {
    row.classList.add('has-incidents');
  }
  row.addEventListener('click', (event) => {
    if (!(event.target instanceof HTMLAnchorElement)) {
      location.hash = link;
    }
  });
  return row;
}

export const processesScreen: Screen = {
  section: 'processes',
  title: 'Processes',
  matches: (route) => route.path.length === 1 && route.path[0] === 'processes',
  mount: (container, api) => ({ unmount: mountProcessesPage(container, api) }),
};
