import type { BatonApi, RetryBatch } from '../api/client';

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
 * Polls `GET /api/incidents/retry/{batchId}` until the batch is finished, reporting each answer
 * to `onProgress`; resolves with the finished batch. Rejects after {@link MAX_POLL_FAILURES}
 * failed polls in a row, or with an AbortError when `signal` aborts (the screen was left).
 */
export async function followBatch(
  api: Pick<BatonApi, 'getRetryBatch'>,
  batchId: string,
  onProgress: (batch: RetryBatch) => void,
  options: FollowOptions = {},
): Promise<RetryBatch> {
  const { intervalMs = POLL_INTERVAL_MS, maxFailures = MAX_POLL_FAILURES, signal } = options;
  let failures = 0;
  for (;;) {
    signal?.throwIfAborted();
    try {
      const batch = await api.getRetryBatch(batchId, signal);
      failures = 0;
      onProgress(batch);
      if (batch.finished) {
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

/** "3 of 5 done: 2 retried, 1 failed" (skipped ones counted when there are any). */
export function batchSummary(batch: RetryBatch): string {
  const skipped = batch.items.filter((item) => item.status === 'SKIPPED').length;
  const parts = [`${batch.succeeded} retried`, `${batch.failed} failed`];
  if (skipped > 0) {
    parts.push(`${skipped} skipped`);
  }
  return `${batch.done} of ${batch.total} done: ${parts.join(', ')}${batch.finished ? '' : '…'}`;
}
