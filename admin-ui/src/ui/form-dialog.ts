import { describeError } from '../api/client';
import { h } from './dom';
import type { OpenDialog } from './confirm-dialog';

export interface FormDialogOptions {
  /** The dialog's test hook (`id` and `data-testid`). */
  id: string;
  title: string;
  /** What the form does, in words. */
  text?: string;
  /** The inputs, each usually a `.field` label. */
  fields: Node[];
  submitLabel: string;
  danger?: boolean;
  /** What a failure is called, e.g. "Could not create the user". */
  failure: string;
  /** Runs on submit; the dialog closes once it succeeded, a failure shows inside it. */
  action(): Promise<void>;
}

/**
 * A modal form (`<dialog>`) with `js-form-submit` and `js-form-dismiss`; like the confirmation
 * dialog it closes only after its action succeeded, so a refusal (a weak password, a taken id) can
 * be read and corrected.
 */
export function formDialog(options: FormDialogOptions): OpenDialog {
  const hook = (id: string) => ({ id, 'data-testid': id });
  const error = h('div', { className: 'alert alert-error', attrs: { ...hook('js-form-error'), role: 'alert' } });
  error.hidden = true;
  const submit = h('button', { className: options.danger ? 'button button-danger' : 'button button-primary', attrs: { ...hook('js-form-submit'), type: 'submit' } }, options.submitLabel);
  const dismiss = h('button', { className: 'button', attrs: { ...hook('js-form-dismiss'), type: 'button' } }, 'Cancel');
  const form = h(
    'form',
    { attrs: { method: 'dialog' } },
    h('h2', { className: 'dialog-title' }, options.title),
    options.text ? h('p', { className: 'dialog-text' }, options.text) : null,
    ...options.fields,
    error,
    h('div', { className: 'dialog-actions' }, dismiss, submit),
  );
  const dialog = h('dialog', { className: 'dialog', attrs: hook(options.id) }, form);
  document.querySelector(`#${options.id}`)?.remove();
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
    submit.disabled = true;
    error.hidden = true;
    options.action().then(
      () => close(true),
      (failure: unknown) => {
        running = false;
        submit.disabled = false;
        error.textContent = describeError(options.failure, failure);
        error.hidden = false;
      },
    );
  });
  dismiss.addEventListener('click', () => close(false));
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
  form.querySelector<HTMLElement>('input, select, textarea')?.focus();
  return { closed, dismiss: () => close(false) };
}

/** A labelled input inside a `.field`; `id` is its test hook. */
export function inputField(label: string, id: string, attrs: Record<string, string> = {}): { field: HTMLLabelElement; input: HTMLInputElement } {
  const input = h('input', { className: 'input', attrs: { id, 'data-testid': id, ...attrs } });
  return { field: h('label', { className: 'field' }, h('span', { className: 'field-label' }, label), input), input };
}

/** One checkbox per role; `checked()` lists the ticked ones in order. */
export function roleChoice(roles: readonly string[], ticked: readonly string[] = []): { field: HTMLElement; checked(): string[] } {
  const boxes = roles.map((role) => {
    const box = h('input', { attrs: { type: 'checkbox', value: role, id: `js-role-${role}`, 'data-testid': `js-role-${role}` } });
    box.checked = ticked.includes(role);
    return { role, box, label: h('label', { className: 'toggle' }, box, ` ${role}`) };
  });
  return {
    field: h('fieldset', { className: 'field' }, h('legend', { className: 'field-label' }, 'Roles'), ...boxes.map((b) => b.label)),
    checked: () => boxes.filter((b) => b.box.checked).map((b) => b.role),
  };
}

/**
 * Shows a secret once (`js-secret-dialog`): the value in a read-only field (`js-secret`), a copy
 * button and a warning that it cannot be shown again.
 */
export function showSecretOnce(title: string, text: string, secret: string): OpenDialog {
  const hook = (id: string) => ({ id, 'data-testid': id });
  const value = h('input', { className: 'input mono secret-input', attrs: { ...hook('js-secret'), readonly: '', value: secret, 'aria-label': 'Key' } });
  const copied = h('span', { className: 'muted', attrs: { ...hook('js-secret-copied'), 'aria-live': 'polite' } });
  const copy = h('button', { className: 'button', attrs: { ...hook('js-secret-copy'), type: 'button' } }, 'Copy');
  const done = h('button', { className: 'button button-primary', attrs: { ...hook('js-secret-done'), type: 'button' } }, 'I have stored it');
  const dialog = h(
    'dialog',
    { className: 'dialog', attrs: hook('js-secret-dialog') },
    h('h2', { className: 'dialog-title' }, title),
    h('p', { className: 'dialog-text' }, text),
    h('div', { className: 'alert alert-warning', attrs: { role: 'note' } }, 'This key is shown only now: Baton keeps only its hash. Copy it to the worker’s configuration before closing.'),
    h('div', { className: 'field-group' }, value, copy),
    copied,
    h('div', { className: 'dialog-actions' }, done),
  );
  document.querySelector('#js-secret-dialog')?.remove();
  document.body.append(dialog);
  let settle: (done: boolean) => void = () => {};
  const closed = new Promise<boolean>((resolve) => (settle = resolve));
  function close(): void {
    value.value = '';
    if (typeof dialog.close === 'function' && dialog.open) {
      dialog.close();
    }
    dialog.remove();
    settle(true);
  }
  copy.addEventListener('click', () => {
    value.select();
    const written = navigator.clipboard?.writeText(secret);
    if (written) {
      written.then(
        () => (copied.textContent = 'Copied'),
        () => (copied.textContent = 'Copy failed: select the key and copy it by hand'),
      );
    } else {
      copied.textContent = 'Select the key and copy it by hand';
    }
  });
  done.addEventListener('click', close);
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    close();
  });
  if (typeof dialog.showModal === 'function') {
    dialog.showModal();
  } else {
    dialog.setAttribute('open', '');
  }
  value.select();
  return { closed, dismiss: close };
}
