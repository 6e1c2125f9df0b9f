import { ApiError, describeError, type BatonApi, type DeploymentResult, type LintProblem } from '../api/client';
import { byId } from '../ui/dom';
import { plural } from '../ui/format';
import { issueRow } from './issue-row';
import { issueSummary } from './lint-panel';
import type { LintIssue, ModelerView } from './modeler';

type DeployedDefinition = DeploymentResult['definitions'][number];

const hook = (id: string) => `id="${id}" data-testid="${id}"`;

export const deployPanelTemplate = `
      <section class="modeler-box" ${hook('js-deploy-panel')}>
        <h2 class="box-title">Deploy</h2>
        <div class="deploy-form">
          <label class="field"><span class="field-label">Version tag (optional)</span>
            <input class="input" ${hook('js-version-tag')} maxlength="255" placeholder="e.g. 2026.11" /></label>
          <label class="field"><span class="field-label">Note (optional)</span>
            <input class="input" ${hook('js-deploy-note')} maxlength="500" placeholder="what changed" /></label>
          <div class="deploy-actions">
            <button type="button" class="button button-primary" ${hook('js-deploy')}>Deploy</button>
            <span class="muted small" ${hook('js-deploy-lint-summary')}></span>
          </div>
        </div>
        <div class="alert" ${hook('js-deploy-result')} role="status" hidden></div>
        <ul class="issue-list" ${hook('js-deploy-problems')} hidden></ul>
      </section>`;

export interface DeployPanelEvents {
  /** The editor, once it is loaded. */
  view(): ModelerView | undefined;
  /** A problem row was clicked: show its element. */
  onSelect(elementId: string): void;
  /** The server took the diagram: `definition` is the version it is now. */
  onDeployed(definition: DeployedDefinition): void;
}

/**
 * Deploy box (`js-deploy-panel`): version tag and note, Deploy, what the live lint found, the result
 * and the server's problems per element. {@link reset} forgets all of it: what was typed here
 * belongs to the diagram it was typed for. A deployment that made a new version clears the tag
 * and note too (they described that version); one that changed nothing keeps them.
 */
export class DeployPanel {
  private readonly deployButton: HTMLButtonElement;
  private readonly result: HTMLElement;
  private readonly problems: HTMLElement;

  constructor(
    private readonly root: HTMLElement,
    private readonly api: BatonApi,
    private readonly events: DeployPanelEvents,
  ) {
    this.deployButton = byId<HTMLButtonElement>(root, 'js-deploy');
    this.result = byId(root, 'js-deploy-result');
    this.problems = byId(root, 'js-deploy-problems');
    this.deployButton.addEventListener('click', () => void this.deploy());
  }

  /**
   * Another diagram is open: the version tag and note typed for the previous one, its result and
   * its problems go, so the next deployment cannot carry them to the wrong process.
   */
  reset(): void {
    this.clearInputs();
    this.clearResult();
  }

  private clearInputs(): void {
    this.input('js-version-tag').value = '';
    this.input('js-deploy-note').value = '';
  }

  /** What the server's lint found in the draft, next to the Deploy button. */
  showLintSummary(issues: readonly LintIssue[]): void {
    byId(this.root, 'js-deploy-lint-summary').textContent = issues.length ? `Problems: ${issueSummary(issues)}` : '';
  }

  private input(id: string): HTMLInputElement {
    return byId<HTMLInputElement>(this.root, id);
  }

  private clearResult(): void {
    this.result.hidden = true;
    this.problems.hidden = true;
    this.problems.replaceChildren();
  }

  private say(kind: 'success' | 'error' | 'info', text: string, version?: number): void {
    this.result.className = `alert alert-${kind}`;
    this.result.textContent = text;
    if (version === undefined) {
      delete this.result.dataset.version;
    } else {
      this.result.dataset.version = String(version);
    }
    this.result.hidden = false;
  }

  private showProblems(problems: readonly LintProblem[]): void {
    this.problems.replaceChildren(
      ...problems.map((problem) => {
        const where = problem.line ? `line ${problem.line}${problem.column ? `:${problem.column}` : ''}` : '';
        return issueRow(
          'js-deploy-problem',
          {
            elementId: problem.elementId,
            elementName: problem.elementId ? this.events.view()?.elementName(problem.elementId) : undefined,
            severity: problem.severity,
            message: problem.message,
            detail: [problem.rule, where].filter(Boolean).join(' '),
          },
          () => {
            if (problem.elementId) {
              this.events.onSelect(problem.elementId);
            }
          },
        );
      }),
    );
    this.problems.hidden = problems.length === 0;
  }

  private async deploy(): Promise<void> {
    const view = this.events.view();
    if (!view) {
      return;
    }
    const key = view.processKey();
    if (!key) {
      this.say('error', 'The diagram has no process to deploy');
      return;
    }
    this.deployButton.disabled = true;
    this.deployButton.textContent = 'Deploying…';
    this.clearResult();
    try {
      const xml = await view.saveXml();
      const deployed = await this.api.deploy({
        xml,
        fileName: `${key}.bpmn`,
        versionTag: this.input('js-version-tag').value.trim() || undefined,
        note: this.input('js-deploy-note').value.trim() || undefined,
      });
      const definition = deployed.definitions.find((candidate) => candidate.key === key) ?? deployed.definitions[0];
      if (deployed.changed) {
        this.say('success', `Deployed ${definition?.key ?? key} as version ${definition?.version ?? '?'}`, definition?.version);
        // they describe the version just made; the next one gets its own
        this.clearInputs();
      } else {
        this.say('info', `No changes: version ${definition?.version ?? '?'} stays current`, definition?.version);
      }
      view.markClean();
      if (definition) {
        this.events.onDeployed(definition);
      }
    } catch (failure) {
      const problems = failure instanceof ApiError ? failure.problem?.problems : undefined;
      if (problems && problems.length > 0) {
        this.say('error', `The server did not deploy the diagram: ${plural(problems.length, 'problem')}`);
        this.showProblems(problems);
      } else {
        this.say('error', describeError('Could not deploy', failure));
      }
    } finally {
      this.deployButton.disabled = false;
      this.deployButton.textContent = 'Deploy';
    }
  }
}
