/**
 * Turns what an operator typed into a variable value of the chosen type, or says why it is not
 * one, before anything is sent. The server checks again; this is for a message under the field
 * instead of a round trip.
 */

export const EDITABLE_TYPES = ['String', 'Integer', 'Long', 'Double', 'Boolean', 'Json'] as const;
export type EditableType = (typeof EDITABLE_TYPES)[number];

export type ParsedValue = { ok: true; json: string } | { ok: false; message: string };

const INTEGER_MIN = -(2n ** 31n);
const INTEGER_MAX = 2n ** 31n - 1n;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;
const WHOLE_NUMBER = /^[+-]?\d+$/;
const DECIMAL_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function isEditableType(type: string): type is EditableType {
  return (EDITABLE_TYPES as readonly string[]).includes(type);
}

/**
 * The value as JSON text for `PUT /api/instances/{id}/variables/{name}`. Whole numbers keep all
 * their digits (a Long beyond 2^53 would lose some as a JavaScript number).
 */
export function parseVariableValue(type: EditableType, text: string): ParsedValue {
  const trimmed = text.trim();
  const shown = `'${text.length > 40 ? `${text.slice(0, 40)}…` : text}'`;
  switch (type) {
    case 'String':
      return { ok: true, json: JSON.stringify(text) };
    case 'Integer':
      return wholeNumber(trimmed, shown, 'an Integer', INTEGER_MIN, INTEGER_MAX, ' Use Long for larger numbers.');
    case 'Long':
      return wholeNumber(trimmed, shown, 'a Long', LONG_MIN, LONG_MAX, '');
    case 'Double': {
      if (trimmed === '') {
        return { ok: false, message: 'Enter a number, e.g. 3.14.' };
      }
      if (/^[+-]?\d+,\d+$/.test(trimmed)) {
        return { ok: false, message: `${shown} is not a Double: use a dot as the decimal separator, e.g. ${trimmed.replace(',', '.')}.` };
      }
      const value = Number(trimmed);
      if (!DECIMAL_NUMBER.test(trimmed) || !Number.isFinite(value)) {
        return { ok: false, message: `${shown} is not a Double (a finite number, e.g. 3.14 or 1e-3).` };
      }
      return { ok: true, json: JSON.stringify(value) };
    }
    case 'Boolean':
      if (trimmed === 'true' || trimmed === 'false') {
        return { ok: true, json: trimmed };
      }
      return { ok: false, message: `${shown} is not a Boolean: choose true or false.` };
    case 'Json':
      if (trimmed === '') {
        return { ok: false, message: 'Enter JSON, e.g. {"sku": "A-1"} or [1, 2].' };
      }
      try {
        // normalised, so the request body holds exactly one value
        return { ok: true, json: JSON.stringify(JSON.parse(trimmed)) };
      } catch (error) {
        return { ok: false, message: `Not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
      }
  }
}

function wholeNumber(text: string, shown: string, what: string, min: bigint, max: bigint, hint: string): ParsedValue {
  if (text === '') {
    return { ok: false, message: 'Enter a whole number, e.g. 42.' };
  }
  if (!WHOLE_NUMBER.test(text)) {
    return { ok: false, message: `${shown} is not ${what} (a whole number, e.g. 42).` };
  }
  const value = BigInt(text);
  if (value < min || value > max) {
    return { ok: false, message: `${shown} is not ${what}: it must be between ${min} and ${max}.${hint}` };
  }
  // BigInt drops a leading "+" and zeros, which JSON does not allow
  return { ok: true, json: value.toString() };
}

/** What the editor starts with for a variable's current value. */
export function editableText(type: EditableType, value: unknown): string {
  if (value === null || value === undefined) {
    return '';
  }
  if (type === 'Json') {
    return JSON.stringify(value, null, 2);
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** One line for the table: strings as they are, everything else as compact JSON. */
export function displayValue(type: string, value: unknown): string {
  if (value === null || value === undefined) {
    return 'null';
  }
  if (typeof value === 'string' && type !== 'Json') {
    return value;
  }
  return JSON.stringify(value);
}
