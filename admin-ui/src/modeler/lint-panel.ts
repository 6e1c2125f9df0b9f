import { h } from '../ui/dom';
import { plural } from '../ui/format';
import { issueRow } from './issue-row';
import { position } from './lint-issues';
import type { LintIssue } from './modeler';

const hook = (id: string) => `id="${id}" data-testid="${id}"`;

export const lintPanelTemplate = `
      <section class="modeler-box" ${hook('js-lint-panel')}>
        <h2 class="box-title">Problems <span class="lint-count" ${hook('js-lint-count')} data-errors="0" data-warnings="0">none</span></h2>
        <ul class="issue-list" ${hook('js-lint-issues')}></ul>
      </section>`;

/** "2 errors, 1 warning" or "none". */
export function issueSummary(issues: readonly { severity: string }[]): string {
  const errors = issues.filter((issue) => issue.severity === 'error').length;
  const warnings = issues.filter((issue) => issue.severity === 'warning').length;
  const infos = issues.length - errors - warnings;
  const parts = [errors ? plural(errors, 'error') : '', warnings ? plural(warnings, 'warning') : '', infos ? plural(infos, 'note') : ''].filter(Boolean);
  return parts.length ? parts.join(', ') : 'none';
}

export interface LintPanelEvents {
  /** A row was clicked: show its element. */
  onSelect(elementId: string): void;
}

/**
 * The live lint result (`js-lint-panel`): a count (`js-lint-count`) and a row per problem the
 * server's house rules found (`js-lint-issue`). It holds no state of its own beyond what it shows:
 * every import and every edit asks the server again and replaces the list.
 */
export class LintPanel {
  private readonly count: HTMLElement;
  private readonly list: HTMLElement;

  constructor(
    root: HTMLElement,
    private readonly events: LintPanelEvents,
  ) {
    this.count = root.querySelector<HTMLElement>('#js-lint-count')!;
    this.list = root.querySelector<HTMLElement>('#js-lint-issues')!;
  }

  show(issues: readonly LintIssue[]): void {
    const errors = issues.filter((issue) => issue.severity === 'error').length;
    const warnings = issues.filter((issue) => issue.severity === 'warning').length;
    this.count.textContent = issueSummary(issues);
    this.count.dataset.errors = String(errors);
    this.count.dataset.warnings = String(warnings);
    this.count.classList.toggle('has-errors', errors > 0);
    this.list.replaceChildren(
      ...issues.map((issue) =>
        issueRow(
          'js-lint-issue',
          {
            elementId: issue.elementId,
            elementName: issue.elementName,
            severity: issue.severity,
            message: issue.message,
            detail: [issue.rule, position(issue.line, issue.column)].filter(Boolean).join(' '),
          },
          () => {
            if (issue.elementId) {
              this.events.onSelect(issue.elementId);
            }
          },
        ),
      ),
    );
    if (issues.length === 0) {
      this.list.append(h('li', { className: 'muted issue-empty' }, 'No problems found'));
    }
  }

  /** The server could not be asked: say so instead of a list that may be stale. */
  showFailure(message: string): void {
    this.count.textContent = 'not checked';
    this.count.dataset.errors = '0';
    this.count.dataset.warnings = '0';
    this.count.classList.remove('has-errors');
    this.list.replaceChildren(h('li', { className: 'muted issue-empty', hook: 'js-lint-failure' }, message));
  }
}
