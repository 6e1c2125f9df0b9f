import { ApiError, describeError, type BatonApi, type Variable } from '../api/client';
import { cell, h } from '../ui/dom';
import { formatDateTime } from '../ui/format';
import { displayValue, EDITABLE_TYPES, editableText, isEditableType, parseVariableValue, type EditableType } from './variable-value';

export interface VariablesOptions {
  instanceId: string;
  /** Ended instances show their variables read-only. */
  running: boolean;
  /** Called after a successful save, to reload the instance. */
  onSaved(name: string): void;
}

/**
 * The variables table: `js-variable-row` (data-name) with `js-edit-variable`; editing replaces
 * the row's cells with a typed input (`js-variable-type`, `js-variable-input`), `js-save-variable`
 * and the reason a value was refused (`js-variable-error`). Nothing is sent while it is invalid.
 */
export function variableRows(api: BatonApi, variables: readonly Variable[], options: VariablesOptions): HTMLTableRowElement[] {
  const sorted = [...variables].sort((a, b) => a.name.localeCompare(b.name));
  return sorted.map((variable) => {
    const row = h('tr', { hook: 'js-variable-row', dataset: { name: variable.name, type: variable.type } });
    showRow(api, row, variable, options);
    return row;
  });
}

function showRow(api: BatonApi, row: HTMLTableRowElement, variable: Variable, options: VariablesOptions): void {
  const value = displayValue(variable.type, variable.value);
  const shown = variable.type === 'Date' && typeof variable.value === 'string' ? formatDateTime(variable.value) : value;
  const action = h('td', { className: 'actions' });
  if (options.running && variable.editable) {
    const edit = h('button', { className: 'button button-small', hook: 'js-edit-variable', attrs: { type: 'button' } }, 'Edit');
    edit.addEventListener('click', () => showEditor(api, row, variable, options));
    action.append(edit);
  } else if (options.running) {
    action.append(h('span', { className: 'muted small', title: `${variable.type} values cannot be edited here` }, 'read-only'));
  }
  row.replaceChildren(
    cell(variable.name, 'mono'),
    cell(variable.type, 'muted'),
    h('td', { className: `value${variable.value === null ? ' muted' : ''}`, hook: 'js-variable-value', title: variable.type === 'Json' ? JSON.stringify(variable.value, null, 2) : value }, shown),
    action,
  );
  row.classList.remove('editing');
}

function showEditor(api: BatonApi, row: HTMLTableRowElement, variable: Variable, options: VariablesOptions): void {
  // one editor at a time: close any other
  row.closest('tbody')?.querySelectorAll<HTMLButtonElement>('.js-cancel-edit').forEach((button) => button.click());
  const startType: EditableType = isEditableType(variable.type) ? variable.type : 'String';
  const typeSelect = h(
    'select',
    { className: 'select', hook: 'js-variable-type', attrs: { 'aria-label': `Type of ${variable.name}` } },
    ...EDITABLE_TYPES.map((type) => h('option', { attrs: { value: type } }, type)),
  );
  typeSelect.value = startType;
  const error = h('p', { className: 'field-error', hook: 'js-variable-error', attrs: { role: 'alert' } });
  error.hidden = true;
  const save = h('button', { className: 'button button-primary button-small', hook: 'js-save-variable', attrs: { type: 'submit' } }, 'Save');
  const cancel = h('button', { className: 'button button-small', hook: 'js-cancel-edit', attrs: { type: 'button' } }, 'Cancel');
  const slot = h('span', { className: 'editor-input' });
  let input = valueInput(startType, editableText(startType, variable.value), variable.name);
  slot.append(input);

  typeSelect.addEventListener('change', () => {
    const text = input.value;
    input = valueInput(typeSelect.value as EditableType, text, variable.name);
    slot.replaceChildren(input);
    error.hidden = true;
  });
  const form = h('form', { className: 'variable-editor', attrs: { novalidate: '' } }, typeSelect, slot, save, cancel);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const type = typeSelect.value as EditableType;
    const parsed = parseVariableValue(type, input.value);
    if (!parsed.ok) {
      showError(parsed.message);
      return;
    }
    save.disabled = true;
    cancel.disabled = true;
    save.textContent = 'Saving…';
    api.setVariable(options.instanceId, variable.name, type, parsed.json).then(
      () => options.onSaved(variable.name),
      (failure: unknown) => {
        save.disabled = false;
        cancel.disabled = false;
        save.textContent = 'Save';
        // a 400's detail says what is wrong with the value, e.g. "'abc' is not an Integer"
        showError(failure instanceof ApiError && failure.status === 400 && failure.problem?.detail ? failure.problem.detail : describeError(`Could not save ${variable.name}`, failure));
      },
    );
  });
  cancel.addEventListener('click', () => showRow(api, row, variable, options));

  function showError(message: string): void {
    error.textContent = message;
    error.hidden = false;
    input.setAttribute('aria-invalid', 'true');
    input.focus();
  }

  row.classList.add('editing');
  row.replaceChildren(cell(variable.name, 'mono'), cell(variable.type, 'muted'), h('td', { attrs: { colspan: '2' } }, form, error));
  input.focus();
}

/** A text input for numbers and strings, a select for Boolean, a textarea for JSON. */
function valueInput(type: EditableType, text: string, name: string): HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement {
  const common = { hook: 'js-variable-input', attrs: { 'aria-label': `New value of ${name}` } };
  if (type === 'Boolean') {
    const select = h('select', { ...common, className: 'select' }, h('option', { attrs: { value: 'true' } }, 'true'), h('option', { attrs: { value: 'false' } }, 'false'));
    select.value = text === 'false' ? 'false' : 'true';
    return select;
  }
  if (type === 'Json' || text.includes('\n')) {
    const area = h('textarea', { ...common, className: 'input mono', attrs: { ...common.attrs, rows: '5', spellcheck: 'false' } });
    area.value = text;
    return area;
  }
  const input = h('input', {
    ...common,
    className: type === 'String' ? 'input' : 'input mono',
    attrs: { ...common.attrs, type: 'text', inputmode: type === 'Double' ? 'decimal' : type === 'String' ? 'text' : 'numeric', autocomplete: 'off' },
  });
  input.value = text;
  return input;
}
