import { describe, expect, it, vi } from 'vitest';
import { fakeApi } from '../test/fake-api';
import { can, currentUser } from './permissions';
import type { SystemInfo } from './client';

function system(roles: string[]): SystemInfo {
  return { name: 'Baton', version: '1', engineVersion: '7.24.0', database: 'H2', user: 'someone', roles };
}

describe('permissions', () => {
  it.each([
    ['analyst', false, false],
    ['operator', true, false],
    ['admin', true, true],
    ['camunda-admin', false, false],
  ])('should let role %s suspend: %s, delete deployments: %s', (role, suspend, remove) => {
    // when / then
    expect(can([role], 'suspendDefinition')).toBe(suspend);
    expect(can([role], 'deleteDeployment')).toBe(remove);
  });

  it('should load the signed-in user once per client', async () => {
    // given
    const api = fakeApi({ getSystem: async () => system(['operator']) });

    // when
    const [first, second] = await Promise.all([currentUser(api), currentUser(api)]);

    // then
    expect(first.roles).toEqual(['operator']);
    expect(second).toBe(first);
    expect(api.getSystem).toHaveBeenCalledTimes(1);
  });

  it('should ask again after a failed load', async () => {
    // given
    const getSystem = vi.fn<() => Promise<SystemInfo>>().mockRejectedValueOnce(new TypeError('Failed to fetch')).mockResolvedValue(system(['admin']));
    const api = fakeApi({ getSystem });
    await expect(currentUser(api)).rejects.toThrow('Failed to fetch');

    // when
    const user = await currentUser(api);

    // then
    expect(user.roles).toEqual(['admin']);
    expect(getSystem).toHaveBeenCalledTimes(2);
  });
});
