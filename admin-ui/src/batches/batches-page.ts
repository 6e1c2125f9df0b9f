import { describeError, type Batch, type BatonApi } from '../api/client';
import { can, currentUser } from '../api/permissions';
import { href, type Route } from '../router';
import type { MountedScreen, Screen } from '../screen';
import { stateBadge } from '../ui/badges';
import { confirmAction, type OpenDialog } from '../ui/confirm-dialog';
import { byId, cell, h, showMessages } from '../ui/dom';
import { formatDateTime, formatDateTimeLong } from '../ui/format';
import { Pager, pageOf, pageSizeOf } from '../ui/pager';
import { Refresher } from '../ui/refresher';
import { failureRow } from './batch-panel';
import { batchSummary, batchTitle } from './follow';

/** How often the list reloads: progress of running batches moves. */
export const BATCHES_REFRESH_MS = 2_000;

const template = `
  <section class="page">
    <div class="page-header">
      <h1>Batches</h1>
      <div class="page-actions">
        <button type="button" class="button" id="js-refresh" data-testid="js-refresh">Refresh</button>
      </div>
    </div>
    <p class="muted">Operations on many instances at once, run in the background by the engine on any node; newest first.</p>
    <div class="alert alert-error" id="js-error" data-testid="js-error" role="alert" hidden></div>
    <div class="table-scroll">
    <table class="table table-wrap">
      <colgroup><col class="col-time" /><col class="col-wide" /><col class="col-type" /><col class="col-wide" /><col class="col-state" /><col class="col-actions" /></colgroup>
      <thead>
        <tr>
          <th scope="col">Started</th>
          <th scope="col">Operation</th>
          <th scope="col">By</th>
          <th scope="col">Progress</th>
          <th scope="col">State</th>
          <th scope="col"></th>
        </tr>
      </thead>
      <tbody id="js-batches" data-testid="js-batches"></tbody>
    </table>
    </div>
    <p class="muted state" id="js-loading" data-testid="js-loading" hidden>Loading…</p>
    <p class="state" id="js-empty" data-testid="js-empty" hidden>No batches yet. Start one from the instances or incidents list.</p>
    <div id="js-pager-slot"></div>
  </section>`;

const STATE_LABELS: Record<Batch['state'], string> = { RUNNING: 'Running', COMPLETED: 'Completed', CANCELED: 'Canceled' };

/**
 * Every operation on many instances (`#/batches`), newest first: what it does, who started it and
 * why, its progress, and each failed item with its message; a running one can be canceled by roles
 * that may. Reloads every {@link BATCHES_REFRESH_MS} while visible.
 */
export function mountBatchesPage(container: HTMLElement, api: BatonApi, route: Route, refreshMs = BATCHES_REFRESH_MS): MountedScreen {
  container.innerHTML = template;
  const find = <T extends HTMLElement = HTMLElement>(id: string) => byId<T>(container, id);
  let page = pageOf(route.query.get('page'));
  let size = pageSizeOf(route.query.get('size'));
  let highlighted = route.query.get('id');
  let mayCancel = false;
  let dialog: OpenDialog | undefined;
  const pager = new Pager((nextPage, nextSize) => {
    location.hash = href(['batches'], { page: nextPage || undefined, size: nextSize });
  });
  find('js-pager-slot').replaceWith(pager.element);

  function rows(batch: Batch): HTMLTableRowElement[] {
    const progress = h('progress', { className: 'progress-inline', attrs: { max: String(Math.max(1, batch.total)), value: String(batch.done + batch.failed) } });
    const actions = h('td');
    if (batch.state === 'RUNNING' && mayCancel) {
      const cancel = h('button', { className: 'button button-small button-danger', hook: 'js-cancel-batch', attrs: { type: 'button' } }, 'Cancel');
      cancel.addEventListener('click', () => confirmCancel(batch));
      actions.append(cancel);
    }
    const main = h(
      'tr',
      { hook: 'js-batch-row', dataset: { id: batch.id, state: batch.state, type: batch.type }, className: batch.id === highlighted ? 'selected' : undefined },
      cell(formatDateTime(batch.startedAt), undefined, formatDateTimeLong(batch.startedAt)),
      h('td', null, h('span', { className: 'strong' }, batchTitle(batch)), batch.reason ? h('span', { className: 'muted small block' }, `Reason: ${batch.reason}`) : null),
      cell(batch.startedBy ?? '–'),
      h('td', null, progress, h('span', { hook: 'js-batch-progress' }, batchSummary(batch))),
      h('td', null, stateBadge(batch.state, STATE_LABELS[batch.state])),
      actions,
    );
    if (batch.failures.length === 0) {
      return [main];
    }
    const failures = h(
      'tr',
      { className: 'batch-failures', dataset: { id: batch.id } },
      h('td'),
      h('td', { attrs: { colspan: '5' } }, h('table', { className: 'table table-compact table-wrap' }, h('tbody', null, ...batch.failures.map(failureRow)))),
    );
    return [main, failures];
  }

  function confirmCancel(batch: Batch): void {
    dialog = confirmAction({
      title: 'Cancel the batch',
      text: `${batchTitle(batch)}: ${batchSummary(batch)} Cancel it? Items not run by now never run; what ran stays done.`,
      confirmLabel: 'Cancel the batch',
      dismissLabel: 'Let it run',
      danger: true,
      failure: 'Could not cancel the batch',
      action: async () => {
        await api.cancelBatch(batch.id);
        void refresher.restart();
      },
    });
    void dialog.closed.then(() => (dialog = undefined));
  }

  const refresher = new Refresher(async (signal, { background }) => {
    if (background && dialog) {
      return;
    }
    if (!background) {
      find('js-loading').hidden = false;
    }
    find<HTMLButtonElement>('js-refresh').disabled = true;
    try {
      const answer = await api.getBatches(page, size, signal);
      find('js-batches').replaceChildren(...answer.items.flatMap(rows));
      pager.show({ page: answer.page, size: answer.size, total: answer.total, shown: answer.items.length });
      find('js-empty').hidden = answer.items.length > 0;
      showMessages(find('js-error'), []);
    } catch (failure) {
      if (signal.aborted) {
        return;
      }
      showMessages(find('js-error'), [describeError('Could not load the batches', failure)]);
    } finally {
      if (!signal.aborted) {
        find('js-loading').hidden = true;
        find<HTMLButtonElement>('js-refresh').disabled = false;
      }
    }
  }, refreshMs);

  find('js-refresh').addEventListener('click', () => void refresher.restart());
  void currentUser(api).then(
    (info) => {
      mayCancel = can(info.roles, 'batchOperations');
      void refresher.restart();
    },
    () => undefined,
  );
  void refresher.now();

  return {
    unmount() {
      refresher.stop();
      dialog?.dismiss();
    },
    update(next: Route) {
      page = pageOf(next.query.get('page'));
      size = pageSizeOf(next.query.get('size'));
      highlighted = next.query.get('id');
      void refresher.restart();
    },
  };
}

export const batchesScreen: Screen = {
  section: 'batches',
  title: 'Batches',
  matches: (route) => route.path.length === 1 && route.path[0] === 'batches',
  mount: (container, api, route) => mountBatchesPage(container, api, route),
};
