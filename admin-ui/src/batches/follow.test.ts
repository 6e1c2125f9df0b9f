import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, type Batch } from '../api/client';
import { batchSummary, batchTitle, followBatch } from './follow';

function batch(done: number, finished = false, failed = 0): Batch {
  return {
    id: 'batch-1',
    type: 'retry',
    total: 3,
    done: done - failed,
    failed,
    state: finished ? 'COMPLETED' : 'RUNNING',
    startedBy: 'demo',
    startedAt: '2026-12-01T08:00:00Z',
    reason: null,
    failures: failed > 0 ? [{ instanceId: 'i-2', message: 'Job no longer exists' }] : [],
  };
}

describe('followBatch', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('should poll once a second until the batch is finished', async () => {
    // given
    const answers = [batch(0), batch(1), batch(3, true, 1)];
    const getBatch = vi.fn(async () => answers.shift()!);
    const progress: number[] = [];

    // when
    const result = followBatch({ getBatch }, 'batch-1', (b) => progress.push(b.done), { intervalMs: 1000 });
    await vi.advanceTimersByTimeAsync(0);

    // then
    expect(progress).toEqual([0]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(progress).toEqual([0, 1]);
    await vi.advanceTimersByTimeAsync(1000);
    await expect(result).resolves.toMatchObject({ state: 'COMPLETED', failed: 1 });
    expect(progress).toEqual([0, 1, 2]);
    await vi.advanceTimersByTimeAsync(5000);
    expect(getBatch).toHaveBeenCalledTimes(3);
    expect(getBatch).toHaveBeenCalledWith('batch-1', undefined);
  });

  it('should keep polling through a failed poll and say so', async () => {
    // given
    const getBatch = vi
      .fn<() => Promise<Batch>>()
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockResolvedValueOnce(batch(3, true));
    const failures: number[] = [];

    // when
    const result = followBatch({ getBatch }, 'batch-1', () => {}, { intervalMs: 1000, onPollFailure: (_, inARow) => failures.push(inARow) });
    await vi.advanceTimersByTimeAsync(1000);

    // then
    await expect(result).resolves.toMatchObject({ done: 3, state: 'COMPLETED' });
    expect(failures).toEqual([1]);
  });

  it('should give up after three failed polls in a row', async () => {
    // given
    const getBatch = vi.fn(async (): Promise<Batch> => {
      throw new ApiError(404, 'Not Found', { detail: 'No retry batch batch-1' });
    });

    // when
    const result = followBatch({ getBatch }, 'batch-1', () => {}, { intervalMs: 1000 });
    const settled = result.catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(3000);

    // then
    expect(await settled).toBeInstanceOf(ApiError);
    expect(getBatch).toHaveBeenCalledTimes(3);
  });

  it('should stop when aborted, without another poll', async () => {
    // given
    const getBatch = vi.fn(async () => batch(1));
    const controller = new AbortController();
    const result = followBatch({ getBatch }, 'batch-1', () => {}, { intervalMs: 1000, signal: controller.signal });
    const settled = result.catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(0);

    // when
    controller.abort();
    await vi.advanceTimersByTimeAsync(5000);

    // then
    expect((await settled as DOMException).name).toBe('AbortError');
    expect(getBatch).toHaveBeenCalledTimes(1);
  });
});

describe('batchSummary', () => {
  it('should count what is done and failed, with dots while it runs', () => {
    expect(batchSummary(batch(1))).toBe('1 of 3 done…');
    expect(batchSummary(batch(3, true, 1))).toBe('2 of 3 done, 1 failed');
  });

  it('should say when it was canceled', () => {
    expect(batchSummary({ ...batch(1), state: 'CANCELED' })).toBe('1 of 3 done (canceled)');
  });
});

describe('batchTitle', () => {
  it('should say what the batch does to how many items', () => {
    expect(batchTitle({ type: 'cancel', total: 500 })).toBe('Canceling 500 items');
    expect(batchTitle({ type: 'delete-history', total: 1 })).toBe('Deleting the history of 1 item');
  });
});
