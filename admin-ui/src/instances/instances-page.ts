import { describeError, type BatonApi, type InstanceQuery, type InstanceSummary } from '../api/client';
import { watchEvents, type LiveUpdates, type ProcessEvent } from '../api/events';
import { can, currentUser } from '../api/permissions';
import { href, type Route } from '../router';
import type { MountedScreen, Screen } from '../screen';
import { stateBadge } from '../ui/badges';
import { byId, cell, h, processCell, showMessages } from '../ui/dom';
import { formatDateTime, formatDateTimeLong, formatDuration } from '../ui/format';
import { Pager } from '../ui/pager';
import { REFRESH_INTERVAL_MS, Refresher } from '../ui/refresher';
import { BulkActions, bulkActionsTemplate } from '../batches/bulk-actions';
import { filterFormTemplate, InstanceFilterForm } from './filter-form';
import { liveIndicator } from './live-indicator';
import { DEFAULT_SORT, hasFilters, instanceQueryOf, queryValuesOf, refusedValues } from './instance-filters';

const template = `
  <section class="page">
    <div class="page-header">
      <div class="title-block"><h1>Instances</h1><span id="js-live-slot"></span></div>
      <div class="page-actions">
        <button type="button" class="button" id="js-refresh" data-testid="js-refresh">Refresh</button>
      </div>
    </div>
    ${filterFormTemplate}
    <div class="alert alert-warning" id="js-refused-filters" data-testid="js-refused-filters" role="status" hidden>
      <p>Left out of the search, because the address holds values the list does not take:</p>
      <ul id="js-refused-list"></ul>
      <button type="button" class="button button-small" id="js-drop-refused" data-testid="js-drop-refused">Remove them from the address</button>
    </div>
    <div class="alert alert-error" id="js-error" data-testid="js-error" role="alert" hidden></div>
    <div id="js-bulk-slot">${bulkActionsTemplate}</div>
    <div class="table-scroll">
    <table class="table">
      <colgroup><col class="col-check" /><col class="col-instance" /><col class="col-process" /><col class="col-parent" /><col class="col-state" /><col class="col-where" /><col class="col-time" /><col class="col-time" /><col class="col-num-wide" /></colgroup>
      <thead>
        <tr>
          <th scope="col" class="check"><input type="checkbox" id="js-select-page" data-testid="js-select-page" aria-label="Select all instances on this page" /></th>
          <th scope="col">Instance</th>
          <th scope="col">Process</th>
          <th scope="col" title="The instance whose call activity started this one">Called by</th>
          <th scope="col">State</th>
          <th scope="col" title="The steps holding a running instance's tokens, and its oldest open incident">Waiting at</th>
          <th scope="col" id="js-sort-header" aria-sort="descending">
            <button type="button" class="sort-button" id="js-sort-start" data-testid="js-sort-start">Started</button>
          </th>
          <th scope="col">Ended</th>
          <th scope="col" class="num">Duration</th>
        </tr>
      </thead>
      <tbody id="js-instances" data-testid="js-instances"></tbody>
    </table>
    </div>
    <p class="muted state" id="js-loading" data-testid="js-loading" hidden>Loading…</p>
    <p class="state" id="js-empty" data-testid="js-empty" hidden></p>
    <div id="js-pager-slot"></div>
  </section>`;

/**
 * Instances, running and ended, paged and sorted on the server; the filters live in the
 * address (`#/instances?state=INCIDENT&definitionKey=…`) so reloads and links keep them. Reloads
 * every `refreshMs` while the page is visible, keeping the rows in place meanwhile; for operators
 * and admins also as soon as an instance of the filtered process starts, ends or has an incident,
 * or one of the rows moves on (live event stream, debounced).
 */
