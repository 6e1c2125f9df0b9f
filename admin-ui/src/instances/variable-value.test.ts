import { describe, expect, it } from 'vitest';
import { displayValue, editableText, parseVariableValue } from './variable-value';

describe('parseVariableValue', () => {
  it.each([
    ['String', 'hello "you"', '"hello \\"you\\""'],
    ['String', '', '""'],
    ['Integer', '42', '42'],
    ['Integer', ' -7 ', '-7'],
    ['Integer', '+007', '7'],
    ['Integer', '2147483647', '2147483647'],
    ['Long', '9007199254740993', '9007199254740993'],
    ['Long', '-9223372036854775808', '-9223372036854775808'],
    ['Double', '3.14', '3.14'],
    ['Double', '-2', '-2'],
    ['Double', '1e-3', '0.001'],
    ['Double', '.5', '0.5'],
    ['Boolean', 'true', 'true'],
    ['Boolean', 'false', 'false'],
    ['Json', '{ "sku": "A-1", "qty": 2 }', '{"sku":"A-1","qty":2}'],
    ['Json', '[1, 2]', '[1,2]'],
    ['Json', 'null', 'null'],
  ] as const)('should accept %s %j as %s', (type, text, json) => {
    expect(parseVariableValue(type, text)).toEqual({ ok: true, json });
  });

  it.each([
    ['Integer', 'abc', "'abc' is not an Integer (a whole number, e.g. 42)."],
    ['Integer', '4.2', "'4.2' is not an Integer (a whole number, e.g. 42)."],
    ['Integer', '', 'Enter a whole number, e.g. 42.'],
    ['Integer', '2147483648', "'2147483648' is not an Integer: it must be between -2147483648 and 2147483647. Use Long for larger numbers."],
    ['Long', '9223372036854775808', "'9223372036854775808' is not a Long: it must be between -9223372036854775808 and 9223372036854775807."],
    ['Long', '1e3', "'1e3' is not a Long (a whole number, e.g. 42)."],
    ['Double', '1,5', "'1,5' is not a Double: use a dot as the decimal separator, e.g. 1.5."],
    ['Double', 'NaN', "'NaN' is not a Double (a finite number, e.g. 3.14 or 1e-3)."],
    ['Double', '1e400', "'1e400' is not a Double (a finite number, e.g. 3.14 or 1e-3)."],
    ['Double', '', 'Enter a number, e.g. 3.14.'],
    ['Boolean', 'yes', "'yes' is not a Boolean: choose true or false."],
    ['Json', '', 'Enter JSON, e.g. {"sku": "A-1"} or [1, 2].'],
  ] as const)('should refuse %s %j', (type, text, message) => {
    expect(parseVariableValue(type, text)).toEqual({ ok: false, message });
  });

  it('should say why text is not JSON', () => {
    // when
    const parsed = parseVariableValue('Json', '{"a": }');

    // then
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toMatch(/^Not valid JSON: /);
  });

  it('should shorten a long refused value in the message', () => {
    // when
    const parsed = parseVariableValue('Integer', 'x'.repeat(100));

    // then
    expect(!parsed.ok && parsed.message).toBe(`'${'x'.repeat(40)}…' is not an Integer (a whole number, e.g. 42).`);
  });
});

describe('variable text', () => {
  it('should start the editor with the current value', () => {
    expect(editableText('Json', { a: 1 })).toBe('{\n  "a": 1\n}');
    expect(editableText('String', 'plain')).toBe('plain');
    expect(editableText('Integer', 42)).toBe('42');
    expect(editableText('String', null)).toBe('');
  });

  it('should show values on one line', () => {
    expect(displayValue('String', 'plain')).toBe('plain');
    expect(displayValue('Json', { a: [1, 2] })).toBe('{"a":[1,2]}');
    expect(displayValue('Json', 'text in json')).toBe('"text in json"');
    expect(displayValue('Null', null)).toBe('null');
    expect(displayValue('Boolean', false)).toBe('false');
  });
});
