import { describe, expect, it } from 'vitest';
import { elementLabel, position, serverIssues } from './lint-issues';

describe('lint issues', () => {
  it('should keep every server problem as it was said, errors first, with the element name when there is one', () => {
    // given
    const names: Record<string, string> = { charge: 'Charge payment', gw: '  ' };
    const problems = [
      { rule: 'save-point-opt-out', elementId: 'gw', message: 'opts out', severity: 'warning' },
      { rule: 'java-class', elementId: 'charge', message: 'calls Java class', severity: 'error' },
      { rule: 'parse', elementId: null, message: 'Not valid BPMN', severity: 'error', line: 3, column: 14 },
    ];

    // when
    const issues = serverIssues(problems, (id) => names[id]);

    // then
    expect(issues).toEqual([
      { elementId: 'charge', elementName: 'Charge payment', message: 'calls Java class', severity: 'error', rule: 'java-class' },
      { elementId: null, message: 'Not valid BPMN', severity: 'error', rule: 'parse', line: 3, column: 14 },
      { elementId: 'gw', message: 'opts out', severity: 'warning', rule: 'save-point-opt-out' },
    ]);
    expect(issues.map((issue) => elementLabel(issue.elementId, issue.elementName))).toEqual(['Charge payment', '', 'gw']);
    expect(position(3, 14)).toBe('line 3:14');
  });
});
