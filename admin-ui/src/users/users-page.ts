import { describeError, isAbort, type BatonApi, type User } from '../api/client';
import type { Screen } from '../screen';
import { confirmAction, type OpenDialog } from '../ui/confirm-dialog';
import { byId, cell, h, showMessages } from '../ui/dom';
import { formDialog, inputField, roleChoice } from '../ui/form-dialog';
import { refreshingPageHeader } from '../ui/page-header';

/** Baton's roles, in the order the server lists them (`Roles.ALL`). */
export const ROLES = ['analyst', 'operator', 'admin'] as const;

/** The server's minimum (`PasswordRules.MIN_LENGTH`), for the browser's own hint only. */
export const PASSWORD_HINT = 'At least 12 characters, not containing the user’s id, name or email';

const template = `
  <section class="page">
    ${refreshingPageHeader('Users')}
    <div class="section-header">
      <p class="muted">People who sign in to the console or the API, and their roles.</p>
      <button type="button" class="button button-primary" id="js-add-user" data-testid="js-add-user">Add user</button>
    </div>
    <div class="table-scroll">
    <table class="table">
      <colgroup><col /><col /><col /><col /><col class="col-actions-wide" /></colgroup>
      <thead>
        <tr>
          <th scope="col">User</th>
          <th scope="col">Name</th>
          <th scope="col">Email</th>
          <th scope="col">Roles</th>
          <th scope="col"></th>
        </tr>
      </thead>
      <tbody id="js-users" data-testid="js-users"></tbody>
    </table>
    </div>
  </section>`;

/** Administrators add and remove people, set their roles and reset their passwords. */
export function mountUsersPage(container: HTMLElement, api: BatonApi): { unmount(): void } {
  container.innerHTML = template;
  const find = <T extends HTMLElement = HTMLElement>(id: string) => byId<T>(container, id);
  let pending: AbortController | undefined;
  let dialog: OpenDialog | undefined;

  function after(open: OpenDialog): void {
    dialog = open;
    void open.closed.then((done) => done && void load());
  }

  function add(): void {
    const id = inputField('User id', 'js-user-id', { required: '', maxlength: '64', autocomplete: 'off', title: 'Letters and digits' });
    const name = inputField('Name', 'js-user-name', { maxlength: '255', autocomplete: 'off' });
    const email = inputField('Email', 'js-user-email', { type: 'email', maxlength: '255', autocomplete: 'off' });
    const password = inputField('Password', 'js-user-password', { type: 'password', required: '', minlength: '12', autocomplete: 'new-password', title: PASSWORD_HINT });
    const roles = roleChoice(ROLES);
    after(
      formDialog({
        id: 'js-user-dialog',
        title: 'Add a user',
        text: PASSWORD_HINT + '.',
        fields: [id.field, name.field, email.field, password.field, roles.field],
        submitLabel: 'Add user',
        failure: 'Could not add the user',
        action: async () => {
          await api.createUser({ id: id.input.value.trim(), name: name.input.value.trim(), email: email.input.value.trim(), password: password.input.value, roles: roles.checked() });
        },
      }),
    );
  }

  function editRoles(user: User): void {
    const roles = roleChoice(ROLES, user.roles);
    after(
      formDialog({
        id: 'js-roles-dialog',
        title: `Roles of ${user.id}`,
        text: 'Takes effect at the user’s next sign-in (HTTP Basic callers: at once). The last administrator keeps the admin role.',
        fields: [roles.field],
        submitLabel: 'Save roles',
        failure: 'Could not set the roles',
        action: async () => {
          await api.setUserRoles(user.id, roles.checked());
        },
      }),
    );
  }

  function resetPassword(user: User): void {
    const password = inputField('New password', 'js-new-password', { type: 'password', required: '', minlength: '12', autocomplete: 'new-password', title: PASSWORD_HINT });
    after(
      formDialog({
        id: 'js-reset-dialog',
        title: `New password for ${user.id}`,
        text: `The old password stops working at once. ${PASSWORD_HINT}.`,
        fields: [password.field],
        submitLabel: 'Set password',
        failure: 'Could not set the password',
        action: () => api.resetUserPassword(user.id, password.input.value),
      }),
    );
  }

  function remove(user: User): void {
    after(
      confirmAction({
        title: `Remove ${user.id}?`,
        text: `${user.id} (${user.roles.join(', ') || 'no role'}) can no longer sign in. The last administrator cannot be removed.`,
        confirmLabel: 'Remove user',
        danger: true,
        failure: 'Could not remove the user',
        action: () => api.removeUser(user.id),
      }),
    );
  }

  function row(user: User): HTMLTableRowElement {
    const button = (hook: string, label: string, onClick: () => void, danger = false) => {
      const b = h('button', { className: `button button-small${danger ? ' button-danger' : ''}`, hook, attrs: { type: 'button' } }, label);
      b.addEventListener('click', onClick);
      return b;
    };
    return h(
      'tr',
      { hook: 'js-user-row', dataset: { userId: user.id } },
      cell(user.id, 'mono'),
      cell(user.name || '–'),
      cell(user.email ?? '–'),
      cell(user.roles.join(', ') || 'none', 'js-user-roles'),
      h(
        'td',
        { className: 'actions' },
        button('js-edit-roles', 'Roles', () => editRoles(user)),
        button('js-reset-password', 'Reset password', () => resetPassword(user)),
        button('js-remove-user', 'Remove', () => remove(user), true),
      ),
    );
  }

  async function load(): Promise<void> {
    pending?.abort();
    const controller = new AbortController();
    pending = controller;
    find<HTMLButtonElement>('js-refresh').disabled = true;
    try {
      const users = await api.getUsers(controller.signal);
      find('js-users').replaceChildren(...users.map(row));
      showMessages(find('js-error'), []);
      find('js-last-updated').textContent = `Updated ${new Date().toLocaleTimeString()}`;
    } catch (error) {
      if (!isAbort(error)) {
        showMessages(find('js-error'), [describeError('Could not load the users', error)]);
      }
    } finally {
      if (pending === controller) {
        find<HTMLButtonElement>('js-refresh').disabled = false;
      }
    }
  }

  find('js-refresh').addEventListener('click', () => void load());
  find('js-add-user').addEventListener('click', add);
  void load();
  return {
    unmount: () => {
      pending?.abort();
      dialog?.dismiss();
    },
  };
}

export const usersScreen: Screen = {
  section: 'users',
  title: 'Users',
  matches: (route) => route.path.length === 1 && route.path[0] === 'users',
  mount: (container, api) => mountUsersPage(container, api),
};
