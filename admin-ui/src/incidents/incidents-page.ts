import { describeError, type BatonApi, type IncidentQuery, type IncidentSummary } from '../api/client';
import { href, type Route } from '../router';
import type { MountedScreen, Screen } from '../screen';
import { confirmAction, type OpenDialog } from '../ui/confirm-dialog';
import { byId, showMessages } from '../ui/dom';
import { plural } from '../ui/format';
import { Pager, pageOf, pageSizeOf } from '../ui/pager';
import { REFRESH_INTERVAL_MS, Refresher } from '../ui/refresher';
import { currentUser, can } from '../api/permissions';
import { BatchPanel, batchPanelTemplate } from '../batches/batch-panel';
import { incidentRow } from './incident-rows';

const template = `
  <section class="page">
    <div class="page-header">
      <h1>Incidents</h1>
      <div class="page-actions">
        <button type="button" class="button" id="js-refresh" data-testid="js-refresh">Refresh</button>
      </div>
    </div>
    <form class="filters" id="js-filters" data-testid="js-filters" novalidate>
      <label class="field">
        <span class="field-label">Process</span>
        <input class="input" id="js-filter-definition" data-testid="js-filter-definition" list="js-definition-keys" placeholder="All processes" autocomplete="off" />
        <datalist id="js-definition-keys"></datalist>
      </label>
      <label class="field">
        <span class="field-label">Activity id</span>
        <input class="input mono" id="js-filter-activity" data-testid="js-filter-activity" placeholder="e.g. chargePayment" autocomplete="off" />
      </label>
      <label class="field field-wide">
        <span class="field-label">Message contains</span>
        <input class="input" id="js-filter-message" data-testid="js-filter-message" autocomplete="off" />
      </label>
      <div class="filter-actions">
        <button type="submit" class="button button-primary" id="js-apply-filters" data-testid="js-apply-filters">Apply</button>
        <button type="button" class="button" id="js-clear-filters" data-testid="js-clear-filters">Clear</button>
      </div>
    </form>
    <div class="alert alert-error" id="js-error" data-testid="js-error" role="alert" hidden></div>
    <div class="toolbar">
      <button type="button" class="button button-primary" id="js-retry-selected" data-testid="js-retry-selected" disabled>Retry selected</button>
      <span class="muted" id="js-selection-count" data-testid="js-selection-count">Select incidents to retry them</span>
      <button type="button" class="button" id="js-retry-matching" data-testid="js-retry-matching" hidden>Retry all matching</button>
    </div>
    ${batchPanelTemplate}
    <div class="table-scroll">
    <table class="table">
      <colgroup><col class="col-check" /><col class="col-id" /><col class="col-process" /><col class="col-activity" /><col class="col-wide" /><col class="col-type" /></colgroup>
      <thead>
        <tr>
          <th scope="col" class="check"><input type="checkbox" id="js-select-page" data-testid="js-select-page" aria-label="Select all incidents on this page" /></th>
          <th scope="col">Instance</th>
          <th scope="col">Process</th>
          <th scope="col">Activity</th>
          <th scope="col">Message</th>
          <th scope="col">Since</th>
        </tr>
      </thead>
      <tbody id="js-incident-rows" data-testid="js-incident-rows"></tbody>
    </table>
    </div>
    <p class="muted state" id="js-loading" data-testid="js-loading" hidden>Loading…</p>
    <p class="state" id="js-empty" data-testid="js-empty" hidden></p>
    <div id="js-pager-slot"></div>
  </section>`;

/** Where a running retry's batch id survives leaving and coming back to the screen. */
export const BATCH_KEY = 'baton.retryBatch';

export function incidentQueryOf(query: URLSearchParams): IncidentQuery {
  const text = (name: string) => query.get(name)?.trim() || undefined;
  return {
    definitionKey: text('definitionKey'),
    activityId: text('activityId'),
    message: text('message'),
    page: pageOf(query.get('page')),
    size: pageSizeOf(query.get('size')),
  };
}

function addressOf(query: IncidentQuery): string {
  return href(['incidents'], { ...query, page: query.page ? query.page : undefined });
}

/**
 * Open incidents of every definition, paged on the server and filtered by process, activity and
 * message. Selected incidents are retried as one batch whose progress is polled until done; the
 * retry button stays disabled meanwhile, so nothing is retried twice. Reloads every `refreshMs`
 * while the page is visible, keeping the rows and the selection (of incidents still open) meanwhile;
 * not while the retry dialog is open.
 */
