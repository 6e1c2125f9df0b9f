import { describeError } from '../api/client';
import { h } from './dom';

export interface ConfirmOptions {
  title: string;
  /** Exactly what will happen, in words (`js-confirm-text`). */
  text: string;
  confirmLabel: string;
  dismissLabel?: string;
  /** Styles the confirm button as destructive. */
  danger?: boolean;
  /** Asks for an optional reason (`js-confirm-reason`), passed to the action. */
  reasonLabel?: string;
  /** Offers a checkbox (`js-confirm-option`, unticked) whose state is passed to the action. */
  optionLabel?: string;
  /** What a failure of the action is called, e.g. "Could not cancel the instance". */
  failure: string;
  /** Runs on confirm; while it runs both buttons are disabled; a failure shows in the dialog. */
  action(reason: string, option: boolean): Promise<void>;
}

/** An open dialog; `closed` settles with whether the action ran and succeeded. */
export interface OpenDialog {
  closed: Promise<boolean>;
  /** Closes without running the action (e.g. the screen is left). */
  dismiss(): void;
}

/**
 * A modal `<dialog id="js-confirm-dialog">` that says what will happen, with `js-confirm` and
 * `js-dismiss`. Closes only once the action succeeded, so a failure can be read and retried.
 */
export function confirmAction(options: ConfirmOptions): OpenDialog {
  const hook = (id: string) => ({ id, 'data-testid': id });
  const text = h('p', { className: 'dialog-text', attrs: hook('js-confirm-text') }, options.text);
  const reason = h('textarea', { className: 'input', attrs: { ...hook('js-confirm-reason'), rows: '2', maxlength: '500' } });
  const option = h('input', { attrs: { ...hook('js-confirm-option'), type: 'checkbox' } });
  const error = h('div', { className: 'alert alert-error', attrs: { ...hook('js-confirm-error'), role: 'alert' } });
  error.hidden = true;
  const confirm = h(
    'button',
    { className: options.danger ? 'button button-danger' : 'button button-primary', attrs: { ...hook('js-confirm'), type: 'submit' } },
    options.confirmLabel,
  );
  const dismiss = h('button', { className: 'button', attrs: { ...hook('js-dismiss'), type: 'button' } }, options.dismissLabel ?? 'Keep as is');
  const form = h(
    'form',
    { attrs: { method: 'dialog' } },
    h('h2', { className: 'dialog-title' }, options.title),
    text,
    options.reasonLabel ? h('label', { className: 'field' }, h('span', { className: 'field-label' }, options.reasonLabel), reason) : null,
    options.optionLabel ? h('label', { className: 'field toggle' }, option, options.optionLabel) : null,
    error,
    h('div', { className: 'dialog-actions' }, dismiss, confirm),
  );
  const dialog = h('dialog', { className: 'dialog js-confirm-dialog', attrs: { ...hook('js-confirm-dialog'), 'aria-labelledby': 'js-confirm-title' } }, form);
  form.querySelector('h2')!.id = 'js-confirm-title';
  document.querySelector('#js-confirm-dialog')?.remove();
  document.body.append(dialog);

  let settle: (done: boolean) => void = () => {};
  const closed = new Promise<boolean>((resolve) => (settle = resolve));
  let running = false;

  function close(done: boolean): void {
    if (typeof dialog.close === 'function' && dialog.open) {
      dialog.close();
    }
    dialog.remove();
    settle(done);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (running) {
      return;
    }
    running = true;
    confirm.disabled = true;
    dismiss.disabled = true;
    option.disabled = true;
    error.hidden = true;
    options.action(reason.value.trim(), options.optionLabel !== undefined && option.checked).then(
      () => close(true),
      (failure: unknown) => {
        running = false;
        confirm.disabled = false;
        dismiss.disabled = false;
        option.disabled = false;
        error.textContent = describeError(options.failure, failure);
        error.hidden = false;
      },
    );
  });
  dismiss.addEventListener('click', () => close(false));
  // Escape: the browser cancels the dialog; not while the action runs
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    if (!running) {
      close(false);
    }
  });

  if (typeof dialog.showModal === 'function') {
    dialog.showModal();
  } else {
    dialog.setAttribute('open', '');
  }
  dismiss.focus();
  return { closed, dismiss: () => close(false) };
}
