import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, type RetryBatch } from '../api/client';
import { batchSummary, followBatch } from './batch';

function batch(done: number, finished = false, failed = 0): RetryBatch {
  const statuses = ['RETRIED', 'FAILED', 'PENDING'] as const;
  return {
    id: 'batch-1',
    total: 3,
    done,
    succeeded: done - failed,
    failed,
    finished,
    items: [0, 1, 2].map((index) => ({
      incidentId: `inc-${index}`,
      status: index < done ? (index < done - failed ? statuses[0] : statuses[1]) : statuses[2],
      message: index < done && index >= done - failed ? 'Job no longer exists' : null,
    })),
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
    const getRetryBatch = vi.fn(async () => answers.shift()!);
    const progress: number[] = [];

    // when
    const result = followBatch({ getRetryBatch }, 'batch-1', (b) => progress.push(b.done), { intervalMs: 1000 });
    await vi.advanceTimersByTimeAsync(0);

    // then
    expect(progress).toEqual([0]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(progress).toEqual([0, 1]);
    await vi.advanceTimersByTimeAsync(1000);
    await expect(result).resolves.toMatchObject({ finished: true, failed: 1 });
    expect(progress).toEqual([0, 1, 3]);
    await vi.advanceTimersByTimeAsync(5000);
    expect(getRetryBatch).toHaveBeenCalledTimes(3);
    expect(getRetryBatch).toHaveBeenCalledWith('batch-1', undefined);
  });

  it('should keep polling through a failed poll and say so', async () => {
    // given
    const getRetryBatch = vi
      .fn<() => Promise<RetryBatch>>()
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockResolvedValueOnce(batch(3, true));
    const failures: number[] = [];

    // when
    const result = followBatch({ getRetryBatch }, 'batch-1', () => {}, { intervalMs: 1000, onPollFailure: (_, inARow) => failures.push(inARow) });
    await vi.advanceTimersByTimeAsync(1000);

    // then
    await expect(result).resolves.toMatchObject({ done: 3 });
    expect(failures).toEqual([1]);
  });

  it('should give up after three failed polls in a row', async () => {
    // given
    const getRetryBatch = vi.fn(async (): Promise<RetryBatch> => {
      throw new ApiError(404, 'Not Found', { detail: 'No retry batch batch-1' });
    });

    // when
    const result = followBatch({ getRetryBatch }, 'batch-1', () => {}, { intervalMs: 1000 });
    const settled = result.catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(3000);

    // then
    expect(await settled).toBeInstanceOf(ApiError);
    expect(getRetryBatch).toHaveBeenCalledTimes(3);
  });

  it('should stop when aborted, without another poll', async () => {
    // given
    const getRetryBatch = vi.fn(async () => batch(1));
    const controller = new AbortController();
    const result = followBatch({ getRetryBatch }, 'batch-1', () => {}, { intervalMs: 1000, signal: controller.signal });
    const settled = result.catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(0);

    // when
    controller.abort();
    await vi.advanceTimersByTimeAsync(5000);

    // then
    expect((await settled as DOMException).name).toBe('AbortError');
    expect(getRetryBatch).toHaveBeenCalledTimes(1);
  });
});

describe('batchSummary', () => {
  it('should count what is done', () => {
    expect(batchSummary(batch(1))).toBe('1 of 3 done: 1 retried, 0 failed…');
    expect(batchSummary(batch(3, true, 1))).toBe('3 of 3 done: 2 retried, 1 failed');
  });

  it('should mention skipped incidents', () => {
    // given
    const finished = { ...batch(3, true), succeeded: 2, items: [...batch(3, true).items.slice(0, 2), { incidentId: 'inc-2', status: 'SKIPPED' as const, message: null }] };

    // then
    expect(batchSummary(finished)).toBe('3 of 3 done: 2 retried, 0 failed, 1 skipped');
  });
});
