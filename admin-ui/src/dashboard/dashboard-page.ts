import { describeError, type BatonApi, type Dashboard, type DashboardDefinition } from '../api/client';
import { href } from '../router';
import type { Screen } from '../screen';
import { countBadge } from '../ui/badges';
import { byId, cell, h, showMessages } from '../ui/dom';
import { formatCount, timeZone } from '../ui/format';
import { Refresher } from '../ui/refresher';
import { completionsChart } from './completions-chart';
import { refreshingPageHeader } from '../ui/page-header';

export const REFRESH_INTERVAL_MS = 10_000;

const number = (id: string) => `<span class="card-number" id="${id}" data-testid="${id}">–</span>`;

const template = `
  <section class="page">
    ${refreshingPageHeader('Dashboard')}
    <p class="muted state" id="js-loading" data-testid="js-loading" hidden>Loading…</p>
    <div class="cards">
      <a class="card card-link" href="#/instances?state=RUNNING">
        <span class="card-title">Running instances</span>${number('js-running-count')}
      </a>
      <a class="card card-link" id="js-incident-card" href="#/incidents">
        <span class="card-title">Open incidents</span>${number('js-incident-count')}
      </a>
      <div class="card">
        <span class="card-title">Last hour</span>
        <span class="card-pair"><span>${number('js-started-hour')}<span class="card-sub">started</span></span><span>${number('js-completed-hour')}<span class="card-sub">completed</span></span></span>
      </div>
      <div class="card">
        <span class="card-title">Last 24 hours</span>
        <span class="card-pair"><span>${number('js-started-day')}<span class="card-sub">started</span></span><span>${number('js-completed-day')}<span class="card-sub">completed</span></span></span>
      </div>
      <a class="card card-link" id="js-workers-card" href="#/workers">
        <span class="card-title">Workers</span>
        <span class="card-pair"><span>${number('js-workers-active')}<span class="card-sub">active</span></span><span>${number('js-workers-stale')}<span class="card-sub">stale</span></span></span>
      </a>
    </div>
    <div class="panel">
      <div class="panel-header"><h2>Completed per hour, last 24 hours</h2><span class="muted small" id="js-chart-zone"></span></div>
      <div id="js-chart" data-testid="js-chart"></div>
    </div>
    <h2>Processes</h2>
    <div class="table-scroll">
    <table class="table">
      <colgroup><col class="col-wide" /><col class="col-text" /><col class="col-num" /><col class="col-num" /><col class="col-num-wide" /><col class="col-num-wide" /></colgroup>
      <thead>
        <tr>
          <th scope="col">Process</th>
          <th scope="col">Key</th>
          <th scope="col" class="num">Running</th>
          <th scope="col" class="num">Incidents</th>
          <th scope="col" class="num">Started, 24 h</th>
          <th scope="col" class="num">Completed, 24 h</th>
        </tr>
      </thead>
      <tbody id="js-dashboard-definitions" data-testid="js-dashboard-definitions"></tbody>
    </table>
    </div>
    <p class="state" id="js-empty" data-testid="js-empty" hidden>No process definitions deployed</p>
  </section>`;

/** Counts, completions per hour, a row per process and the workers; reloads every 10 s. */
export function mountDashboard(container: HTMLElement, api: BatonApi, refreshMs = REFRESH_INTERVAL_MS): () => void {
  container.innerHTML = template;
  const find = <T extends HTMLElement = HTMLElement>(id: string) => byId<T>(container, id);
  const refreshButton = find<HTMLButtonElement>('js-refresh');
  let shown = false;

  function show(dashboard: Dashboard): void {
    const set = (id: string, value: number) => {
      find(id).textContent = formatCount(value);
    };
    set('js-running-count', dashboard.running);
    set('js-incident-count', dashboard.openIncidents);
    set('js-started-hour', dashboard.startedLastHour);
    set('js-completed-hour', dashboard.completedLastHour);
    set('js-started-day', dashboard.startedLastDay);
    set('js-completed-day', dashboard.completedLastDay);
    set('js-workers-active', dashboard.workers.active);
    set('js-workers-stale', dashboard.workers.stale);
    find('js-incident-card').classList.toggle('card-danger', dashboard.openIncidents > 0);
    find('js-workers-card').classList.toggle('card-warning', dashboard.workers.stale > 0);
    find('js-chart').replaceChildren(completionsChart(dashboard.completionsPerHour));
    find('js-chart-zone').textContent = `hours in ${timeZone()}`;
    const definitions = [...dashboard.definitions].sort((a, b) => (a.name || a.key).localeCompare(b.name || b.key));
    find('js-dashboard-definitions').replaceChildren(...definitions.map(definitionRow));
    find('js-empty').hidden = definitions.length > 0;
  }

  const refresher = new Refresher(async (signal) => {
    refreshButton.disabled = true;
    find('js-loading').hidden = shown;
    try {
      show(await api.getDashboard(signal));
      shown = true;
      showMessages(find('js-error'), []);
      find('js-last-updated').textContent = `Updated ${new Date().toLocaleTimeString()}`;
    } catch (failure) {
      if (!signal.aborted) {
        // the last good numbers stay; the error and the "Updated" time say they are old
        showMessages(find('js-error'), [describeError('Could not load the dashboard', failure)]);
      }
    } finally {
      find('js-loading').hidden = true;
      refreshButton.disabled = false;
    }
  }, refreshMs);
  refreshButton.addEventListener('click', () => void refresher.now());
  void refresher.now();
  return () => refresher.stop();
}

function definitionRow(definition: DashboardDefinition): HTMLTableRowElement {
  const instances = href(['instances'], { definitionKey: definition.key });
  const row = h(
    'tr',
    { className: 'clickable', hook: 'js-dashboard-definition-row', dataset: { key: definition.key } },
    h('td', null, h('a', { href: instances }, definition.name || definition.key)),
    cell(definition.key, 'mono'),
    cell(formatCount(definition.running), 'num js-running'),
    h('td', { className: 'num js-incidents' }, countBadge(definition.incidents, 'danger', `${definition.incidents} open incidents`)),
    cell(formatCount(definition.startedLastDay), 'num'),
    cell(formatCount(definition.completedLastDay), 'num'),
  );
  if (definition.incidents > 0) {
    row.classList.add('has-incidents');
  }
  row.addEventListener('click', (event) => {
    if (!(event.target instanceof HTMLAnchorElement)) {
      location.hash = instances;
    }
  });
  return row;
}

export const dashboardScreen: Screen = {
  section: 'dashboard',
  title: 'Dashboard',
  matches: (route) => route.path.length === 1 && route.path[0] === 'dashboard',
  mount: (container, api) => ({ unmount: mountDashboard(container, api) }),
};
