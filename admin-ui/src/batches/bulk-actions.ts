import type { BatchOperation, BatonApi, InstanceQuery } from '../api/client';
import { can, currentUser } from '../api/permissions';
import { confirmAction, type OpenDialog } from '../ui/confirm-dialog';
import { byId, h } from '../ui/dom';
import { plural } from '../ui/format';
import { BatchPanel, batchPanelTemplate } from './batch-panel';

/** Where a running operation's batch id survives leaving and coming back to the instance list. */
export const INSTANCE_BATCH_KEY = 'baton.instanceBatch';

export const bulkActionsTemplate = `
  <div class="toolbar" id="js-bulk" data-testid="js-bulk" hidden>
    <span class="muted" id="js-bulk-count" data-testid="js-bulk-count"></span>
    <span class="toolbar-buttons" id="js-bulk-buttons"></span>
  </div>
  ${batchPanelTemplate}
`;

interface OperationText {
  label: string;
  /** What happens to each matching instance, after "…matching this filter?". */
  effect: string;
  danger?: boolean;
}

const OPERATIONS: Record<BatchOperation, OperationText> = {
  retry: { label: 'Retry failed', effect: 'Each failed job or external task of those still running gets one more retry.' },
  suspend: { label: 'Suspend', effect: 'Those running and active stop moving on until activated; nothing else changes.' },
  activate: { label: 'Activate', effect: 'Those suspended move on again.' },
  cancel: { label: 'Cancel', effect: 'Those still running are canceled: no further step runs. Their history stays.', danger: true },
  'delete-history': { label: 'Delete history', effect: 'The history of those that have ended is deleted for good; running ones are left alone.', danger: true },
};

/**
 * "All N matching this filter": runs an operation on every instance the list's filters match, not
 * only the page, as one batch on the server, confirmed with the count first; its progress shows
 * below. Offered only to roles that may (`batchOperations`).
 */
export class BulkActions {
  private query: InstanceQuery = {};
  private total = 0;
  private allowed = false;
  private dialog: OpenDialog | undefined;
  private readonly panel: BatchPanel;

  constructor(
    private readonly root: HTMLElement,
    private readonly api: BatonApi,
    storage: Storage,
    onFinished: () => void,
  ) {
    this.panel = new BatchPanel(byId(root, 'js-batch'), api, storage, INSTANCE_BATCH_KEY, { onRunning: () => this.render(), onFinished });
    byId(root, 'js-bulk-buttons').replaceChildren(
      ...(Object.keys(OPERATIONS) as BatchOperation[]).map((operation) => {
        const button = h('button', { className: OPERATIONS[operation].danger ? 'button button-danger' : 'button', hook: `js-bulk-${operation}`, attrs: { type: 'button' } }, OPERATIONS[operation].label);
        button.addEventListener('click', () => this.confirm(operation));
        return button;
      }),
    );
    void currentUser(api).then(
      (info) => {
        this.allowed = can(info.roles, 'batchOperations');
        this.render();
      },
      () => undefined,
    );
    this.panel.resume();
  }

  /** The list's filters and how many instances they match. */
  show(query: InstanceQuery, total: number): void {
    this.query = query;
    this.total = total;
    this.render();
  }

  stop(): void {
    this.panel.stop();
    this.dialog?.dismiss();
  }

  private render(): void {
    const bar = byId(this.root, 'js-bulk');
    bar.hidden = !this.allowed || this.total === 0;
    byId(this.root, 'js-bulk-count').textContent = `All ${plural(this.total, 'instance')} matching this filter:`;
    bar.querySelectorAll('button').forEach((button) => (button.disabled = this.panel.running));
  }

  private confirm(operation: BatchOperation): void {
    if (this.total === 0 || this.panel.running) {
      return;
    }
    const { page: _page, size: _size, sort: _sort, ...filter } = this.query;
    const text = OPERATIONS[operation];
    const count = plural(this.total, 'instance');
    this.dialog = confirmAction({
      title: `${text.label}: all matching instances`,
      text: `${text.label} all ${count} matching this filter, not only this page? ${text.effect} It runs in the background as one batch.`,
      confirmLabel: `${text.label} ${count}`,
      dismissLabel: 'Keep as is',
      danger: text.danger,
      reasonLabel: operation === 'cancel' ? 'Reason (kept in each instance’s history)' : undefined,
      failure: `Could not start: ${text.label.toLowerCase()}`,
      action: async (reason) => {
        const started = await this.api.startInstanceBatch(operation, { filter }, operation === 'cancel' ? reason : undefined);
        this.panel.start(started, operation);
      },
    });
    void this.dialog.closed.then(() => (this.dialog = undefined));
  }
}