export function mountInstancesPage(container: HTMLElement, api: BatonApi, route: Route, refreshMs = REFRESH_INTERVAL_MS, storage: Storage = sessionStorage): MountedScreen {
  container.innerHTML = template;
  const find = <T extends HTMLElement = HTMLElement>(id: string) => byId<T>(container, id);
  let query: InstanceQuery = instanceQueryOf(route.query);
  const errors = new Map<string, string>();
  const form = new InstanceFilterForm(find('js-filters'));
  const pager = new Pager((page, size) => go({ ...query, page, size }));
  find('js-pager-slot').replaceWith(pager.element);
  const bulk = new BulkActions(find('js-bulk-slot'), api, storage, () => void refresher.restart());

  function setError(key: string, message: string | undefined): void {
    if (message) {
      errors.set(key, message);
    } else {
      errors.delete(key);
    }
    showMessages(find('js-error'), [...errors.values()]);
  }

  /** Shows `next` in the address; the hashchange brings it back through {@link update}. */
  function go(next: InstanceQuery): void {
    const target = href(['instances'], queryValuesOf(next));
    if (target === location.hash) {
      void refresher.restart();
    } else {
      location.hash = target;
    }
  }

  /** Says which values of the address were not used, so a link never seems to filter when it does not. */
  function showRefused(search: URLSearchParams): void {
    const refused = refusedValues(search);
    find('js-refused-list').replaceChildren(
      ...refused.map((item) => h('li', { hook: 'js-refused-filter', dataset: { name: item.name } }, h('span', { className: 'mono' }, `${item.name}=${item.value}`), `: ${item.reason}`)),
    );
    find('js-refused-filters').hidden = refused.length === 0;
  }

  function showSort(): void {
    const ascending = query.sort === 'startTime,asc';
    find('js-sort-header').setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    find('js-sort-start').textContent = ascending ? 'Started ▲' : 'Started ▼';
    find('js-sort-start').title = ascending ? 'Oldest first; click for newest first' : 'Newest first; click for oldest first';
  }

  /** Rows picked for an operation on exactly those instances (the bulk bar acts on them). */
  const selected = new Map<string, InstanceSummary>();
  let shown: InstanceSummary[] = [];

  function choose(instance: InstanceSummary, checked: boolean): void {
    if (checked) {
      selected.set(instance.id, instance);
    } else {
      selected.delete(instance.id);
    }
    showSelection();
  }

  function showSelection(): void {
    const all = find<HTMLInputElement>('js-select-page');
    const picked = shown.filter((instance) => selected.has(instance.id)).length;
    all.checked = shown.length > 0 && picked === shown.length;
    all.indeterminate = picked > 0 && picked < shown.length;
    all.disabled = shown.length === 0;
    container.querySelectorAll<HTMLInputElement>('.js-select-instance').forEach((box) => (box.checked = selected.has(box.value)));
    bulk.select([...selected.values()]);
  }

  find<HTMLInputElement>('js-select-page').addEventListener('change', (event) => {
    const checked = (event.target as HTMLInputElement).checked;
    shown.forEach((instance) => (checked ? selected.set(instance.id, instance) : selected.delete(instance.id)));
    showSelection();
  });

  const refresher = new Refresher(async (signal, { background }) => {
    const loading = find('js-loading');
    const empty = find('js-empty');
    const rows = find('js-instances');
    if (!background) {
      // a new search: the old rows answer another question
      loading.hidden = false;
      empty.hidden = true;
      rows.replaceChildren();
      shown = [];
      selected.clear();
      showSelection();
    }
    pager.setBusy(true);
    find<HTMLButtonElement>('js-refresh').disabled = true;
    try {
      const page = await api.searchInstances(query, signal);
      // a background reload keeps the selection of instances still on the page; a new search drops it
      const onPage = new Map(page.items.map((instance) => [instance.id, instance]));
      for (const id of [...selected.keys()]) {
        if (!background || !onPage.has(id)) {
          selected.delete(id);
        } else {
          selected.set(id, onPage.get(id)!);
        }
      }
      shown = page.items;
      rows.replaceChildren(...page.items.map((instance) => instanceRow(instance, selected.has(instance.id), (checked) => choose(instance, checked))));
      showSelection();
      pager.show({ page: page.page, size: page.size, total: page.total, shown: page.items.length });
      bulk.show(query, page.total);
      empty.hidden = page.items.length > 0;
      empty.textContent = page.total > 0 ? 'No instances on this page; go back a page.' : hasFilters(query) ? 'No instances match these filters' : 'No process instances yet';
      setError('instances', undefined);
    } catch (failure) {
      if (signal.aborted) {
        return;
      }
      setError('instances', describeError('Could not load the instances', failure));
      pager.setBusy(false);
    } finally {
      if (!signal.aborted) {
        loading.hidden = true;
        find<HTMLButtonElement>('js-refresh').disabled = false;
      }
    }
  }, refreshMs);

  find('js-filters').addEventListener('submit', (event) => {
    event.preventDefault();
    const next = form.read(query);
    const problem = find('js-filter-error');
    problem.hidden = typeof next !== 'string';
    if (typeof next === 'string') {
      problem.textContent = next;
      return;
    }
    go(next);
  });
  find('js-clear-filters').addEventListener('click', () => {
    find('js-filter-error').hidden = true;
    go({ page: 0, size: query.size, sort: query.sort });
  });
  find('js-sort-start').addEventListener('click', () => go({ ...query, page: 0, sort: query.sort === 'startTime,asc' ? DEFAULT_SORT : 'startTime,asc' }));
  find('js-refresh').addEventListener('click', () => void refresher.restart());

  void api.getDefinitions().then(
    (all) => form.setDefinitions(all, query),
    (failure: unknown) => setError('definitions', describeError('Could not load the processes to filter by', failure)),
  );
  find('js-drop-refused').addEventListener('click', () => go(query));
  form.fill(query);
  showSort();
  showRefused(route.query);
  void refresher.now();

  const indicator = liveIndicator();
  find('js-live-slot').replaceWith(indicator.element);
  let live: LiveUpdates | undefined;
  let mayWatch = false;
  let left = false;
  const watch = () => {
    live?.close();
    live = watchEvents({
      filter: { processKey: query.definitionKey },
      relevant: (event) => listChanges(event, shown),
      changed: () => refresher.soon(0),
      // a busy engine starts and ends instances all the time: one search a second at most
      debounceMs: LIST_WINDOW_MS,
      status: indicator.show,
    });
  };
  currentUser(api).then(
    (user) => {
      // analysts may not read the stream: they keep polling and see no error
      mayWatch = can(user.roles ?? [], 'watchEvents');
      if (mayWatch && !left) {
        watch();
      }
    },
    () => undefined,
  );

  return {
    unmount: () => {
      left = true;
      live?.close();
      refresher.stop();
      bulk.stop();
    },
    update(next: Route) {
      query = instanceQueryOf(next.query);
      showRefused(next.query);
      find('js-filter-error').hidden = true;
      form.fill(query);
      showSort();
      void refresher.restart();
      if (mayWatch && !left) {
        watch();
      }
    },
  };
}

