import { h } from '../ui/dom';

export interface IssueRowData {
  elementId: string | null;
  severity: string;
  message: string;
  /** Small print after the element: the rule, a line number. */
  detail: string;
}

/**
 * A clickable problem row (lint issue, server problem): `hookName` as class and `data-testid`,
 * `data-element-id` and `data-severity`; Enter and Space click it too.
 */
export function issueRow(hookName: string, issue: IssueRowData, onClick: () => void): HTMLLIElement {
  const { elementId, severity, message, detail } = issue;
  const row = h(
    'li',
    { className: `issue issue-${severity}`, hook: hookName, dataset: { elementId: elementId ?? '', severity }, attrs: { tabindex: '0', role: 'button' } },
    h('span', { className: `severity severity-${severity}` }, severity),
    h('span', { className: 'issue-message' }, message),
    h('span', { className: 'mono muted small' }, [elementId, detail].filter(Boolean).join(' · ')),
  );
  row.addEventListener('click', onClick);
  row.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onClick();
    }
  });
  return row;
}
