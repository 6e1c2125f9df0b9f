import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, type BatonApi, type ProcessDefinitionSummary, type SystemInfo } from '../api/client';
import { fakeApi as anyApi } from '../test/fake-api';
import { mountStatusPage } from './status-page';

function system(): SystemInfo {
  return { name: 'Baton', version: '0.1.0-SNAPSHOT', engineVersion: '7.24.0', database: 'H2', user: 'demo', roles: ['admin', 'analyst', 'operator'] };
}

function definition(key: string, version: number, incidents = 0): ProcessDefinitionSummary {
  return { id: `${key}:${version}:abc`, key, name: `Process ${key}`, version, runningInstances: 3, incidents };
}

function fakeApi(definitions: () => Promise<ProcessDefinitionSummary[]>, systemInfo = () => Promise.resolve(system())): BatonApi {
  return anyApi({ getSystem: systemInfo, getDefinitions: definitions });
}

describe('status page', () => {
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
    vi.useRealTimers();
  });

  const byId = (id: string) => container.querySelector<HTMLElement>(`#${id}`)!;
  const rows = () => [...container.querySelectorAll<HTMLElement>('.js-definition-row')];

  it('should show the system and the definitions sorted by key then newest version', async () => {
    // given
    const api = fakeApi(async () => [definition('payment', 1), definition('order', 1), definition('order', 2, 1)]);

    // when
    unmount = mountStatusPage(container, api);
    await vi.advanceTimersByTimeAsync(0);

    // then
    expect(byId('js-engine-version').textContent).toBe('7.24.0');
    expect(byId('js-user').textContent).toBe('demo');
    expect(rows().map((row) => `${row.dataset.key}:${row.dataset.version}`)).toEqual(['order:2', 'order:1', 'payment:1']);
    expect(rows()[0]!.classList.contains('has-incidents')).toBe(true);
    expect(rows()[1]!.classList.contains('has-incidents')).toBe(false);
    expect(byId('js-empty').hidden).toBe(true);
    expect(byId('js-error').hidden).toBe(true);
    expect(byId('js-loading').hidden).toBe(true);
  });

  it('should show loading until the first answer arrives', async () => {
    // given
    let answer: (definitions: ProcessDefinitionSummary[]) => void = () => {};
    const api = fakeApi(() => new Promise((resolve) => (answer = resolve)));

    // when
    unmount = mountStatusPage(container, api);
    await vi.advanceTimersByTimeAsync(0);

    // then
    expect(byId('js-loading').hidden).toBe(false);
    answer([]);
    await vi.advanceTimersByTimeAsync(0);
    expect(byId('js-loading').hidden).toBe(true);
  });

  it('should show the empty state when nothing is deployed', async () => {
    // given
    const api = fakeApi(async () => []);

    // when
    unmount = mountStatusPage(container, api);
    await vi.advanceTimersByTimeAsync(0);

    // then
    expect(byId('js-empty').hidden).toBe(false);
    expect(byId('js-empty').textContent).toBe('No process definitions deployed');
  });

  it('should show a failed load in words', async () => {
    // given
    const api = fakeApi(() => Promise.reject(new ApiError(500, 'Internal Server Error', { detail: 'Database unavailable' })));

    // when
    unmount = mountStatusPage(container, api);
    await vi.advanceTimersByTimeAsync(0);

    // then
    expect(byId('js-error').hidden).toBe(false);
    expect(byId('js-error').textContent).toBe(
      'Could not load definitions: HTTP 500 Internal Server Error — Database unavailable',
    );
    expect(byId('js-empty').hidden).toBe(true);
  });

  it('should say "Not signed in" once when the server answers 401', async () => {
    // given
    const unauthorized = () => Promise.reject(new ApiError(401, 'Unauthorized'));
    const api = fakeApi(unauthorized, unauthorized);

    // when
    unmount = mountStatusPage(container, api);
    await vi.advanceTimersByTimeAsync(0);

    // then
    expect(byId('js-error').textContent).toBe('Not signed in');
  });

  it('should reload every ten seconds and stop when unmounted', async () => {
    // given
    const api = fakeApi(async () => [definition('order', 1)]);
    unmount = mountStatusPage(container, api);
    await vi.advanceTimersByTimeAsync(0);

    // when
    await vi.advanceTimersByTimeAsync(10_000);

    // then
    expect(api.getDefinitions).toHaveBeenCalledTimes(2);
    unmount();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(api.getDefinitions).toHaveBeenCalledTimes(2);
  });

  it('should reload on Refresh', async () => {
    // given
    const api = fakeApi(async () => [definition('order', 1)]);
    unmount = mountStatusPage(container, api);
    await vi.advanceTimersByTimeAsync(0);

    // when
    byId('js-refresh').click();
    await vi.advanceTimersByTimeAsync(0);

    // then
    expect(api.getDefinitions).toHaveBeenCalledTimes(2);
  });
});
