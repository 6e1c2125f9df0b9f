import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Batch, IncidentSummary, Page } from '../api/client';
import { parseRoute } from '../router';
import type { MountedScreen } from '../screen';
import { fakeApi, settle } from '../test/fake-api';
import { mountIncidentsPage } from './incidents-page';

function incident(id: string, activityId = 'shipOrder'): IncidentSummary {
  return {
    id,
    type: 'failedJob',
    processInstanceId: `pi-${id}`,
    businessKey: `order-${id}`,
    definitionId: 'order:3:abc',
    definitionKey: 'order',
    definitionVersion: 3,
    activityId,
    message: 'HTTP 503 from shipping',
    time: '2026-11-26T10:00:00Z',
  };
}

function page(items: IncidentSummary[]): Page<IncidentSummary> {
  return { items, page: 0, size: 50, total: items.length };
}

function progress(done: number, finished: boolean): Batch {
  return {
    id: 'batch-1',
    type: 'retry',
    total: 3,
    done: Math.min(done, 2),
    failed: done >= 3 ? 1 : 0,
    state: finished ? 'COMPLETED' : 'RUNNING',
    startedBy: 'demo',
    startedAt: '2026-12-01T08:00:00Z',
    reason: null,
    failures: done >= 3 ? [{ instanceId: 'pi-b', message: 'Job no longer exists' }] : [],
  };
}

/** A Storage in memory, so tests do not share sessionStorage. */
function memoryStorage(): Storage {
  const values = new Map<string, string>();
  return {
    get length() {
      return values.size;
    },
    clear: () => values.clear(),
    getItem: (key) => values.get(key) ?? null,
    key: (index) => [...values.keys()][index] ?? null,
    removeItem: (key) => void values.delete(key),
    setItem: (key, value) => void values.set(key, value),
  };
}

