import { h } from '../ui/dom';
import { elementLabel } from './lint-issues';

export interface IssueRowData {
  elementId: string | null;
  /** The element's name; the row shows it instead of the id when there is one. */
  elementName?: string;
  severity: string;
  message: string;
  /** Small print after the element: the rule, a line number. */
  detail: string;
}

/**
 * A clickable problem row (lint issue, server problem): `hookName` as class and `data-testid`,
 * `data-element-id` and `data-severity`; the element named by its name (`js-issue-element`, the id
 * when it has none, the id as its tooltip). Enter and Space click it too.
 */
export function issueRow(hookName: string, issue: IssueRowData, onClick: () => void): HTMLLIElement {
  const { elementId, elementName, severity, message, detail } = issue;
  const label = elementLabel(elementId, elementName);
  const row = h(
    'li',
    { className: `issue issue-${severity}`, hook: hookName, dataset: { elementId: elementId ?? '', severity }, attrs: { tabindex: '0', role: 'button' } },
    h('span', { className: `severity severity-${severity}` }, severity),
    h('span', { className: 'issue-message' }, message),
    h(
      'span',
      { className: 'muted small' },
      label ? h('span', { className: 'issue-element', hook: 'js-issue-element', title: elementId ?? undefined }, label) : null,
      label && detail ? ' · ' : null,
      detail ? h('span', { className: 'mono' }, detail) : null,
    ),
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
