import type { BatonApi } from '../api/client';
import type { OpenDialog } from '../ui/confirm-dialog';
import { formDialog, inputField } from '../ui/form-dialog';
import { PASSWORD_HINT } from './users-page';

/** "Change my password" from the header: the current password proves it is the user. */
export function changeMyPassword(api: BatonApi): OpenDialog {
  const current = inputField('Current password', 'js-current-password', { type: 'password', required: '', autocomplete: 'current-password' });
  const next = inputField('New password', 'js-my-new-password', { type: 'password', required: '', minlength: '12', autocomplete: 'new-password', title: PASSWORD_HINT });
  const repeat = inputField('New password again', 'js-my-new-password-again', { type: 'password', required: '', autocomplete: 'new-password' });
  return formDialog({
    id: 'js-password-dialog',
    title: 'Change my password',
    text: `${PASSWORD_HINT}. The old password stops working at once, also for tools that use it.`,
    fields: [current.field, next.field, repeat.field],
    submitLabel: 'Change password',
    failure: 'Could not change the password',
    action: async () => {
      if (next.input.value !== repeat.input.value) {
        throw new Error('the new password and its repetition differ');
      }
      await api.changeMyPassword(current.input.value, next.input.value);
    },
  });
}