describe('incidents page', () => {
  let container: HTMLElement;
  let mounted: MountedScreen | undefined;
  const byId = <T extends HTMLElement = HTMLElement>(id: string) => container.querySelector<T>(`#${id}`)!;

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

  it('should search with the filters of the address', async () => {
    // given
    const api = fakeApi({ searchIncidents: async () => page([incident('a')]), getDefinitions: async () => [] });

    // when
    mounted = mountIncidentsPage(container, api, parseRoute('#/incidents?definitionKey=order&message=503&size=25'), memoryStorage());
    await settle();

    // then
    expect(api.searchIncidents).toHaveBeenCalledWith({ definitionKey: 'order', activityId: undefined, message: '503', page: 0, size: 25 }, expect.any(AbortSignal));
    expect(byId<HTMLInputElement>('js-filter-message').value).toBe('503');
    const row = container.querySelector<HTMLElement>('.js-incident-row')!;
    expect(row.dataset.incidentId).toBe('a');
    expect(row.querySelector('a')!.getAttribute('href')).toBe('#/instances/pi-a');
  });

  it('should list a failed batch job, which has no instance, linking the batches page', async () => {
    // given
    const batchJob: IncidentSummary = { ...incident('job'), processInstanceId: null, businessKey: null, definitionId: null, definitionKey: null, definitionVersion: null, activityId: null };
    const api = fakeApi({ searchIncidents: async () => page([batchJob, incident('a')]), getDefinitions: async () => [] });

    // when
    mounted = mountIncidentsPage(container, api, parseRoute('#/incidents'), memoryStorage());
    await settle();

    // then
    const rows = [...container.querySelectorAll<HTMLElement>('.js-incident-row')];
    expect(rows.map((row) => row.dataset.incidentId)).toEqual(['job', 'a']);
    expect(rows[0]!.querySelector('a')!.getAttribute('href')).toBe('#/batches');
    expect(rows[0]!.textContent).toContain('No process');
    expect(byId('js-error').hidden).toBe(true);
  });

  it('should reload every ten seconds, keeping the selection of incidents still open', async () => {
    // given
    const answers = [page([incident('a'), incident('b')]), page([incident('b'), incident('d')])];
    const api = fakeApi({ searchIncidents: async () => answers.shift()!, getDefinitions: async () => [] });
    mounted = mountIncidentsPage(container, api, parseRoute('#/incidents'), memoryStorage(), 10_000);
    await settle();
    byId<HTMLInputElement>('js-select-page').click();

    // when
    await vi.advanceTimersByTimeAsync(10_000);

    // then: a is resolved and gone, b stays selected, d is new and not selected
    expect(api.searchIncidents).toHaveBeenCalledTimes(2);
    const rows = [...container.querySelectorAll<HTMLElement>('.js-incident-row')];
    expect(rows.map((row) => `${row.dataset.incidentId}:${row.querySelector<HTMLInputElement>('.js-select-incident')!.checked}`)).toEqual(['b:true', 'd:false']);
    expect(byId('js-retry-selected').textContent).toBe('Retry 1 incident');
    expect(byId('js-loading').hidden).toBe(true);
  });

  it('should not reload while the page is hidden', async () => {
    // given
    const api = fakeApi({ searchIncidents: async () => page([incident('a')]), getDefinitions: async () => [] });
    mounted = mountIncidentsPage(container, api, parseRoute('#/incidents'), memoryStorage(), 10_000);
    await settle();
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });

    try {
      // when
      await vi.advanceTimersByTimeAsync(30_000);

      // then
      expect(api.searchIncidents).toHaveBeenCalledTimes(1);
    } finally {
      delete (document as { hidden?: boolean }).hidden;
    }
    // and once it shows again, at once
    document.dispatchEvent(new Event('visibilitychange'));
    await settle();
    expect(api.searchIncidents).toHaveBeenCalledTimes(2);
  });

  it('should retry the selected incidents once, following the batch to the end', async () => {
    // given
    const answers = [progress(1, false), progress(3, true)];
    const api = fakeApi({
      searchIncidents: async () => page([incident('a'), incident('b'), incident('c', 'chargePayment')]),
      getDefinitions: async () => [],
      startRetryBatch: async () => ({ batchId: 'batch-1', total: 3 }),
      getBatch: async () => answers.shift()!,
    });
    const storage = memoryStorage();
    mounted = mountIncidentsPage(container, api, parseRoute('#/incidents'), storage);
    await settle();
    expect(byId<HTMLButtonElement>('js-retry-selected').disabled).toBe(true);

    // when all on the page are selected and the retry confirmed
    byId<HTMLInputElement>('js-select-page').click();
    expect(byId('js-retry-selected').textContent).toBe('Retry 3 incidents');
    byId('js-retry-selected').click();
    expect(document.querySelector('#js-confirm-text')!.textContent).toContain('Retry 3 incidents? The failed job or external task of each gets one more retry and runs again now (at shipOrder ×2, chargePayment).');
    document.querySelector<HTMLButtonElement>('#js-confirm')!.click();
    await settle();

    // then the batch runs with the button disabled
    expect(api.startRetryBatch).toHaveBeenCalledWith({ incidentIds: ['a', 'b', 'c'] });
    expect(byId<HTMLButtonElement>('js-retry-selected').disabled).toBe(true);
    expect(storage.getItem('baton.retryBatch')).toBe('batch-1');
    expect(byId<HTMLProgressElement>('js-progress').value).toBe(1);
    expect(byId<HTMLProgressElement>('js-progress').max).toBe(3);
    byId('js-retry-selected').click();
    expect(document.querySelector('#js-confirm-dialog')).toBeNull();

    // and when it finishes, the failed item says why and the list reloads
    await vi.advanceTimersByTimeAsync(1000);
    const failures = [...container.querySelectorAll<HTMLElement>('.js-batch-failure')];
    expect(failures.map((row) => row.dataset.instanceId)).toEqual(['pi-b']);
    expect(failures[0]!.textContent).toContain('Job no longer exists');
    expect(byId('js-batch-summary').textContent).toBe('2 of 3 done, 1 failed');
    expect(byId('js-batch-title').textContent).toBe('Retrying 3 items');
    expect(api.startRetryBatch).toHaveBeenCalledTimes(1);
    expect(api.searchIncidents).toHaveBeenCalledTimes(2);
    expect(storage.getItem('baton.retryBatch')).toBeNull();
  });

  it('should go on following a batch after coming back to the screen', async () => {
    // given
    const storage = memoryStorage();
    storage.setItem('baton.retryBatch', 'batch-1');
    const api = fakeApi({ searchIncidents: async () => page([incident('a')]), getDefinitions: async () => [], getBatch: async () => progress(1, false) });

    // when
    mounted = mountIncidentsPage(container, api, parseRoute('#/incidents'), storage);
    await settle();

    // then
    expect(api.getBatch).toHaveBeenCalledWith('batch-1', expect.any(AbortSignal));
    expect(byId('js-batch').hidden).toBe(false);
    expect(byId<HTMLButtonElement>('js-retry-selected').disabled).toBe(true);
    mounted.unmount();
    mounted = undefined;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(api.getBatch).toHaveBeenCalledTimes(1);
  });

  it('should keep a failed start in the dialog', async () => {
    // given
    const api = fakeApi({
      searchIncidents: async () => page([incident('a')]),
      getDefinitions: async () => [],
      startRetryBatch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    mounted = mountIncidentsPage(container, api, parseRoute('#/incidents'), memoryStorage());
    await settle();
    container.querySelector<HTMLInputElement>('.js-select-incident')!.click();

    // when
    byId('js-retry-selected').click();
    document.querySelector<HTMLButtonElement>('#js-confirm')!.click();
    await settle();

    // then
    expect(document.querySelector('#js-confirm-error')!.textContent).toBe('Could not start the retry: the server is not reachable (Failed to fetch)');
    expect(byId('js-batch').hidden).toBe(true);
  });

  it('should retry all incidents matching the filter, not only the page, for an operator', async () => {
    // given 120 open incidents at chargePayment, 50 on the page
    const api = fakeApi({
      getSystem: async () => ({ user: 'olga', roles: ['operator'] }) as never,
      searchIncidents: async () => ({ ...page([incident('a', 'chargePayment')]), total: 120 }),
      getDefinitions: async () => [],
      startRetryBatch: async () => ({ batchId: 'batch-9', total: 120 }),
      getBatch: async () => ({ ...progress(1, false), id: 'batch-9', total: 120 }),
    });
    mounted = mountIncidentsPage(container, api, parseRoute('#/incidents?activityId=chargePayment'), memoryStorage());
    await settle();

    // when
    expect(byId('js-retry-matching').hidden).toBe(false);
    expect(byId('js-retry-matching').textContent).toBe('Retry all 120 incidents matching');
    byId('js-retry-matching').click();
    expect(document.querySelector('#js-confirm-text')!.textContent).toContain('Retry all 120 open incidents matching this filter, not only this page?');
    document.querySelector<HTMLButtonElement>('#js-confirm')!.click();
    await settle();

    // then
    expect(api.startRetryBatch).toHaveBeenCalledWith({ filter: { definitionKey: undefined, activityId: 'chargePayment', message: undefined } });
    expect(byId('js-batch').hidden).toBe(false);
    expect(byId<HTMLButtonElement>('js-retry-matching').disabled).toBe(true);
  });

  it('should not offer retrying all matching to an analyst', async () => {
    // given
    const api = fakeApi({
      getSystem: async () => ({ user: 'ann', roles: ['analyst'] }) as never,
      searchIncidents: async () => ({ ...page([incident('a')]), total: 120 }),
      getDefinitions: async () => [],
    });

    // when
    mounted = mountIncidentsPage(container, api, parseRoute('#/incidents'), memoryStorage());
    await settle();

    // then
    expect(byId('js-retry-matching').hidden).toBe(true);
  });

  it('should say when there is nothing to repair', async () => {
    // when
    mounted = mountIncidentsPage(container, fakeApi({ searchIncidents: async () => page([]), getDefinitions: async () => [] }), parseRoute('#/incidents'), memoryStorage());
    await settle();

    // then
    expect(byId('js-empty').hidden).toBe(false);
    expect(byId<HTMLInputElement>('js-select-page').disabled).toBe(true);
  });
});
