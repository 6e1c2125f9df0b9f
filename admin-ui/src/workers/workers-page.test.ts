import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Topic, Worker } from '../api/client';
import { fakeApi, settle } from '../test/fake-api';
import { mountWorkersPage } from './workers-page';

function worker(workerId: string, status: Worker['status'], lastSeen: string, lockedTasks = 0): Worker {
  return { workerId, status, topics: ['shipping'], firstSeen: '2026-11-26T09:00:00Z', lastSeen, remoteAddress: '10.0.0.7', lockedTasks, fetched: 120, completed: 117, failed: 1, bpmnErrors: 0, registered: true, allowedTopics: ['shipping'] };
}

function topic(name: string, openTasks: number, workers: string[]): Topic {
  return { topic: name, openTasks, lockedTasks: 0, tasksWithoutRetries: 0, oldestUnlockedSince: '2026-11-26T11:58:00Z', oldestUnlockedAgeSeconds: 120, workers };
}

describe('workers page', () => {
  let container: HTMLElement;
  let unmount: (() => void) | undefined;

  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-26T12:00:00Z'));
    container = document.createElement('div');
    document.body.append(container);
  });

  afterEach(() => {
    unmount?.();
    container.remove();
    vi.useRealTimers();
  });

  it('should show workers with their status and last poll, and warn of a topic nobody polls', async () => {
    // given
    const api = fakeApi({
      getWorkers: async () => [worker('shipping-2', 'STALE', '2026-11-26T11:50:00Z', 2), worker('shipping-1', 'ACTIVE', '2026-11-26T11:59:48Z')],
      getTopics: async () => [topic('shipping', 3, ['shipping-1']), topic('billing', 5, [])],
    });

    // when
    unmount = mountWorkersPage(container, api);
    await settle();

    // then
    const workers = [...container.querySelectorAll<HTMLElement>('.js-worker-row')];
    expect(workers.map((row) => `${row.dataset.workerId}:${row.dataset.status}`)).toEqual(['shipping-1:ACTIVE', 'shipping-2:STALE']);
    expect(workers[0]!.textContent).toContain('12 s ago');
    expect(workers[1]!.classList.contains('row-warning')).toBe(true);
    const billing = container.querySelector<HTMLElement>('.js-topic-row[data-topic="billing"]')!;
    expect(billing.classList.contains('row-warning')).toBe(true);
    expect(billing.dataset.stuck).toBe('true');
    expect(container.querySelector<HTMLElement>('.js-topic-row[data-topic="shipping"]')!.classList.contains('row-warning')).toBe(false);
  });

  it('should show a registered worker that never polled as registered, with the topics its key allows', async () => {
    // given
    const silent: Worker = { ...worker('billing-1', 'REGISTERED', ''), topics: [], firstSeen: null, lastSeen: null, remoteAddress: null, fetched: 0, completed: 0, failed: 0, allowedTopics: ['billing'] };
    const api = fakeApi({ getWorkers: async () => [silent], getTopics: async () => [] });

    // when
    unmount = mountWorkersPage(container, api);
    await settle();

    // then
    const row = container.querySelector<HTMLElement>('.js-worker-row[data-worker-id="billing-1"]')!;
    expect(row.dataset.status).toBe('REGISTERED');
    expect(row.textContent).toContain('Registered');
    expect(row.textContent).not.toContain('Stale');
    expect(row.querySelector('.js-worker-last-poll')!.textContent).toBe('never polled');
    expect(row.querySelector('.js-worker-topics')!.textContent).toBe('may fetch billing');
    expect(row.classList.contains('row-stale')).toBe(false);
  });

  it('should list a deployed topic with the processes that use it', async () => {
    // given
    const api = fakeApi({ getWorkers: async () => [], getTopics: async () => [{ ...topic('shipping', 0, []), oldestUnlockedSince: null, oldestUnlockedAgeSeconds: null, processes: ['order-fulfillment-remote'] }] });

    // when
    unmount = mountWorkersPage(container, api);
    await settle();

    // then
    const row = container.querySelector<HTMLElement>('.js-topic-row[data-topic="shipping"]')!;
    expect(row.querySelector('.js-topic-processes')!.textContent).toBe('order-fulfillment-remote');
    expect(container.querySelector<HTMLElement>('#js-topics-empty')!.hidden).toBe(true);
  });

  it('should reload every ten seconds and stop when left', async () => {
    // given
    const api = fakeApi({ getWorkers: async () => [], getTopics: async () => [] });
    unmount = mountWorkersPage(container, api, 10_000);
    await settle();
    expect(container.querySelector<HTMLElement>('#js-empty')!.hidden).toBe(false);

    // when
    await vi.advanceTimersByTimeAsync(10_000);
    unmount();
    unmount = undefined;
    await vi.advanceTimersByTimeAsync(60_000);

    // then
    expect(api.getWorkers).toHaveBeenCalledTimes(2);
  });
});
