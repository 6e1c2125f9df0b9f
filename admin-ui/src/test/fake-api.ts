import { vi } from 'vitest';
import type { BatonApi } from '../api/client';

/**
 * A {@link BatonApi} whose every call is a `vi.fn` failing with "not stubbed", with `calls`
 * replacing the ones a test needs.
 */
export function fakeApi(calls: Partial<BatonApi> = {}): BatonApi {
  const names: (keyof BatonApi)[] = [
    'getSystem',
    'getDefinitions',
    'getDashboard',
    'getDefinition',
    'getDefinitionXml',
    'getDefinitionStatistics',
    'searchInstances',
    'getInstanceDetail',
    'setVariable',
    'cancelInstance',
    'modifyInstance',
    'restartInstance',
    'setInstanceSuspension',
    'searchIncidents',
    'getStacktrace',
    'retryIncident',
    'startRetryBatch',
    'startInstanceBatch',
    'getBatch',
    'getBatches',
    'cancelBatch',
    'getWorkers',
    'getTopics',
    'getAdapters',
    'getDefinitionVersions',
    'lintXml',
    'deploy',
    'setDefinitionSuspension',
    'deleteDeployment',
    'planMigration',
    'dryRunMigration',
    'startMigration',
    'getMigrationProgress',
    'getDeployments',
    'deploymentResourceUrl',
    'registerWorker',
    'rotateWorkerKey',
    'revokeWorkerKey',
    'forgetWorker',
    'getUsers',
    'createUser',
    'removeUser',
    'setUserRoles',
    'resetUserPassword',
    'changeMyPassword',
    'getHistoryCleanup',
  ];
  const api: Record<string, unknown> = {};
  for (const name of names) {
    const given = calls[name] as ((...args: never[]) => unknown) | undefined;
    api[name] = vi.fn(given ?? (() => Promise.reject(new Error(`${name} is not stubbed`))));
  }
  return api as unknown as BatonApi;
}

/** Lets every settled promise and zero-delay timer run (with fake timers). */
export async function settle(): Promise<void> {
  await vi.advanceTimersByTimeAsync(0);
}
