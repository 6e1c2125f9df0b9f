import type { BatonApi, IssuedCredential, Worker } from '../api/client';
import { confirmAction, type OpenDialog } from '../ui/confirm-dialog';
import { h } from '../ui/dom';
import { formDialog, inputField, showSecretOnce } from '../ui/form-dialog';

/** The admin's buttons of one worker row: rotate and revoke a key, forget a stale worker. */
export function workerActionsCell(worker: Worker): HTMLTableCellElement {
  const button = (action: string, label: string, title: string) =>
    h('button', { className: 'button button-small', hook: `js-worker-${action}`, dataset: { action, workerId: worker.workerId }, title, attrs: { type: 'button' } }, label);
  return h(
    'td',
    { className: 'actions' },
    worker.registered ? button('rotate', 'Rotate key', 'Issue a new key; the current one stops working at once') : null,
    worker.registered ? button('revoke', 'Revoke key', 'The worker gets 401 from now on') : null,
    !worker.registered && worker.status !== 'ACTIVE' ? button('forget', 'Forget', 'Remove this stale worker from the list; it reappears if it calls again') : null,
  );
}

/**
 * Register, rotate, revoke and forget, each behind a dialog that says what will happen; a new key
 * is shown once ({@link showSecretOnce}). `changed` reloads the page after each success.
 */
export function workerActions(api: BatonApi, changed: () => void) {
  let open: OpenDialog | undefined;

  function showKey(issued: IssuedCredential, what: string): void {
    open = showSecretOnce(
      `Key of ${issued.workerId}`,
      `${what} The worker signs in with its id "${issued.workerId}" and this key (HTTP Basic) and may fetch ${issued.topics.join(', ')}.`,
      issued.key,
    );
  }

  function register(): void {
    const id = inputField('Worker id', 'js-worker-id', { required: '', maxlength: '64', pattern: '[A-Za-z0-9][A-Za-z0-9._\\-]{0,63}', autocomplete: 'off' });
    const topics = inputField('Topics (comma-separated)', 'js-worker-topics-input', { required: '', autocomplete: 'off' });
    let issued: IssuedCredential | undefined;
    open = formDialog({
      id: 'js-register-dialog',
      title: 'Register a worker',
      text: 'The worker gets its own key, limited to these topics.',
      fields: [id.field, topics.field],
      submitLabel: 'Register',
      failure: 'Could not register the worker',
      action: async () => {
        const list = topics.input.value.split(',').map((t) => t.trim()).filter(Boolean);
        issued = await api.registerWorker(id.input.value.trim(), list);
      },
    });
    void open.closed.then((done) => {
      if (done && issued) {
        changed();
        showKey(issued, 'Registered.');
      }
    });
  }

  function rotate(workerId: string): void {
    let issued: IssuedCredential | undefined;
    open = confirmAction({
      title: `Rotate the key of ${workerId}?`,
      text: `A new key is issued and shown once. The current key stops working at once: the worker gets 401 until it is configured with the new key.`,
      confirmLabel: 'Rotate key',
      danger: true,
      failure: 'Could not rotate the key',
      action: async () => {
        issued = await api.rotateWorkerKey(workerId);
      },
    });
    void open.closed.then((done) => {
      if (done && issued) {
        changed();
        showKey(issued, 'The old key no longer works.');
      }
    });
  }

  function revoke(workerId: string): void {
    open = confirmAction({
      title: `Revoke the key of ${workerId}?`,
      text: `The worker gets 401 from now on and its tasks wait until their locks expire. Register it again to give it a new key.`,
      confirmLabel: 'Revoke key',
      danger: true,
      failure: 'Could not revoke the key',
      action: () => api.revokeWorkerKey(workerId),
    });
    void open.closed.then((done) => done && changed());
  }

  function forget(workerId: string): void {
    open = confirmAction({
      title: `Forget ${workerId}?`,
      text: `Its record and counts are removed. If it calls again it reappears, counted from then on.`,
      confirmLabel: 'Forget worker',
      danger: true,
      failure: 'Could not forget the worker',
      action: () => api.forgetWorker(workerId),
    });
    void open.closed.then((done) => done && changed());
  }

  return {
    register,
    onRowClick(event: Event, workers: readonly Worker[]): void {
      const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-action]');
      const workerId = button?.dataset.workerId;
      if (!button || !workerId || !workers.some((w) => w.workerId === workerId)) {
        return;
      }
      ({ rotate, revoke, forget })[button.dataset.action as 'rotate' | 'revoke' | 'forget']?.(workerId);
    },
    close(): void {
      open?.dismiss();
    },
  };
}
