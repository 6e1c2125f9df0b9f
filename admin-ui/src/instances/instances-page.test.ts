import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { InstanceQuery, InstanceSummary, Page } from '../api/client';
import { parseRoute } from '../router';
import type { MountedScreen } from '../screen';
import { fakeApi, settle } from '../test/fake-api';
import { localInputToIso } from '../ui/format';
import { instanceQueryOf, refusedValues } from './instance-filters';
import { mountInstancesPage } from './instances-page';

function instance(id: string, state: InstanceSummary['state'] = 'RUNNING'): InstanceSummary {
  return {
    id,
    businessKey: `order-${id}`,
    definitionId: 'order-fulfillment:3:abc',
    definitionKey: 'order-fulfillment',
    definitionName: 'Order fulfillment',
    definitionVersion: 3,
    state,
    startTime: '2026-11-26T10:00:00Z',
    endTime: state === 'COMPLETED' ? '2026-11-26T10:03:04Z' : null,
    durationMillis: state === 'COMPLETED' ? 184_000 : null,
  };
}

function page(items: InstanceSummary[], total: number, number = 0, size = 50): Page<InstanceSummary> {
  return { items, page: number, size, total };
}

describe('instances page', () => {
  let container: HTMLElement;
  let mounted: MountedScreen | undefined;
  const byId = <T extends HTMLElement = HTMLElement>(id: string) => container.querySelector<T>(`#${id}`)!;
  const rows = () => [...container.querySelectorAll<HTMLElement>('.js-instance-row')];

  beforeEach(() => {
    vi.useFakeTimers();
    container = document.createElement('div');
    document.body.append(container);
    location.hash = '';
  });

  afterEach(() => {
    mounted?.unmount();
    container.remove();
    vi.useRealTimers();
  });

  function mount(hash: string, search: (query: InstanceQuery) => Promise<Page<InstanceSummary>>) {
    const api = fakeApi({ searchInstances: search, getDefinitions: async () => [] });
    mounted = mountInstancesPage(container, api, parseRoute(hash));
    return api;
  }

  it('should search with the filters of the address and fill the form with them', async () => {
    // given
    const hash = '#/instances?definitionKey=order-fulfillment&definitionVersion=3&state=INCIDENT&businessKeyPrefix=order-&page=1&size=25&sort=startTime,asc';

    // when
    const api = mount(hash, async () => page([instance('a', 'INCIDENT')], 26, 1, 25));
    await settle();

    // then
    expect(api.searchInstances).toHaveBeenCalledWith(
      { definitionKey: 'order-fulfillment', definitionVersion: 3, state: 'INCIDENT', businessKey: undefined, businessKeyPrefix: 'order-', startedAfter: undefined, startedBefore: undefined, variableName: undefined, variableValue: undefined, page: 1, size: 25, sort: 'startTime,asc' },
      expect.any(AbortSignal),
    );
    expect(byId<HTMLInputElement>('js-filter-definition').value).toBe('order-fulfillment');
    expect(byId<HTMLSelectElement>('js-filter-version').value).toBe('3');
    expect(byId<HTMLSelectElement>('js-filter-state').value).toBe('INCIDENT');
    expect(byId<HTMLSelectElement>('js-filter-business-key-match').value).toBe('prefix');
    expect(byId<HTMLInputElement>('js-filter-business-key').value).toBe('order-');
    expect(byId('js-sort-start').textContent).toBe('Started ▲');
    expect(rows().map((row) => row.dataset.id)).toEqual(['a']);
    expect(byId('js-total').textContent).toBe('26');
    expect(byId('js-page-info').textContent).toBe('26–26 of 26');
    expect(byId<HTMLButtonElement>('js-next-page').disabled).toBe(true);
    expect(byId<HTMLButtonElement>('js-prev-page').disabled).toBe(false);
  });

  it('should show where each instance waits, its incident and the instance that called it', async () => {
    // given
    const called: InstanceSummary = {
      ...instance('child', 'INCIDENT'),
      parentInstanceId: 'parent-instance-0001',
      rootInstanceId: 'root-instance-0001',
      waitingAt: [{ activityId: 'ship', activityName: 'Ship order' }],
      incidentMessage: 'HTTP 503 from shipping',
    };
    const root: InstanceSummary = { ...instance('root'), parentInstanceId: null, rootInstanceId: null, waitingAt: [{ activityId: 'approve', activityName: null }], incidentMessage: null };

    // when
    mount('#/instances', async () => page([called, root], 2));
    await settle();

    // then
    const [first, second] = rows();
    expect(first!.querySelector('.js-parent-link')!.getAttribute('href')).toBe('#/instances/parent-instance-0001');
    expect(first!.querySelector('.js-root-link')!.getAttribute('href')).toBe('#/instances/root-instance-0001');
    expect(first!.querySelector('.js-waiting-at')!.textContent).toBe('Ship orderHTTP 503 from shipping');
    expect(first!.querySelector('.js-incident-message')!.textContent).toBe('HTTP 503 from shipping');
    expect(second!.querySelector('.js-parent-link')).toBeNull();
    expect(second!.querySelector('.js-waiting-at')!.textContent).toBe('approve');
    expect(second!.querySelector('.js-incident-message')).toBeNull();
  });

  it('should search root instances only, at a step, when the form asks for it', async () => {
    // given
    mount('#/instances', async () => page([], 0));
    await settle();

    // when
    byId<HTMLInputElement>('js-filter-activity').value = 'ship';
    byId<HTMLInputElement>('js-filter-root-only').checked = true;
    byId<HTMLFormElement>('js-filters').requestSubmit();

    // then
    expect(location.hash).toBe('#/instances?activityId=ship&rootOnly=true&size=50');
    expect(instanceQueryOf(new URLSearchParams('activityId=ship&rootOnly=true&parentInstanceId=p-1'))).toMatchObject({ activityId: 'ship', rootOnly: true, parentInstanceId: 'p-1' });
    expect(refusedValues(new URLSearchParams('rootOnly=maybe')).map((value) => value.reason)).toEqual(['not true or false']);
  });

  it('should refuse "called by" together with "root instances only"', async () => {
    // given
    mount('#/instances', async () => page([], 0));
    await settle();

    // when
    byId<HTMLInputElement>('js-filter-parent').value = 'p-1';
    byId<HTMLInputElement>('js-filter-root-only').checked = true;
    byId<HTMLFormElement>('js-filters').requestSubmit();

    // then
    expect(byId('js-filter-error').hidden).toBe(false);
    expect(byId('js-filter-error').textContent).toContain('Root instances only');
    expect(location.hash).toBe('');
  });

  it('should put the applied filters in the address, times as instants', async () => {
    // given
    mount('#/instances', async () => page([], 0));
    await settle();
    byId<HTMLSelectElement>('js-filter-state').value = 'COMPLETED';
    byId<HTMLInputElement>('js-filter-business-key').value = 'order-1';
    byId<HTMLInputElement>('js-filter-started-after').value = '2026-11-26T09:30';
    byId<HTMLInputElement>('js-filter-variable-name').value = 'amount';
    byId<HTMLInputElement>('js-filter-variable-value').value = '120';

    // when
    byId('js-apply-filters').click();

    // then
    const query = instanceQueryOf(parseRoute(location.hash).query);
    expect(query).toMatchObject({ state: 'COMPLETED', businessKey: 'order-1', startedAfter: localInputToIso('2026-11-26T09:30'), variableName: 'amount', variableValue: '120', page: 0 });
    expect(parseRoute(location.hash).path).toEqual(['instances']);
  });

  it('should show which values of a link it left out and drop them from the address on request', async () => {
    // given
    location.hash = '#/instances?state=BOGUS&startedAfter=yesterday&size=9999';
    const api = mount('#/instances?state=BOGUS&startedAfter=yesterday&size=9999', async () => page([], 0));
    await settle();

    // then the search ran without them, and the page says so
    expect(api.searchInstances).toHaveBeenCalledWith(expect.objectContaining({ state: undefined, startedAfter: undefined, size: 50 }), expect.anything());
    expect(byId('js-refused-filters').hidden).toBe(false);
    const refused = [...container.querySelectorAll<HTMLElement>('.js-refused-filter')].map((item) => item.dataset.name);
    expect(refused).toEqual(['state', 'startedAfter', 'size']);
    expect(byId('js-refused-filters').textContent).toContain('state=BOGUS');

    // when
    byId('js-drop-refused').click();

    // then
    expect(location.hash).toBe('#/instances?size=50');
  });

  it('should reload every ten seconds without emptying the list meanwhile', async () => {
    // given
    let release: (() => void) | undefined;
    let calls = 0;
    const api = mount('#/instances', async () => {
      calls++;
      if (calls === 2) {
        await new Promise<void>((resolve) => (release = resolve));
      }
      return page([instance('i-1', 'RUNNING')], 1);
    });
    await settle();

    // when the interval's reload is under way
    await vi.advanceTimersByTimeAsync(10_000);

    // then the rows stay, with no loading notice
    expect(api.searchInstances).toHaveBeenCalledTimes(2);
    expect(container.querySelectorAll('.js-instance-row')).toHaveLength(1);
    expect(byId('js-loading').hidden).toBe(true);
    release!();
    await settle();
    expect(container.querySelectorAll('.js-instance-row')).toHaveLength(1);
  });

  it('should refuse a variable value without a name, searching nothing', async () => {
    // given
    const api = mount('#/instances', async () => page([], 0));
    await settle();
    byId<HTMLInputElement>('js-filter-variable-value').value = '120';

    // when
    byId('js-apply-filters').click();
    await settle();

    // then
    expect(byId('js-filter-error').hidden).toBe(false);
    expect(byId('js-filter-error').textContent).toBe('Enter the variable’s name as well as its value.');
    expect(api.searchInstances).toHaveBeenCalledTimes(1);
  });

  it('should refuse a start range that ends before it begins', async () => {
    // given
    mount('#/instances', async () => page([], 0));
    await settle();
    byId<HTMLInputElement>('js-filter-started-after').value = '2026-11-26T12:00';
    byId<HTMLInputElement>('js-filter-started-before').value = '2026-11-26T11:00';

    // when
    byId('js-apply-filters').click();

    // then
    expect(byId('js-filter-error').textContent).toBe('"Started after" must be before "Started before".');
  });

  it('should page forward through the address', async () => {
    // given
    mount('#/instances?size=25', async () => page(Array.from({ length: 25 }, (_, index) => instance(`i${index}`)), 60, 0, 25));
    await settle();

    // when
    byId('js-next-page').click();

    // then
    expect(location.hash).toBe('#/instances?page=1&size=25');
  });

  it('should load a new address in place', async () => {
    // given
    const api = mount('#/instances', async (query) => page([query.state === 'COMPLETED' ? instance('done', 'COMPLETED') : instance('open')], 1));
    await settle();

    // when
    mounted!.update!(parseRoute('#/instances?state=COMPLETED'));
    await settle();

    // then
    expect(api.searchInstances).toHaveBeenCalledTimes(2);
    expect(rows().map((row) => row.dataset.id)).toEqual(['done']);
    expect(byId<HTMLSelectElement>('js-filter-state').value).toBe('COMPLETED');
    expect(rows()[0]!.textContent).toContain('3 min 4 s');
  });

  it('should say when no instance matches', async () => {
    // when
    mount('#/instances?state=CANCELED', async () => page([], 0));
    await settle();

    // then
    expect(byId('js-empty').hidden).toBe(false);
    expect(byId('js-empty').textContent).toBe('No instances match these filters');
    expect(byId('js-loading').hidden).toBe(true);
  });
});

