/** The server's lint answer as the modeler screen lists it. bpmn-js-free, so it is unit-tested. */
import type { LintProblem } from '../api/client';
import type { LintIssue, Severity } from './modeler';

function severity(value: string): Severity {
  return value === 'error' || value === 'warning' ? value : 'info';
}

/**
 * The server's problems, each as it said it (rule, element, message, severity, line, column),
 * errors first and otherwise in the server's order, each with its element's name (from `nameOf`,
 * e.g. the element registry) when the element has one.
 */
export function serverIssues(problems: readonly LintProblem[], nameOf: (elementId: string) => string | undefined = () => undefined): LintIssue[] {
  const order: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  return problems
    .map((problem): LintIssue => {
      const elementId = problem.elementId ?? null;
      const elementName = elementId ? nameOf(elementId)?.trim() : undefined;
      return {
        elementId,
        ...(elementName ? { elementName } : {}),
        message: problem.message,
        severity: severity(problem.severity),
        rule: problem.rule,
        ...(problem.line ? { line: problem.line } : {}),
        ...(problem.column ? { column: problem.column } : {}),
      };
    })
    .sort((a, b) => order[a.severity] - order[b.severity]);
}

/** How a problem names its element: by name, or by id when it has none. */
export function elementLabel(elementId: string | null, elementName?: string): string {
  return elementName?.trim() || elementId || '';
}

/** Where a problem is in the file: "line 3:14", or empty. */
export function position(line?: number | null, column?: number | null): string {
  return line ? `line ${line}${column ? `:${column}` : ''}` : '';
}
