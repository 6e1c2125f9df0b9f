import type { BatonApi, SystemInfo } from './client';

/** Baton's roles, as `GET /api/system` names them (the server's `Roles`). */
export type Role = 'analyst' | 'operator' | 'admin';

/**
 * Which roles the console offers each action to: the one place screens ask. The server decides
 * anyway (HTTP rules and the engine's grants); this only keeps buttons away from people whose
 * click would be refused.
 */
const ALLOWED = {
  suspendDefinition: ['operator', 'admin'],
  /** Cancel, suspend, activate, retry, delete history of all matching; cancel a batch. */
  batchOperations: ['operator', 'admin'],
  /** Move an instance's tokens, restart an ended one, suspend or activate one. */
  repairInstance: ['operator', 'admin'],
  deleteDeployment: ['admin'],
  migrateInstances: ['operator', 'admin'],
  manageWorkers: ['admin'],
  manageUsers: ['admin'],
  readHistoryCleanup: ['admin'],
  /** Live process events (`api/events/stream`): they carry instance ids and business keys. */
  watchEvents: ['operator', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof ALLOWED;

/** Whether a user holding `roles` may take `action`. */
export function can(roles: readonly string[], action: Action): boolean {
  const allowed: readonly string[] = ALLOWED[action];
  return roles.some((role) => allowed.includes(role));
}

const signedIn = new WeakMap<BatonApi, Promise<SystemInfo>>();

/**
 * `GET /api/system` once per client: the header and every screen share the answer (user and
 * roles), so a screen costs no second request. A failed load is asked again next time.
 */
export function currentUser(api: BatonApi): Promise<SystemInfo> {
  let loaded = signedIn.get(api);
  if (!loaded) {
    loaded = api.getSystem();
    signedIn.set(api, loaded);
    loaded.catch(() => signedIn.delete(api));
  }
  return loaded;
}
