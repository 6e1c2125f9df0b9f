import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Batch, InstanceSummary, Page } from '../api/client';
import { parseRoute } from '../router';
import type { MountedScreen } from '../screen';
import { fakeApi, settle } from '../test/fake-api';
import { mountInstancesPage } from '../instances/instances-page';

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

function instances(total: number): Page<InstanceSummary> {
  const row: InstanceSummary = {
    id: 'pi-1',
    businessKey: 'order-1',
    definitionId: 'order:1:a',
    definitionKey: 'order',
    definitionName: 'Order',
    definitionVersion: 1,
    state: 'RUNNING',
    startTime: '2026-12-01T08:00:00Z',
    endTime: null,
    durationMillis: null,
  };
  return { items: total > 0 ? [row] : [], page: 0, size: 25, total };
}

function progress(done: number, state: Batch['state']): Batch {
  return { id: 'b-1', type: 'cancel', total: 500, done, failed: 0, state, startedBy: 'olga', startedAt: '2026-12-01T08:00:00Z', reason: 'duplicate', failures: [] };
}

describe('operations on all matching instances', () => {
  let container: HTMLElement;
  let mounted: MountedScreen | undefined;
  const byId = <T extends HTMLElement = HTMLElement>(id: string) => container.querySelector<T>(`#${id}`)!;
  const button = (operation: string) => container.querySelector<HTMLButtonElement>(`[data-testid='js-bulk-${operation}']`)!;

  beforeEach(() => {
    vi.useFakeTimers();
    container = document.createElement('div');
    document.body.append(container);
    location.hash = '';
  });

  afterEach(() => {
    mounted?.unmount();
    container.remove();
    document.querySelector('#js-confirm-dialog')?.remove();
    vi.useRealTimers();
  });

  it('should cancel all 500 matching instances, not only the page, with the reason, and follow the batch', async () => {
    // given
    const answers = [progress(200, 'RUNNING'), progress(500, 'COMPLETED')];
    const api = fakeApi({
      getSystem: async () => ({ user: 'olga', roles: ['operator'] }) as never,
      searchInstances: async () => instances(500),
      getDefinitions: async () => [],
      startInstanceBatch: async () => ({ batchId: 'b-1', total: 500 }),
      getBatch: async () => answers.shift()!,
    });
    mounted = mountInstancesPage(container, api, parseRoute('#/instances?definitionKey=order&state=RUNNING&size=25'), undefined, memoryStorage());
    await settle();
    expect(byId('js-bulk').hidden).toBe(false);
    expect(byId('js-bulk-count').textContent).toBe('All 500 instances matching this filter:');

    // when
    button('cancel').click();
    expect(document.querySelector('#js-confirm-text')!.textContent).toContain('Cancel all 500 instances matching this filter, not only this page?');
    document.querySelector<HTMLTextAreaElement>('#js-confirm-reason')!.value = 'duplicate';
    document.querySelector<HTMLButtonElement>('#js-confirm')!.click();
    await settle();

    // then
    expect(api.startInstanceBatch).toHaveBeenCalledWith('cancel', { filter: expect.objectContaining({ definitionKey: 'order', state: 'RUNNING' }) }, 'duplicate');
    const filter = (vi.mocked(api.startInstanceBatch).mock.calls[0]![1] as { filter: Record<string, unknown> }).filter;
    expect(filter).not.toHaveProperty('page');
    expect(filter).not.toHaveProperty('size');
    expect(byId('js-batch-summary').textContent).toBe('200 of 500 done…');
    expect(button('suspend').disabled).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(byId('js-batch-summary').textContent).toBe('500 of 500 done');
    expect(button('suspend').disabled).toBe(false);
    expect(api.searchInstances).toHaveBeenCalledTimes(2);
  });

  it('should send no reason for other operations', async () => {
    // given
    const api = fakeApi({
      getSystem: async () => ({ user: 'olga', roles: ['admin'] }) as never,
      searchInstances: async () => instances(3),
      getDefinitions: async () => [],
      startInstanceBatch: async () => ({ batchId: 'b-1', total: 3 }),
      getBatch: async () => ({ ...progress(3, 'COMPLETED'), type: 'suspend', total: 3 }),
    });
    mounted = mountInstancesPage(container, api, parseRoute('#/instances?state=RUNNING'), undefined, memoryStorage());
    await settle();

    // when
    button('suspend').click();
    expect(document.querySelector('#js-confirm-reason')).toBeNull();
    document.querySelector<HTMLButtonElement>('#js-confirm')!.click();
    await settle();

    // then
    expect(api.startInstanceBatch).toHaveBeenCalledWith('suspend', { filter: expect.objectContaining({ state: 'RUNNING' }) }, undefined);
  });

  it('should offer nothing to an analyst, nor when nothing matches', async () => {
    // given an analyst
    const analyst = fakeApi({ getSystem: async () => ({ user: 'ann', roles: ['analyst'] }) as never, searchInstances: async () => instances(5), getDefinitions: async () => [] });
    mounted = mountInstancesPage(container, analyst, parseRoute('#/instances'), undefined, memoryStorage());
    await settle();
    expect(byId('js-bulk').hidden).toBe(true);
    mounted.unmount();

    // and an operator with an empty match
    const operator = fakeApi({ getSystem: async () => ({ user: 'olga', roles: ['operator'] }) as never, searchInstances: async () => instances(0), getDefinitions: async () => [] });
    mounted = mountInstancesPage(container, operator, parseRoute('#/instances'), undefined, memoryStorage());
    await settle();
    expect(byId('js-bulk').hidden).toBe(true);
  });

  it('should open the migration of the filtered version with the list filter, only when the filter names a version', async () => {
    // given an operator listing instances of order v1 failing at a step
    const operator = fakeApi({
      getSystem: async () => ({ user: 'olga', roles: ['operator'] }) as never,
      searchInstances: async () => instances(40),
      getDefinitions: async () => [],
      getDefinitionVersions: async () => [{ id: 'order:2:b', key: 'order', name: 'Order', version: 2, deploymentId: 'd2', deployedAt: null }, { id: 'order:1:a', key: 'order', name: 'Order', version: 1, deploymentId: 'd1', deployedAt: null }],
    });
    mounted = mountInstancesPage(container, operator, parseRoute('#/instances?definitionKey=order&definitionVersion=1&state=INCIDENT&activityId=ship&page=1'), undefined, memoryStorage());
    await settle();

    // when
    button('migrate').click();
    await settle();

    // then
    expect(operator.getDefinitionVersions).toHaveBeenCalledWith('order');
    expect(location.hash).toBe('#/migrations?source=order%3A1%3Aa&state=INCIDENT&activityId=ship');
    mounted.unmount();

    // and without a version in the filter there is nothing to migrate from
    mounted = mountInstancesPage(container, operator, parseRoute('#/instances?definitionKey=order'), undefined, memoryStorage());
    await settle();
    expect(button('migrate').hidden).toBe(true);
  });

  it('should act on the selected rows only, and migrate them when they share a version', async () => {
    // given three rows, two of order v1 and one of order v2
    const row = (id: string, definitionId: string): InstanceSummary => ({ ...instances(1).items[0]!, id, businessKey: id, definitionId });
    const api = fakeApi({
      getSystem: async () => ({ user: 'olga', roles: ['operator'] }) as never,
      searchInstances: async () => ({ items: [row('a', 'order:1:a'), row('b', 'order:1:a'), row('c', 'order:2:b')], page: 0, size: 25, total: 90 }),
      getDefinitions: async () => [],
      startInstanceBatch: async () => ({ batchId: 'b-1', total: 2 }),
      getBatch: async () => ({ ...progress(2, 'RUNNING'), type: 'suspend', total: 2 }),
    });
    mounted = mountInstancesPage(container, api, parseRoute('#/instances?state=RUNNING'), undefined, memoryStorage());
    await settle();
    const box = (id: string) => container.querySelector<HTMLInputElement>(`.js-select-instance[value='${id}']`)!;

    // when two rows of v1 are picked
    box('a').click();
    box('b').click();

    // then the bar speaks of them, and migrating opens their version's migration with their ids
    expect(byId('js-bulk-count').textContent).toBe('2 selected instances:');
    button('migrate').click();
    expect(location.hash).toBe('#/migrations?source=order%3A1%3Aa&ids=a%2Cb');
    location.hash = '';

    // and a selection across versions cannot be migrated at once
    box('c').click();
    expect(button('migrate').disabled).toBe(true);
    expect(byId<HTMLInputElement>('js-select-page').checked).toBe(true);
    box('c').click();

    // when the two are suspended
    button('suspend').click();
    expect(document.querySelector('#js-confirm-text')!.textContent).toContain('Suspend the 2 selected instances?');
    document.querySelector<HTMLButtonElement>('#js-confirm')!.click();
    await settle();

    // then exactly those are sent, and no instance page opened
    expect(api.startInstanceBatch).toHaveBeenCalledWith('suspend', { instanceIds: ['a', 'b'] }, undefined);
    expect(location.hash).toBe('');
  });
});

