import { describeError, isAbort, type BatchStarted, type BatonApi, type Batch } from '../api/client';
import { href } from '../router';
import { byId, cell, h } from '../ui/dom';
import { batchSummary, batchTitle, followBatch } from './follow';

export const batchPanelTemplate = `
  <section class="panel batch" id="js-batch" data-testid="js-batch" hidden>
      <div class="panel-header">
        <h2 id="js-batch-title" data-testid="js-batch-title">Batch</h2>
        <span id="js-batch-summary" data-testid="js-batch-summary" role="status"></span>
        <a class="button button-small" id="js-batch-link" data-testid="js-batch-link" href="#/batches">All batches</a>
        <button type="button" class="button button-small" id="js-batch-close" data-testid="js-batch-close" hidden>Close</button>
      </div>
      <progress class="progress" id="js-progress" data-testid="js-progress" max="1" value="0"></progress>
      <p class="field-error" id="js-batch-error" data-testid="js-batch-error" role="alert" hidden></p>
      <div class="table-scroll" id="js-batch-failures-wrap" hidden>
      <table class="table table-wrap">
        <colgroup><col class="col-text" /><col /></colgroup>
        <thead><tr><th scope="col">Failed instance</th><th scope="col">Message</th></tr></thead>
        <tbody id="js-batch-failures" data-testid="js-batch-failures"></tbody>
      </table>
      </div>
    </section>
`;

export interface BatchPanelEvents {
  /** The batch started or ended: buttons that start another follow {@link BatchPanel.running}. */
  onRunning(): void;
  /** The batch ended: the list is worth reloading. */
  onFinished(): void;
}

/** A `js-batch-failure` row (data-instance-id): the instance, linked, and why it failed. */
export function failureRow(failure: Batch['failures'][number]): HTMLTableRowElement {
  return h(
    'tr',
    { hook: 'js-batch-failure', dataset: { instanceId: failure.instanceId } },
    h('td', null, h('a', { href: href(['instances', failure.instanceId]), className: 'mono' }, failure.instanceId)),
    cell(failure.message ?? 'No message', 'message'),
  );
}

/**
 * A batch in progress (`js-batch`): a `<progress>` (`js-progress`), a summary, and the items that
 * failed with their messages. The batch id is kept in `storage` under `key` until it ends, so
 * leaving the screen and coming back picks it up again instead of allowing a second one.
 */
export class BatchPanel {
  running = false;
  private readonly following = new AbortController();

  constructor(
    private readonly root: HTMLElement,
    private readonly api: BatonApi,
    private readonly storage: Storage,
    private readonly key: string,
    private readonly events: BatchPanelEvents,
  ) {
    this.find('js-batch-close').addEventListener('click', () => {
      this.root.hidden = true;
    });
  }

  /** Shows a batch just started, nothing done yet, and follows it. */
  start(started: BatchStarted, type: Batch['type']): void {
    this.show({ id: started.batchId, type, total: started.total, done: 0, failed: 0, state: 'RUNNING', startedBy: null, startedAt: new Date().toISOString(), reason: null, failures: [] });
    void this.follow(started.batchId);
  }

  /** Follows a batch that was running when the screen was left, if any. */
  resume(): void {
    const batchId = this.storage.getItem(this.key);
    if (batchId) {
      void this.follow(batchId);
    }
  }

  stop(): void {
    this.following.abort();
  }

  private show(batch: Batch): void {
    this.root.hidden = false;
    const progress = this.find<HTMLProgressElement>('js-progress');
    progress.max = Math.max(1, batch.total);
    progress.value = batch.done + batch.failed;
    progress.textContent = `${batch.done} of ${batch.total}`;
    this.find('js-batch-title').textContent = batchTitle(batch);
    this.find('js-batch-summary').textContent = batchSummary(batch);
    this.find<HTMLAnchorElement>('js-batch-link').href = href(['batches'], { id: batch.id });
    this.find('js-batch-failures').replaceChildren(...batch.failures.map(failureRow));
    this.find('js-batch-failures-wrap').hidden = batch.failures.length === 0;
  }

  private async follow(batchId: string): Promise<void> {
    this.running = true;
    this.storage.setItem(this.key, batchId);
    this.root.hidden = false;
    this.find('js-batch-close').hidden = true;
    const error = this.find('js-batch-error');
    error.hidden = true;
    this.events.onRunning();
    try {
      await followBatch(this.api, batchId, (batch) => this.show(batch), {
        signal: this.following.signal,
        onPollFailure: (failure, inARow) => {
          error.textContent = `${describeError('Could not read the progress', failure)} (attempt ${inARow}; trying again)`;
          error.hidden = false;
        },
      });
      error.hidden = true;
      this.storage.removeItem(this.key);
      this.events.onFinished();
    } catch (failure) {
      if (isAbort(failure)) {
        return;
      }
      this.storage.removeItem(this.key);
      error.textContent = `${describeError('Lost track of the batch', failure)}. The batches page shows how far it came.`;
      error.hidden = false;
    }
    this.running = false;
    this.find('js-batch-close').hidden = false;
    this.events.onRunning();
  }

  private find<T extends HTMLElement = HTMLElement>(id: string): T {
    return id === this.root.id ? (this.root as T) : byId<T>(this.root, id);
  }
}