describe('instanceQueryOf', () => {
  it('should drop what makes no sense', () => {
    // when
    const query = instanceQueryOf(new URLSearchParams('state=SLEEPING&definitionVersion=3&size=7&page=-2&startedAfter=yesterday&sort=name'));

    // then a version without a key, a state that does not exist, a size not offered, … are gone
    expect(query).toEqual({
      definitionKey: undefined,
      definitionVersion: undefined,
      state: undefined,
      businessKey: undefined,
      businessKeyPrefix: undefined,
      startedAfter: undefined,
      startedBefore: undefined,
      variableName: undefined,
      variableValue: undefined,
      page: 0,
      size: 50,
      sort: 'startTime,desc',
    });
  });
});

describe('refusedValues', () => {
  it('should name every value of the address the search leaves out, with the reason', () => {
    // when
    const refused = refusedValues(new URLSearchParams('state=BOGUS&startedAfter=yesterday&size=9999&definitionKey=order&colour=red'));

    // then
    expect(refused.map((item) => `${item.name}=${item.value}`)).toEqual(['state=BOGUS', 'startedAfter=yesterday', 'size=9999', 'colour=red']);
    expect(refused[0]!.reason).toBe('not a state; one of RUNNING, INCIDENT, COMPLETED, CANCELED');
    expect(refused[2]!.reason).toBe('not a page size offered; one of 25, 50, 100');
  });

  it('should refuse nothing a valid link holds', () => {
    // when
    const refused = refusedValues(new URLSearchParams('state=incident&definitionKey=order&definitionVersion=2&startedAfter=2026-11-26T10:00:00Z&size=25&page=2&sort=startTime,asc'));

    // then
    expect(refused).toEqual([]);
  });
});
