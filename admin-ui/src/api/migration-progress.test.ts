import { describe, expect, it, vi } from 'vitest';
import { ApiClient, type FetchFn } from './client';

function answering(body: unknown): FetchFn {
  return vi.fn<FetchFn>(async () => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } }));
}

describe('migration progress', () => {
  it('should read a running migration from Baton’s batch', async () => {
    // given
    const fetchFn = answering({ id: 'b-1', type: 'migrate', total: 3, done: 1, failed: 1, state: 'RUNNING', failures: [] });
    const client = new ApiClient('', fetchFn);

    // when
    const progress = await client.getMigrationProgress('b-1');

    // then
    expect(fetchFn).toHaveBeenCalledWith('api/batches/b-1', expect.objectContaining({ method: 'GET' }));
    expect(progress).toEqual({ total: 3, done: 1, failed: 1, finished: false });
  });

  it('should count a completed or canceled batch as finished', async () => {
    for (const state of ['COMPLETED', 'CANCELED']) {
      // given
      const client = new ApiClient('', answering({ id: 'b-1', type: 'migrate', total: 3, done: 3, failed: 0, state, failures: [] }));

      // when
      const progress = await client.getMigrationProgress('b-1');

      // then
      expect(progress.finished).toBe(true);
    }
  });
});
