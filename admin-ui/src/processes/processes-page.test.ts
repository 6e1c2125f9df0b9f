import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProcessDefinitionSummary } from '../api/client';
import { fakeApi, settle } from '../test/fake-api';
import { flash } from '../ui/flash';
import { groupByKey, mountProcessesPage } from './processes-page';

function definition(key: string, version: number, runningInstances = 1, incidents = 0): ProcessDefinitionSummary {
  return { id: `${key}:${version}:x`, key, name: key === 'order' ? 'Order' : null, version, runningInstances, incidents };
}

describe('processes page', () => {
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

  it('should group all versions by key, newest first', () => {
    // when
    const groups = groupByKey([definition('payment', 1), definition('order', 1), definition('order', 3), definition('order', 2)]);

    // then
    expect(groups.map((group) => group.map((d) => `${d.key}:${d.version}`))).toEqual([['order:3', 'order:2', 'order:1'], ['payment:1']]);
  });

  it('should show a row per version with its counts and a group total', async () => {
    // given
    const api = fakeApi({ getDefinitions: async () => [definition('order', 1, 2, 1), definition('order', 2, 5)] });

    // when
    unmount = mountProcessesPage(container, api);
    await settle();

    // then
    const group = container.querySelector<HTMLElement>('.js-process-group[data-key="order"]')!;
    expect(group.textContent).toContain('2 versions');
    const rows = [...container.querySelectorAll<HTMLElement>('.js-process-row')];
    expect(rows.map((row) => `${row.dataset.version}:${row.querySelector('.js-running')!.textContent}`)).toEqual(['2:5', '1:2']);
    expect(rows[1]!.classList.contains('has-incidents')).toBe(true);
    expect(rows[0]!.querySelector('a')!.getAttribute('href')).toBe('#/processes/order%3A2%3Ax');
  });

  it('should show the notice the previous screen left, once', async () => {
    // given
    const api = fakeApi({ getDefinitions: async () => [definition('order', 1)] });
    flash('Deployment dep-1 deleted with Order v2.');

    // when
    unmount = mountProcessesPage(container, api);
    await settle();
    const first = container.querySelector<HTMLElement>('#js-notice')!;
    const shown = { hidden: first.hidden, text: first.textContent };
    unmount();
    unmount = mountProcessesPage(container, api);
    await settle();

    // then
    expect(shown).toEqual({ hidden: false, text: 'Deployment dep-1 deleted with Order v2.' });
    expect(container.querySelector<HTMLElement>('#js-notice')!.hidden).toBe(true);
  });
});
