import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HistoryCleanup, SystemInfo } from '../api/client';
import { fakeApi } from '../test/fake-api';
import { showHistoryCleanup } from './history-cleanup';

const cleanup: HistoryCleanup = {
  enabled: true,
  strategy: 'removalTimeBased',
  defaultTimeToLive: null,
  batchOperationTimeToLive: null,
  jobLogTimeToLive: null,
  window: { start: '22:00', end: '06:00' },
  weekdayWindows: {},
  definitions: [{ type: 'process', key: 'order-fulfillment', version: 3, days: 30 }],
  lastRun: { at: '2026-11-26T22:00:05Z', succeeded: true, message: null },
  nextRun: '2026-11-27T22:00:00Z',
};

function as(...roles: string[]): () => Promise<SystemInfo> {
  return async () => ({ name: 'Baton', version: '1', engineVersion: '7.24.0', database: 'h2', user: 'someone', roles });
}

describe('history cleanup on the System page', () => {
  afterEach(() => vi.restoreAllMocks());

  it('should show window, last and next run and each time to live to an admin', async () => {
    // given
    const slot = document.createElement('div');

    // when
    await showHistoryCleanup(slot, fakeApi({ getSystem: as('admin'), getHistoryCleanup: async () => cleanup }));

    // then
    expect(slot.querySelector('#js-cleanup-window')!.textContent).toBe('22:00–06:00 daily');
    expect(slot.querySelector('#js-cleanup-last-run')!.textContent).toContain('succeeded');
    expect(slot.querySelector('#js-cleanup-next-run')!.textContent).not.toBe('not scheduled');
    expect(slot.querySelector('.js-cleanup-definition[data-key="order-fulfillment"]')!.textContent).toContain('30 days');
  });

  it('should not ask for it or show it to an operator', async () => {
    // given
    const slot = document.createElement('div');
    const api = fakeApi({ getSystem: as('operator') });

    // when
    await showHistoryCleanup(slot, api);

    // then
    expect(slot.childElementCount).toBe(0);
    expect(api.getHistoryCleanup).not.toHaveBeenCalled();
  });
});
