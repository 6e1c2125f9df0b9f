import { describe, expect, it } from 'vitest';
import { elementLabel, flattenIssues } from './lint-issues';

describe('lint issues', () => {
  it('should carry each element name, sort errors first and fall back to the id when there is no name', () => {
    // given
    const names: Record<string, string> = { charge: 'Charge payment', gw: '  ' };
    const raw = {
      gw: [{ id: 'gw', message: 'Gateway is superfluous', category: 'warn', rule: 'superfluous-gateway' }],
      charge: [{ id: 'charge', message: 'Service task is bound to nothing', category: 'error', rule: 'baton/service-task-binding' }],
      label: [{ id: 'charge_label', actualElementId: 'flow', message: 'Flow', category: 'info', rule: 'x' }],
    };

    // when
    const issues = flattenIssues(raw, (id) => names[id]);

    // then
    expect(issues).toEqual([
      { elementId: 'charge', elementName: 'Charge payment', message: 'Service task is bound to nothing', severity: 'error', rule: 'baton/service-task-binding' },
      { elementId: 'gw', message: 'Gateway is superfluous', severity: 'warning', rule: 'superfluous-gateway' },
      { elementId: 'flow', message: 'Flow', severity: 'info', rule: 'x' },
    ]);
    expect(issues.map((issue) => elementLabel(issue.elementId, issue.elementName))).toEqual(['Charge payment', 'gw', 'flow']);
  });
});
