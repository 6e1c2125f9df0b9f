/** bpmn-js-bpmnlint's issues as the modeler screen lists them. bpmn-js-free, so it is unit-tested. */
import type { LintIssue, Severity } from './modeler';

/** One issue as bpmn-js-bpmnlint reports it (grouped by the element it shows on). */
export interface RawIssue {
  id: string;
  actualElementId?: string;
  message: string;
  category: string;
  rule: string;
}

function severity(category: string): Severity {
  if (category === 'warn') {
    return 'warning';
  }
  return category === 'info' ? 'info' : 'error';
}

/**
 * A flat list, errors first, each issue with its element's name (from `nameOf`, e.g. the element
 * registry) when the element has one.
 */
export function flattenIssues(issues: Record<string, RawIssue[]>, nameOf: (elementId: string) => string | undefined = () => undefined): LintIssue[] {
  const order: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  return Object.values(issues)
    .flat()
    .map((issue) => {
      const elementId = issue.actualElementId ?? issue.id;
      const elementName = nameOf(elementId)?.trim();
      return {
        elementId,
        ...(elementName ? { elementName } : {}),
        message: issue.message,
        severity: severity(issue.category),
        rule: issue.rule,
      };
    })
    .sort((a, b) => order[a.severity] - order[b.severity] || a.elementId.localeCompare(b.elementId));
}

/** How a problem names its element: by name, or by id when it has none. */
export function elementLabel(elementId: string | null, elementName?: string): string {
  return elementName?.trim() || elementId || '';
}
