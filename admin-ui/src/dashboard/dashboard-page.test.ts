import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, type Dashboard } from '../api/client';
import { fakeApi, settle } from '../test/fake-api';
import { mountDashboard } from './dashboard-page';
import { niceCeiling } from './completions-chart';

function dashboard(): Dashboard {
  return {
    running: 12,
    openIncidents: 2,
    startedLastHour: 40,
    completedLastHour: 38,
    startedLastDay: 900,
    completedLastDay: 1880,
    definitions: [
      { key: 'payment', name: 'Payment', running: 2, incidents: 0, startedLastDay: 100, completedLastDay: 90 },
      { key: 'order-fulfillment', name: 'Order fulfillment', running: 10, incidents: 2, startedLastDay: 800, completedLastDay: 790 },
    ],
    completionsPerHour: Array.from({ length: 24 }, (_, hour) => ({ start: new Date(Date.UTC(2026, 10, 26, hour)).toISOString(), completed: hour })),
    workers: { active: 2, stale: 1 },
  };
}

describe('dashboard', () => {
  let container: HTMLElement;
  let unmount: (() => void) | undefined;
  const byId = (id: string) => container.querySelector<HTMLElement>(`#${id}`)!;

  beforeEach(() => {
    vi.useFakeTimers();
    container = document.createElement('div');
    document.body.append(container);
  });

  afterEach(() => {
    unmount?.();
    container.remove();
    vi.useRealTimers();
  });

  it('should show the counts, a bar per hour and a row per process', async () => {
    // given
    const api = fakeApi({ getDashboard: async () => dashboard() });

    // when
    unmount = mountDashboard(container, api);
    await settle();

    // then
    expect(byId('js-running-count').textContent).toBe('12');
    expect(byId('js-incident-count').textContent).toBe('2');
    expect(byId('js-completed-day').textContent).toBe((1880).toLocaleString());
    expect(byId('js-workers-active').textContent).toBe('2');
    expect(byId('js-workers-stale').textContent).toBe('1');
    expect(byId('js-incident-card').classList.contains('card-danger')).toBe(true);
    const bars = [...container.querySelectorAll('.js-chart-bar')];
    expect(bars).toHaveLength(24);
    expect(bars[23]!.getAttribute('data-value')).toBe('23');
    expect(bars[0]!.querySelector('title')!.textContent).toContain('0 completed');
    const rows = [...container.querySelectorAll<HTMLElement>('.js-dashboard-definition-row')];
    expect(rows.map((row) => row.dataset.key)).toEqual(['order-fulfillment', 'payment']);
    expect(rows[0]!.querySelector('a')!.getAttribute('href')).toBe('#/instances?definitionKey=order-fulfillment');
    expect(byId('js-loading').hidden).toBe(true);
    expect(byId('js-empty').hidden).toBe(true);
  });

  it('should say "no data" on the chart when nothing completed in 24 hours', async () => {
    // given
    const empty = { ...dashboard(), completionsPerHour: dashboard().completionsPerHour.map((hour) => ({ ...hour, completed: 0 })) };

    // when
    unmount = mountDashboard(container, fakeApi({ getDashboard: async () => empty }));
    await settle();

    // then
    expect(container.querySelector('.js-chart-empty')!.textContent).toBe('No data: no instance completed in the last 24 hours');
  });

  it('should not say "no data" on a chart with completions', async () => {
    // when
    unmount = mountDashboard(container, fakeApi({ getDashboard: async () => dashboard() }));
    await settle();

    // then
    expect(container.querySelector('.js-chart-empty')).toBeNull();
  });

  it('should keep the numbers and say why when a reload fails', async () => {
    // given
    const getDashboard = vi
      .fn<() => Promise<Dashboard>>()
      .mockResolvedValueOnce(dashboard())
      .mockRejectedValueOnce(new ApiError(503, 'Service Unavailable', { detail: 'Database unavailable' }));
    unmount = mountDashboard(container, fakeApi({ getDashboard }), 10_000);
    await settle();

    // when
    await vi.advanceTimersByTimeAsync(10_000);

    // then
    expect(byId('js-error').textContent).toBe('Could not load the dashboard: HTTP 503 Service Unavailable — Database unavailable');
    expect(byId('js-running-count').textContent).toBe('12');
  });

  it('should reload every ten seconds until left', async () => {
    // given
    const api = fakeApi({ getDashboard: async () => dashboard() });
    unmount = mountDashboard(container, api, 10_000);
    await settle();

    // when
    await vi.advanceTimersByTimeAsync(20_000);
    unmount();
    unmount = undefined;
    await vi.advanceTimersByTimeAsync(60_000);

    // then
    expect(api.getDashboard).toHaveBeenCalledTimes(3);
  });

  it('should show the empty state when nothing is deployed', async () => {
    // given
    const api = fakeApi({ getDashboard: async () => ({ ...dashboard(), definitions: [] }) });

    // when
    unmount = mountDashboard(container, api);
    await settle();

    // then
    expect(byId('js-empty').hidden).toBe(false);
  });
});

describe('niceCeiling', () => {
  it.each([
    [0, 1],
    [1, 1],
    [3, 5],
    [37, 50],
    [120, 200],
    [1000, 1000],
  ])('should round %i up to %i', (value, ceiling) => {
    expect(niceCeiling(value)).toBe(ceiling);
  });
});
