import type { BatchOperation, BatonApi, InstanceQuery, InstanceSelection, InstanceSummary } from '../api/client';
import { can, currentUser } from '../api/permissions';
import { describeError } from '../api/client';
import { href } from '../router';
import { confirmAction, type OpenDialog } from '../ui/confirm-dialog';
import { byId, h, showMessages } from '../ui/dom';
import { plural } from '../ui/format';
import { BatchPanel, batchPanelTemplate } from './batch-panel';

/** Where a running operation's batch id survives leaving and coming back to the instance list. */
export const INSTANCE_BATCH_KEY = 'baton.instanceBatch';

export const bulkActionsTemplate = `
  <div class="toolbar" id="js-bulk" data-testid="js-bulk" hidden>
    <span class="muted" id="js-bulk-count" data-testid="js-bulk-count"></span>
    <span class="toolbar-buttons" id="js-bulk-buttons"></span>
    <button type="button" class="button" id="js-bulk-migrate" data-testid="js-bulk-migrate" hidden title="Move these instances to another version of their process">Migrate…</button>
  </div>
  <div class="alert alert-error" id="js-bulk-error" data-testid="js-bulk-error" role="alert" hidden></div>
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
  /** Rows the person picked; while there are any, operations take exactly those. */
  private selected: InstanceSummary[] = [];
  private allowed = false;
  private mayMigrate = false;
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
        this.mayMigrate = can(info.roles, 'migrateInstances');
        this.render();
      },
      () => undefined,
    );
    byId(root, 'js-bulk-migrate').addEventListener('click', () => void this.migrate());
    this.panel.resume();
  }

  /** The list's filters and how many instances they match. */
  show(query: InstanceQuery, total: number): void {
    this.query = query;
    this.total = total;
    this.render();
  }

  /** The rows picked on the list (none: operations take all matching instances). */
  select(instances: readonly InstanceSummary[]): void {
    this.selected = [...instances];
    this.render();
  }

  stop(): void {
    this.panel.stop();
    this.dialog?.dismiss();
  }

  private render(): void {
    const bar = byId(this.root, 'js-bulk');
    const picked = this.selected.length;
    bar.hidden = !this.allowed || (this.total === 0 && picked === 0);
    byId(this.root, 'js-bulk-count').textContent = picked > 0 ? `${plural(picked, 'selected instance')}:` : `All ${plural(this.total, 'instance')} matching this filter:`;
    bar.querySelectorAll('button').forEach((button) => (button.disabled = this.panel.running));
    // migration moves instances of one version: the selection, or else the filter, must be of one
    const migrate = byId<HTMLButtonElement>(this.root, 'js-bulk-migrate');
    const versions = new Set(this.selected.map((instance) => instance.definitionId));
    migrate.hidden = !this.mayMigrate || (picked > 0 ? false : !this.query.definitionKey || this.query.definitionVersion === undefined);
    migrate.disabled = this.panel.running || versions.size > 1;
    migrate.title = versions.size > 1 ? 'The selected instances are of several versions; select instances of one version' : 'Move these instances to another version of their process';
  }

  /** What an operation takes: the picked rows, or else everything the filters match. */
  private selection(): { selection: InstanceSelection; count: string; scope: string } {
    if (this.selected.length > 0) {
      const count = plural(this.selected.length, 'selected instance');
      return { selection: { instanceIds: this.selected.map((instance) => instance.id) }, count, scope: `the ${count}` };
    }
    const { page: _page, size: _size, sort: _sort, ...filter } = this.query;
    const count = plural(this.total, 'instance');
    return { selection: { filter }, count, scope: `all ${count} matching this filter, not only this page` };
  }

  /** Opens the migration screen for this version, carrying the list's other filters. */
  private async migrate(): Promise<void> {
    if (this.selected.length > 0) {
      const versions = new Set(this.selected.map((instance) => instance.definitionId));
      if (versions.size === 1) {
        location.hash = href(['migrations'], { source: [...versions][0]!, ids: this.selected.map((instance) => instance.id).join(',') });
      }
      return;
    }
    const { definitionKey, definitionVersion, page: _page, size: _size, sort: _sort, ...filter } = this.query;
    if (!definitionKey || definitionVersion === undefined) {
      return;
    }
    try {
      const source = (await this.api.getDefinitionVersions(definitionKey)).find((version) => version.version === definitionVersion);
      if (!source) {
        showMessages(byId(this.root, 'js-bulk-error'), [`${definitionKey} has no version ${definitionVersion}`]);
        return;
      }
      location.hash = href(['migrations'], { source: source.id, ...filter, rootOnly: filter.rootOnly ? 'true' : undefined });
    } catch (failure) {
      showMessages(byId(this.root, 'js-bulk-error'), [describeError('Could not open the migration', failure)]);
    }
  }

  private confirm(operation: BatchOperation): void {
    if ((this.total === 0 && this.selected.length === 0) || this.panel.running) {
      return;
    }
    const { selection, count, scope } = this.selection();
    const text = OPERATIONS[operation];
    this.dialog = confirmAction({
      title: this.selected.length > 0 ? `${text.label}: selected instances` : `${text.label}: all matching instances`,
      text: `${text.label} ${scope}? ${text.effect} It runs in the background as one batch.`,
      confirmLabel: `${text.label} ${count}`,
      dismissLabel: 'Keep as is',
      danger: text.danger,
      reasonLabel: operation === 'cancel' ? 'Reason (kept in each instance’s history)' : undefined,
      failure: `Could not start: ${text.label.toLowerCase()}`,
      action: async (reason) => {
        const started = await this.api.startInstanceBatch(operation, selection, operation === 'cancel' ? reason : undefined);
        this.panel.start(started, operation);
      },
    });
    void this.dialog.closed.then(() => (this.dialog = undefined));
  }
}