/** The list reloads at most this often on live events. */
export const LIST_WINDOW_MS = 1_000;

/** Whether a process event changes the list: a new or ended instance, an incident, or a shown row moving on. */
export function listChanges(event: ProcessEvent, shown: readonly InstanceSummary[]): boolean {
  return event.type !== 'step.completed' || shown.some((instance) => instance.id === event.processInstanceId);
}

function instanceRow(instance: InstanceSummary, checked: boolean, onSelect: (checked: boolean) => void): HTMLTableRowElement {
  const link = href(['instances', instance.id]);
  const box = h('input', { hook: 'js-select-instance', attrs: { type: 'checkbox', value: instance.id, 'aria-label': `Select instance ${instance.businessKey || instance.id}` } });
  box.checked = checked;
  box.addEventListener('change', () => onSelect(box.checked));
  const row = h(
    'tr',
    { className: 'clickable', hook: 'js-instance-row', dataset: { id: instance.id, state: instance.state } },
    h('td', { className: 'check js-select-cell' }, box),
    h(
      'td',
      { title: instance.id },
      h('a', { href: link, className: instance.businessKey ? 'strong' : 'mono' }, instance.businessKey || instance.id),
      instance.businessKey ? h('span', { className: 'mono muted small block' }, instance.id) : null,
    ),
    processCell(instance.definitionName || instance.definitionKey, instance.definitionVersion, `${instance.definitionName || instance.definitionKey} v${instance.definitionVersion} (${instance.definitionId})`),
    parentCell(instance),
    h('td', null, stateBadge(instance.state)),
    whereCell(instance),
    cell(formatDateTime(instance.startTime), undefined, formatDateTimeLong(instance.startTime)),
    cell(formatDateTime(instance.endTime), undefined, formatDateTimeLong(instance.endTime)),
    instance.durationMillis === null && !instance.endTime
      ? cell(formatDuration(Math.max(0, Date.now() - new Date(instance.startTime).getTime())), 'num muted', 'Still running: time since it started')
      : cell(formatDuration(instance.durationMillis), 'num'),
  );
  row.addEventListener('click', (event) => {
    const target = event.target as HTMLElement;
    // the checkbox and its cell select; the rest of the row opens the instance
    if (!(target instanceof HTMLAnchorElement) && !target.closest('.js-select-cell')) {
      location.hash = link;
    }
  });
  return row;
}

/** A called instance links its parent (the root too, when that is another instance). */
function parentCell(instance: InstanceSummary): HTMLTableCellElement {
  if (!instance.parentInstanceId) {
    return cell('—', 'muted', 'A root instance: no call activity started it');
  }
  const root = instance.rootInstanceId && instance.rootInstanceId !== instance.parentInstanceId ? instance.rootInstanceId : undefined;
  return h(
    'td',
    { title: `Called by ${instance.parentInstanceId}${root ? `, root ${root}` : ''}` },
    h('a', { href: href(['instances', instance.parentInstanceId]), className: 'mono', hook: 'js-parent-link' }, shortId(instance.parentInstanceId)),
    root ? h('a', { href: href(['instances', root]), className: 'mono muted small block', hook: 'js-root-link' }, `root ${shortId(root)}`) : null,
  );
}

/** The steps a running instance is at, and the message of its oldest incident. */
function whereCell(instance: InstanceSummary): HTMLTableCellElement {
  const steps = instance.waitingAt ?? [];
  return h(
    'td',
    { hook: 'js-waiting-at' },
    steps.length === 0 ? null : h('span', { title: steps.map((step) => step.activityId).join(', ') }, steps.map((step) => step.activityName ?? step.activityId).join(', ')),
    instance.incidentMessage ? h('span', { className: 'incident-message small block', hook: 'js-incident-message', title: instance.incidentMessage }, instance.incidentMessage) : null,
  );
}

/** Enough of an engine id to tell two apart in a column; the full id is in the title. */
function shortId(id: string): string {
  return id.length > 13 ? `${id.slice(0, 8)}…` : id;
}

export const instancesScreen: Screen = {
  section: 'instances',
  title: 'Instances',
  matches: (route) => route.path.length === 1 && route.path[0] === 'instances',
  mount: (container, api, route) => mountInstancesPage(container, api, route),
};
