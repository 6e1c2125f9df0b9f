import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DeploymentSummary, SystemInfo } from '../api/client';
import { fakeApi, settle } from '../test/fake-api';
import { mountDeploymentsPage } from './deployments-page';

const deployment: DeploymentSummary = {
  id: 'd1',
  name: 'order',
  source: 'baton-console',
  deployedAt: '2026-11-26T10:00:00Z',
  deployedBy: 'ann',
  note: 'faster carrier',
  resources: [{ id: 'r1', name: 'order.bpmn' }],
  running: 2,
  ended: 5,
};

function as(...roles: string[]): () => Promise<SystemInfo> {
  return async () => ({ name: 'Baton', version: '1', engineVersion: '7.24.0', database: 'h2', user: 'someone', roles });
}

describe('deployments page', () => {
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

  it('should show each deployment with its files and counts, and no delete button to an analyst', async () => {
    // given
    const api = fakeApi({ getSystem: as('analyst'), getDeployments: async () => ({ items: [deployment], page: 0, size: 50, total: 1 }), deploymentResourceUrl: (d, r) => `api/deployments/${d}/resources/${r}` });

    // when
    unmount = mountDeploymentsPage(container, api, 0, 50).unmount;
    await settle();

    // then
    const row = container.querySelector<HTMLElement>('.js-deployment-row[data-deployment-id="d1"]')!;
    expect(row.textContent).toContain('ann');
    expect(row.textContent).toContain('faster carrier');
    expect(row.querySelector<HTMLAnchorElement>('.js-resource-link')!.getAttribute('href')).toBe('api/deployments/d1/resources/r1');
    expect(row.querySelector('.js-deployment-running')!.textContent).toBe('2');
    expect(row.querySelector('.js-deployment-ended')!.textContent).toBe('5');
    expect(row.querySelector('.js-delete-deployment')).toBeNull();
  });

  it('should confirm a deletion with the counts and cascade only when asked', async () => {
    // given
    const deleteDeployment = vi.fn(async () => {});
    const api = fakeApi({ getSystem: as('admin'), getDeployments: async () => ({ items: [deployment], page: 0, size: 50, total: 1 }), deploymentResourceUrl: () => '#', deleteDeployment });
    unmount = mountDeploymentsPage(container, api, 0, 50).unmount;
    await settle();

    // when
    container.querySelector<HTMLButtonElement>('.js-delete-deployment')!.click();
    const text = document.querySelector('#js-confirm-text')!.textContent;
    document.querySelector<HTMLInputElement>('#js-confirm-option')!.click();
    document.querySelector<HTMLButtonElement>('#js-confirm')!.click();
    await settle();

    // then
    expect(text).toContain('2 running instances and 5 ended instances');
    expect(deleteDeployment).toHaveBeenCalledWith('d1', true);
  });
});