export function mountIncidentsPage(container: HTMLElement, api: BatonApi, route: Route, storage: Storage = sessionStorage, refreshMs = REFRESH_INTERVAL_MS): MountedScreen {
  container.innerHTML = template;
  const find = <T extends HTMLElement = HTMLElement>(id: string) => byId<T>(container, id);
  const input = (id: string) => find<HTMLInputElement>(id);
  let query = incidentQueryOf(route.query);
  let incidents: IncidentSummary[] = [];
  const selected = new Set<string>();
  let dialog: OpenDialog | undefined;
  let matching = 0;
  let mayRetryAll = false;
  const batch = new BatchPanel(find('js-batch'), api, storage, BATCH_KEY, {
    onRunning: () => showSelection(),
    // retried incidents are resolved: show what is still open
    onFinished: () => void refresher.restart(),
  });
  const pager = new Pager((page, size) => go({ ...query, page, size }));
  find('js-pager-slot').replaceWith(pager.element);

  function go(next: IncidentQuery): void {
    const target = addressOf(next);
    if (target === location.hash) {
      void refresher.restart();
    } else {
      location.hash = target;
    }
  }

  function fillForm(): void {
    input('js-filter-definition').value = query.definitionKey ?? '';
    input('js-filter-activity').value = query.activityId ?? '';
    input('js-filter-message').value = query.message ?? '';
  }

  function showSelection(): void {
    const onPage = incidents.filter((incident) => selected.has(incident.id)).length;
    const all = input('js-select-page');
    all.checked = incidents.length > 0 && onPage === incidents.length;
    all.indeterminate = onPage > 0 && onPage < incidents.length;
    all.disabled = incidents.length === 0 || batch.running;
    const retry = find<HTMLButtonElement>('js-retry-selected');
    retry.disabled = selected.size === 0 || batch.running;
    retry.textContent = selected.size > 0 ? `Retry ${plural(selected.size, 'incident')}` : 'Retry selected';
    const everything = find<HTMLButtonElement>('js-retry-matching');
    everything.hidden = !mayRetryAll || matching === 0;
    everything.disabled = batch.running;
    everything.textContent = `Retry all ${plural(matching, 'incident')} matching`;
    find('js-selection-count').textContent = batch.running
      ? 'A retry is running; wait for it to finish'
      : selected.size > 0
        ? `${plural(selected.size, 'incident')} selected`
        : 'Select incidents to retry them';
    container.querySelectorAll<HTMLInputElement>('.js-select-incident').forEach((box) => {
      box.checked = selected.has(box.value);
      box.disabled = batch.running;
    });
  }

  const refresher = new Refresher(async (signal, { background }) => {
    if (background && dialog) {
      // the dialog names the incidents it retries; the list under it stays as it was
      return;
    }
    const rows = find('js-incident-rows');
    const empty = find('js-empty');
    if (!background) {
      find('js-loading').hidden = false;
      empty.hidden = true;
      rows.replaceChildren();
      incidents = [];
      selected.clear();
      showSelection();
    }
    pager.setBusy(true);
    find<HTMLButtonElement>('js-refresh').disabled = true;
    try {
      const page = await api.searchIncidents(query, signal);
      incidents = page.items;
      matching = page.total;
      // a resolved incident leaves the list and the selection
      const open = new Set(incidents.map((incident) => incident.id));
      [...selected].filter((id) => !open.has(id)).forEach((id) => selected.delete(id));
      rows.replaceChildren(
        ...incidents.map((incident) =>
          incidentRow(incident, (checked) => {
            if (checked) {
              selected.add(incident.id);
            } else {
              selected.delete(incident.id);
            }
            showSelection();
          }),
        ),
      );
      pager.show({ page: page.page, size: page.size, total: page.total, shown: page.items.length });
      const filtered = Boolean(query.definitionKey || query.activityId || query.message);
      empty.textContent = page.total > 0 ? 'No incidents on this page; go back a page.' : filtered ? 'No open incidents match these filters' : 'No open incidents. All instances run as they should.';
      empty.hidden = incidents.length > 0;
      showMessages(find('js-error'), []);
    } catch (failure) {
      if (signal.aborted) {
        return;
      }
      showMessages(find('js-error'), [describeError('Could not load the incidents', failure)]);
      pager.setBusy(false);
    } finally {
      if (!signal.aborted) {
        find('js-loading').hidden = true;
        find<HTMLButtonElement>('js-refresh').disabled = false;
        showSelection();
      }
    }
  }, refreshMs);

  function confirmRetry(): void {
    const ids = incidents.filter((incident) => selected.has(incident.id));
    if (ids.length === 0 || batch.running) {
      return;
    }
    const activities = new Map<string, number>();
    ids.forEach((incident) => {
      const activity = incident.activityId ?? 'a batch job';
      activities.set(activity, (activities.get(activity) ?? 0) + 1);
    });
    const where = [...activities].map(([activity, count]) => (count > 1 ? `${activity} ×${count}` : activity)).join(', ');
    dialog = confirmAction({
      title: 'Retry incidents',
      text:
        `Retry ${plural(ids.length, 'incident')}? The failed job or external task of each gets one more retry and runs again now (at ${where}). ` +
        'An incident resolved in the meantime is skipped. If a step fails again, it raises a new incident.',
      confirmLabel: `Retry ${plural(ids.length, 'incident')}`,
      dismissLabel: 'Do not retry',
      failure: 'Could not start the retry',
      action: async () => {
        const started = await api.startRetryBatch({ incidentIds: ids.map((incident) => incident.id) });
        batch.start(started, 'retry');
      },
    });
    void dialog.closed.then(() => (dialog = undefined));
  }

  function confirmRetryMatching(): void {
    if (matching === 0 || batch.running) {
      return;
    }
    const filter = { definitionKey: query.definitionKey, activityId: query.activityId, message: query.message };
    dialog = confirmAction({
      title: 'Retry all matching incidents',
      text:
        `Retry all ${plural(matching, 'open incident')} matching this filter, not only this page? ` +
        'The failed job or external task of each gets one more retry, run in the background as one batch. If a step fails again, it raises a new incident.',
      confirmLabel: `Retry ${plural(matching, 'incident')}`,
      dismissLabel: 'Do not retry',
      failure: 'Could not start the retry',
      action: async () => {
        batch.start(await api.startRetryBatch({ filter }), 'retry');
      },
    });
    void dialog.closed.then(() => (dialog = undefined));
  }

  find('js-filters').addEventListener('submit', (event) => {
    event.preventDefault();
    go({
      definitionKey: input('js-filter-definition').value.trim() || undefined,
      activityId: input('js-filter-activity').value.trim() || undefined,
      message: input('js-filter-message').value.trim() || undefined,
      page: 0,
      size: query.size,
    });
  });
  find('js-clear-filters').addEventListener('click', () => go({ page: 0, size: query.size }));
  input('js-select-page').addEventListener('change', () => {
    const checked = input('js-select-page').checked;
    incidents.forEach((incident) => (checked ? selected.add(incident.id) : selected.delete(incident.id)));
    showSelection();
  });
  find('js-retry-selected').addEventListener('click', confirmRetry);
  find('js-retry-matching').addEventListener('click', confirmRetryMatching);
  void currentUser(api).then(
    (info) => {
      mayRetryAll = can(info.roles, 'batchOperations');
      showSelection();
    },
    () => undefined,
  );
  find('js-refresh').addEventListener('click', () => void refresher.restart());
  void api.getDefinitions().then(
    (all) => {
      const keys = [...new Set(all.map((definition) => definition.key))].sort();
      find('js-definition-keys').replaceChildren(...keys.map((key) => Object.assign(document.createElement('option'), { value: key })));
    },
    // the filter still takes a typed key; the list only saves typing
    () => undefined,
  );

  fillForm();
  void refresher.now();
  batch.resume();

  return {
    unmount() {
      refresher.stop();
      batch.stop();
      dialog?.dismiss();
    },
    update(next: Route) {
      query = incidentQueryOf(next.query);
      fillForm();
      void refresher.restart();
    },
  };
}

export const incidentsScreen: Screen = {
  section: 'incidents',
  title: 'Incidents',
  matches: (route) => route.path.length === 1 && route.path[0] === 'incidents',
  mount: (container, api, route) => mountIncidentsPage(container, api, route),
};
