import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SystemInfo, Worker } from '../api/client';
import { fakeApi, settle } from '../test/fake-api';
import { mountWorkersPage } from './workers-page';

function worker(workerId: string, status: Worker['status'], registered: boolean): Worker {
  return { workerId, status, topics: ['shipping'], firstSeen: '2026-11-26T09:00:00Z', lastSeen: '2026-11-26T11:00:00Z', remoteAddress: null, lockedTasks: 0, fetched: 1, completed: 1, failed: 0, bpmnErrors: 0, registered, allowedTopics: registered ? ['shipping'] : null } as Worker;
}

function as(...roles: string[]): () => Promise<SystemInfo> {
  return async () => ({ name: 'Baton', version: '1', engineVersion: '7.24.0', database: 'h2', user: 'someone', roles });
}

describe('workers page for administrators', () => {
  let container: HTMLElement;
  let unmount: (() => void) | undefined;

  beforeEach(() => {
    vi.useFakeTimers();
    container = document.createElement('div');
    document.body.append(container);
  });

  afterEach(() => {
    unmount?.();
    container.remove();
    document.querySelectorAll('dialog').forEach((d) => d.remove());
    vi.useRealTimers();
  });

  it('should offer register, rotate, revoke and forget to an admin only', async () => {
    // given
    const workers = async () => [worker('keyed', 'ACTIVE', true), worker('gone', 'STALE', false)];

    // when an operator and then an admin open the page
    unmount = mountWorkersPage(container, fakeApi({ getSystem: as('operator'), getWorkers: workers, getTopics: async () => [] }));
    await settle();
    const operatorButtons = container.querySelectorAll('.js-worker-row button').length;
    const operatorRegister = container.querySelector<HTMLElement>('#js-register-worker')!.hidden;
    unmount();
    unmount = mountWorkersPage(container, fakeApi({ getSystem: as('admin'), getWorkers: workers, getTopics: async () => [] }));
    await settle();

    // then
    expect(operatorButtons).toBe(0);
    expect(operatorRegister).toBe(true);
    expect(container.querySelector<HTMLElement>('#js-register-worker')!.hidden).toBe(false);
    const keyed = container.querySelector('.js-worker-row[data-worker-id="keyed"]')!;
    expect([...keyed.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Rotate key', 'Revoke key']);
    const gone = container.querySelector('.js-worker-row[data-worker-id="gone"]')!;
    expect([...gone.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Forget']);
  });

  it('should rotate after confirmation and show the new key once', async () => {
    // given
    const rotateWorkerKey = vi.fn(async () => ({ workerId: 'keyed', topics: ['shipping'], key: 'k'.repeat(43), createdAt: '2026-11-26T12:00:00Z' }));
    const api = fakeApi({ getSystem: as('admin'), getWorkers: async () => [worker('keyed', 'ACTIVE', true)], getTopics: async () => [], rotateWorkerKey });
    unmount = mountWorkersPage(container, api);
    await settle();

    // when
    container.querySelector<HTMLButtonElement>('.js-worker-rotate')!.click();
    expect(document.querySelector('#js-confirm-text')!.textContent).toContain('stops working at once');
    document.querySelector<HTMLButtonElement>('#js-confirm')!.click();
    await settle();

    // then
    expect(rotateWorkerKey).toHaveBeenCalledWith('keyed');
    expect(document.querySelector<HTMLInputElement>('#js-secret')!.value).toBe('k'.repeat(43));
    expect(document.querySelector('#js-secret-dialog')!.textContent).toContain('shown only now');
    document.querySelector<HTMLButtonElement>('#js-secret-done')!.click();
    expect(document.querySelector('#js-secret-dialog')).toBeNull();
  });
});
