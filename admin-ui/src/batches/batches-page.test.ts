import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Batch, Page } from '../api/client';
import { parseRoute } from '../router';
import type { MountedScreen } from '../screen';
import { fakeApi, settle } from '../test/fake-api';
import { mountBatchesPage } from './batches-page';

function batch(id: string, state: Batch['state'], overrides: Partial<Batch> = {}): Batch {
  return {
    id,
    type: 'cancel',
    total: 500,
    done: state === 'RUNNING' ? 120 : 499,
    failed: state === 'RUNNING' ? 0 : 1,
    state,
    startedBy: 'olga',
    startedAt: '2026-12-01T08:00:00Z',
    reason: 'wrong price list',
    failures: state === 'RUNNING' ? [] : [{ instanceId: 'pi-7', message: "Unknown property used in expression: ${mayLeave}" }],
    ...overrides,
  };
}

function page(items: Batch[]): Page<Batch> {
  return { items, page: 0, size: 50, total: items.length };
}

describe('batches page', () => {
  let container: HTMLElement;
  let mounted: MountedScreen | undefined;
  const rows = () => [...container.querySelectorAll<HTMLElement>('.js-batch-row')];

  beforeEach(() => {
    vi.useFakeTimers();
    container = document.createElement('div');
    document.body.append(container);
  });

  afterEach(() => {
    mounted?.unmount();
    container.remove();
    document.querySelector('#js-confirm-dialog')?.remove();
    vi.useRealTimers();
  });

  it('should list batches with progress, who started them and why, and each failure with its message', async () => {
    // given
    const api = fakeApi({
      getSystem: async () => ({ user: 'olga', roles: ['operator'] }) as never,
      getBatches: async () => page([batch('b-1', 'RUNNING'), batch('b-2', 'COMPLETED')]),
    });

    // when
    mounted = mountBatchesPage(container, api, parseRoute('#/batches?id=b-2'));
    await settle();

    // then
    expect(rows().map((row) => `${row.dataset.id}:${row.dataset.state}`)).toEqual(['b-1:RUNNING', 'b-2:COMPLETED']);
    expect(rows()[0]!.textContent).toContain('Canceling 500 items');
    expect(rows()[0]!.textContent).toContain('Reason: wrong price list');
    expect(rows()[0]!.textContent).toContain('olga');
    expect(rows()[0]!.textContent).toContain('120 of 500 done…');
    expect(rows()[1]!.classList.contains('selected')).toBe(true);
    const failures = [...container.querySelectorAll<HTMLElement>('.js-batch-failure')];
    expect(failures.map((row) => row.dataset.instanceId)).toEqual(['pi-7']);
    expect(failures[0]!.textContent).toContain('${mayLeave}');
    expect(failures[0]!.querySelector('a')!.getAttribute('href')).toBe('#/instances/pi-7');
    // only the running one can be canceled
    expect(rows()[0]!.querySelector('.js-cancel-batch')).not.toBeNull();
    expect(rows()[1]!.querySelector('.js-cancel-batch')).toBeNull();
  });

  it('should cancel a running batch after confirming, and show it canceled', async () => {
    // given
    const answers = [page([batch('b-1', 'RUNNING')]), page([batch('b-1', 'RUNNING')]), page([batch('b-1', 'CANCELED', { done: 130, failed: 0, failures: [] })])];
    const api = fakeApi({
      getSystem: async () => ({ user: 'olga', roles: ['operator'] }) as never,
      getBatches: async () => answers.shift() ?? page([batch('b-1', 'CANCELED', { done: 130, failed: 0, failures: [] })]),
      cancelBatch: async () => batch('b-1', 'CANCELED', { done: 130, failed: 0, failures: [] }),
    });
    mounted = mountBatchesPage(container, api, parseRoute('#/batches'));
    await settle();

    // when
    container.querySelector<HTMLButtonElement>('.js-cancel-batch')!.click();
    expect(document.querySelector('#js-confirm-text')!.textContent).toContain('Items not run by now never run');
    document.querySelector<HTMLButtonElement>('#js-confirm')!.click();
    await settle();

    // then
    expect(api.cancelBatch).toHaveBeenCalledWith('b-1');
    expect(rows()[0]!.dataset.state).toBe('CANCELED');
    expect(rows()[0]!.textContent).toContain('130 of 500 done (canceled)');
    expect(container.querySelector('.js-cancel-batch')).toBeNull();
  });

  it('should offer no cancel to an analyst', async () => {
    // given
    const api = fakeApi({
      getSystem: async () => ({ user: 'ann', roles: ['analyst'] }) as never,
      getBatches: async () => page([batch('b-1', 'RUNNING')]),
    });

    // when
    mounted = mountBatchesPage(container, api, parseRoute('#/batches'));
    await settle();

    // then
    expect(rows()).toHaveLength(1);
    expect(container.querySelector('.js-cancel-batch')).toBeNull();
  });
});
