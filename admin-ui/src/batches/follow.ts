import type { BatonApi, Batch } from '../api/client';

export const POLL_INTERVAL_MS = 1_000;
/** Failed polls in a row before giving up; a single network hiccup must not lose a batch. */
export const MAX_POLL_FAILURES = 3;

export interface FollowOptions {
  intervalMs?: number;
  maxFailures?: number;
  signal?: AbortSignal;
  /** Told about a failed poll that will be tried again. */
  onPollFailure?(error: unknown, failuresInARow: number): void;
}

/**
 * Polls `GET /api/batches/{batchId}` until the batch is no longer running, reporting each answer
 * to `onProgress`; resolves with the finished batch. Rejects after {@link MAX_POLL_FAILURES}
 * failed polls in a row, or with an AbortError when `signal` aborts (the screen was left).
 */
export async function followBatch(
  api: Pick<BatonApi, 'getBatch'>,
  batchId: string,
  onProgress: (batch: Batch) => void,
  options: FollowOptions = {},
): Promise<Batch> {
  const { intervalMs = POLL_INTERVAL_MS, maxFailures = MAX_POLL_FAILURES, signal } = options;
  let failures = 0;
  for (;;) {
    signal?.throwIfAborted();
    try {
      const batch = await api.getBatch(batchId, signal);
      failures = 0;
      onProgress(batch);
      if (batch.state !== 'RUNNING') {
        return batch;
      }
    } catch (error) {
      signal?.throwIfAborted();
      failures++;
      if (failures >= maxFailures) {
        throw error;
      }
      options.onPollFailure?.(error, failures);
    }
    await sleep(intervalMs, signal);
  }
}

function sleep(millis: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      resolve();
    }, millis);
    function abort(): void {
      clearTimeout(timer);
      reject(signal!.reason);
    }
    signal?.addEventListener('abort', abort, { once: true });
  });
}

const RUNNING_VERB: Record<Batch['type'], string> = {
  cancel: 'Canceling',
  suspend: 'Suspending',
  activate: 'Activating',
  retry: 'Retrying',
  'delete-history': 'Deleting the history of',
  migrate: 'Migrating',
};

/** What a batch does, e.g. "Canceling 500 items". */
export function batchTitle(batch: Pick<Batch, 'type' | 'total'>): string {
  return `${RUNNING_VERB[batch.type] ?? batch.type} ${batch.total} ${batch.total === 1 ? 'item' : 'items'}`;
}

/** "3 of 5 done, 1 failed…" (the dots while it runs); "canceled" once canceled. */
export function batchSummary(batch: Batch): string {
  const failed = batch.failed > 0 ? `, ${batch.failed} failed` : '';
  const ending = batch.state === 'RUNNING' ? '…' : batch.state === 'CANCELED' ? ' (canceled)' : '';
  return `${batch.done} of ${batch.total} done${failed}${ending}`;
}
