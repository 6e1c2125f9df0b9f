import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, type NewUser, type User } from '../api/client';
import { fakeApi, settle } from '../test/fake-api';
import { mountUsersPage } from './users-page';

describe('users page', () => {
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

  it('should list users with their roles and add one with the chosen roles', async () => {
    // given
    const users: User[] = [{ id: 'demo', name: 'demo', email: null, roles: ['analyst', 'operator', 'admin'] }];
    const createUser = vi.fn(async (user: NewUser) => ({ id: user.id, name: user.name, email: user.email, roles: user.roles }));
    unmount = mountUsersPage(container, fakeApi({ getUsers: async () => users, createUser })).unmount;
    await settle();

    // when
    container.querySelector<HTMLButtonElement>('#js-add-user')!.click();
    document.querySelector<HTMLInputElement>('#js-user-id')!.value = 'olga';
    document.querySelector<HTMLInputElement>('#js-user-name')!.value = 'Olga';
    document.querySelector<HTMLInputElement>('#js-user-password')!.value = 'long-enough-secret';
    document.querySelector<HTMLInputElement>('#js-role-operator')!.click();
    document.querySelector('#js-user-dialog form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();

    // then
    expect(container.querySelector('.js-user-row[data-user-id="demo"] .js-user-roles')!.textContent).toBe('analyst, operator, admin');
    expect(createUser).toHaveBeenCalledWith({ id: 'olga', name: 'Olga', email: '', password: 'long-enough-secret', roles: ['operator'] });
    expect(document.querySelector('#js-user-dialog')).toBeNull();
  });

  it('should keep the dialog open with the server’s reason when a user is refused', async () => {
    // given
    const refused = new ApiError(400, 'Bad Request', { title: 'Bad request', status: 400, detail: 'The password must be at least 12 characters' });
    unmount = mountUsersPage(container, fakeApi({ getUsers: async () => [], createUser: () => Promise.reject(refused) })).unmount;
    await settle();

    // when
    container.querySelector<HTMLButtonElement>('#js-add-user')!.click();
    document.querySelector('#js-user-dialog form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();

    // then
    const error = document.querySelector<HTMLElement>('#js-form-error')!;
    expect(error.hidden).toBe(false);
    expect(error.textContent).toContain('at least 12 characters');
  });
});
