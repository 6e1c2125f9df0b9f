import { describeError, isAbort, type BatonApi, type SystemInfo } from '../api/client';
import type { Screen } from '../screen';
import { definitionRow, sortDefinitions } from './definitions';
import { showHistoryCleanup } from './history-cleanup';
import { refreshingPageHeader } from '../ui/page-header';

/** How often the page reloads on its own, in milliseconds. */
export const REFRESH_INTERVAL_MS = 10_000;

const template = `
  <section class="page">
    ${refreshingPageHeader('System')}
    <dl class="facts">
      <div><dt>Camunda engine</dt><dd id="js-engine-version" data-testid="js-engine-version">–</dd></div>
      <div><dt>Baton</dt><dd id="js-baton-version" data-testid="js-baton-version">–</dd></div>
      <div><dt>Database</dt><dd id="js-database" data-testid="js-database">–</dd></div>
      <div><dt>Signed in as</dt><dd id="js-user" data-testid="js-user">–</dd></div>
    </dl>
    <h2>Process definitions</h2>
    <div class="table-scroll">
    <table class="table">
      <colgroup>
        <col class="col-text" /><col class="col-text" /><col /><col /><col />
      </colgroup>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Key</th>
          <th scope="col" class="num">Version</th>
          <th scope="col" class="num">Running instances</th>
          <th scope="col" class="num">Incidents</th>
        </tr>
      </thead>
      <tbody id="js-definitions" data-testid="js-definitions"></tbody>
    </table>
    </div>
    <p class="muted state" id="js-loading" data-testid="js-loading" hidden>Loading…</p>
    <p class="state" id="js-empty" data-testid="js-empty" hidden>No process definitions deployed</p>
    <div id="js-history-cleanup-slot"></div>
  </section>`;

/**
 * Engine and Baton versions, the database, the signed-in user and the deployed definitions;
 * reloads every {@link REFRESH_INTERVAL_MS} and on "Refresh".
 */
export function mountStatusPage(container: HTMLElement, api: BatonApi, refreshMs = REFRESH_INTERVAL_MS): () => void {
  container.innerHTML = template;
  const find = <T extends HTMLElement>(id: string) => container.querySelector<T>(`#${id}`)!;
  const refreshButton = find<HTMLButtonElement>('js-refresh');
  const error = find('js-error');
  const rows = find('js-definitions');
  const loading = find('js-loading');
  const empty = find('js-empty');
  const lastUpdated = find('js-last-updated');

  let definitionsShown = false;
  let pending: AbortController | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function showSystem(system: SystemInfo): void {
    find('js-engine-version').textContent = system.engineVersion;
    find('js-baton-version').textContent = system.version;
    find('js-database').textContent = system.database;
    find('js-user').textContent = system.user;
  }

  function showErrors(messages: string[]): void {
    // A 401 fails every call alike; say it once.
    const shown = messages.includes('Not signed in') ? ['Not signed in'] : messages;
    error.replaceChildren(
      ...shown.map((message) => {
        const p = document.createElement('p');
        p.textContent = message;
        return p;
      }),
    );
    error.hidden = shown.length === 0;
  }

  function setBusy(busy: boolean): void {
    refreshButton.disabled = busy;
    container.querySelector('.page')!.setAttribute('aria-busy', String(busy));
    // Later refreshes keep the table in place instead of flashing "Loading…".
    loading.hidden = !busy || definitionsShown;
  }

  async function refresh(): Promise<void> {
    if (pending) {
      return;
    }
    clearTimeout(timer);
    pending = new AbortController();
    const signal = pending.signal;
    setBusy(true);
    const [system, definitions] = await Promise.allSettled([api.getSystem(signal), api.getDefinitions(signal)]);
    if (signal.aborted) {
      return;
    }
    pending = undefined;

    const errors: string[] = [];
    try {
      if (system.status === 'fulfilled') {
        showSystem(system.value);
      } else if (!isAbort(system.reason)) {
        errors.push(describeError('Could not load system information', system.reason));
      }
      if (definitions.status === 'fulfilled') {
        rows.replaceChildren(...sortDefinitions(definitions.value).map(definitionRow));
        empty.hidden = definitions.value.length > 0;
        definitionsShown = true;
      } else if (!isAbort(definitions.reason)) {
        // Keep the last good table; the error and the "Updated" time say it is stale.
        errors.push(describeError('Could not load definitions', definitions.reason));
        empty.hidden = true;
      }
    } catch (renderError) {
      // An answer of an unexpected shape must not stop the auto-refresh.
      errors.push(describeError('Could not show the status', renderError));
    }
    showErrors(errors);
    if (errors.length === 0) {
      lastUpdated.textContent = `Updated ${new Date().toLocaleTimeString()}`;
    }
    setBusy(false);
    timer = setTimeout(refresh, refreshMs);
  }

  refreshButton.addEventListener('click', () => void refresh());
  void refresh();
  const cleanup = new AbortController();
  void showHistoryCleanup(find('js-history-cleanup-slot'), api, cleanup.signal);

  return () => {
    cleanup.abort();
    clearTimeout(timer);
    pending?.abort();
    pending = undefined;
  };
}

/** `#/system`; `#/status` is its address from before the dashboard existed. */
export const statusScreen: Screen = {
  section: 'system',
  title: 'System',
  matches: (route) => route.path.length === 1 && (route.path[0] === 'system' || route.path[0] === 'status'),
  mount: (container, api) => ({ unmount: mountStatusPage(container, api) }),
};
