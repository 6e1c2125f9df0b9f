import { describeError, isAbort, type BatonApi, type IncidentSummary, type RetryBatch, type RetryBatchStarted } from '../api/client';
import { byId } from '../ui/dom';
import { batchSummary, followBatch } from './batch';
import { batchResultRow } from './incident-rows';

/** Where a running batch's id survives leaving and coming back to the screen. */
export const BATCH_KEY = 'baton.retryBatch';

export const batchPanelTemplate = `
  <section class="panel batch" id="js-batch" data-testid="js-batch" hidden>
      <div class="panel-header">
        <h2>Retrying</h2>
        <span id="js-batch-summary" data-testid="js-batch-summary" role="status"></span>
        <button type="button" class="button button-small" id="js-batch-close" data-testid="js-batch-close" hidden>Close</button>
      </div>
      <progress class="progress" id="js-progress" data-testid="js-progress" max="1" value="0"></progress>
      <p class="field-error" id="js-batch-error" data-testid="js-batch-error" role="alert" hidden></p>
      <div class="table-scroll">
      <table class="table table-wrap">
        <colgroup><col class="col-text" /><col class="col-text" /><col class="col-state" /><col /></colgroup>
        <thead><tr><th scope="col">Instance</th><th scope="col">Activity</th><th scope="col">Result</th><th scope="col">Message</th></tr></thead>
        <tbody id="js-batch-results" data-testid="js-batch-results"></tbody>
      </table>
      </div>
    </section>
`;

export interface BatchPanelEvents {
  /** The batch started or ended: the retry button follows {@link BatchPanel.running}. */
  onRunning(): void;
  /** The batch finished: the list is worth reloading. */
  onFinished(): void;
}

/**
 * A retry batch in progress (`js-batch`): a `<progress>` (`js-progress`), a summary, and a row
 * per incident with its result. The batch id is kept in `storage` until the batch is finished,
 * so leaving the screen and coming back picks it up again instead of allowing a second retry.
 */
export class BatchPanel {
  running = false;
  /** What the result rows show about each incident, kept from when it was selected. */
  private readonly known = new Map<string, IncidentSummary>();
  private readonly following = new AbortController();

  constructor(
    private readonly root: HTMLElement,
    private readonly api: BatonApi,
    private readonly storage: Storage,
    private readonly events: BatchPanelEvents,
  ) {
    this.find('js-batch-close').addEventListener('click', () => {
      this.root.hidden = true;
    });
  }

  /** Shows a batch just started for `incidents`, all pending, and follows it. */
  start(started: RetryBatchStarted, incidents: readonly IncidentSummary[]): void {
    incidents.forEach((incident) => this.known.set(incident.id, incident));
    const items = incidents.map((incident) => ({ incidentId: incident.id, status: 'PENDING' as const, message: null }));
    this.show({ id: started.id, total: started.total, done: 0, succeeded: 0, failed: 0, finished: false, items });
    void this.follow(started.id);
  }

  /** Follows a batch that was running when the screen was left, if any. */
  resume(): void {
    const batchId = this.storage.getItem(BATCH_KEY);
    if (batchId) {
      void this.follow(batchId);
    }
  }

  stop(): void {
    this.following.abort();
  }

  private show(batch: RetryBatch): void {
    this.root.hidden = false;
    const progress = this.find<HTMLProgressElement>('js-progress');
    progress.max = Math.max(1, batch.total);
    progress.value = batch.done;
    progress.textContent = `${batch.done} of ${batch.total}`;
    this.find('js-batch-summary').textContent = batchSummary(batch);
    this.find('js-batch-results').replaceChildren(...batch.items.map((item) => batchResultRow(item, this.known.get(item.incidentId))));
  }

  private async follow(batchId: string): Promise<void> {
    this.running = true;
    this.storage.setItem(BATCH_KEY, batchId);
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
      this.storage.removeItem(BATCH_KEY);
      this.events.onFinished();
    } catch (failure) {
      if (isAbort(failure)) {
        return;
      }
      this.storage.removeItem(BATCH_KEY);
      error.textContent = `${describeError('Lost track of the retry', failure)}. Reload the list to see which incidents are still open.`;
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
