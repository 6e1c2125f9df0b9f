import { describeError, isAbort, type BatonApi, type MigrationDryRun, type MigrationProblem, type MigrationStarted } from '../api/client';
import { href } from '../router';
import { cell, h } from '../ui/dom';
import { formatCount, plural } from '../ui/format';

export const PROGRESS_POLL_MS = 1_000;

/** A problem in words, on its activity when it names one. */
export function problemText(problem: MigrationProblem): string {
  return problem.sourceActivityId ? `${problem.sourceActivityId}: ${problem.message}` : problem.message;
}

/** The dry run's answer: the counts (`js-dry-run-summary`) and a row per failing instance (`js-dry-run-row`). */
export function showDryRun(summary: HTMLElement, body: HTMLElement, result: MigrationDryRun): void {
  const failing = result.failing.length;
  summary.textContent =
    result.total === 0
      ? 'No running instance of the source version is selected.'
      : `${plural(result.total, 'instance')} selected: ${formatCount(result.total - failing)} would migrate, ${formatCount(failing)} would fail. Nothing was changed.`;
  body.replaceChildren(
    ...result.failing.map((instance) =>
      h(
        'tr',
        { hook: 'js-dry-run-row', dataset: { instanceId: instance.instanceId } },
        h('td', { className: 'mono' }, h('a', { href: href(['instances', instance.instanceId]) }, instance.instanceId)),
        cell(instance.problems.map(problemText).join(' · '), 'message'),
      ),
    ),
  );
}

/**
 * Follows a started migration batch until it ends: a `<progress>` (`js-migration-bar`), a summary
 * (`js-migration-summary`) and, once done, a link to the target version (`js-migration-target-link`).
 */
export async function followMigration(
  api: BatonApi,
  started: MigrationStarted,
  elements: { bar: HTMLProgressElement; summary: HTMLElement; link: HTMLAnchorElement; targetLabel: string },
  signal: AbortSignal,
  pollMs = PROGRESS_POLL_MS,
): Promise<void> {
  const { bar, summary, link, targetLabel } = elements;
  bar.max = Math.max(1, started.total);
  bar.value = 0;
  link.hidden = true;
  summary.textContent = `Migrating ${plural(started.total, 'instance')} to ${targetLabel} (batch ${started.batchId})…`;
  while (!signal.aborted) {
    try {
      const progress = await api.getMigrationProgress(started.batchId, signal);
      if (progress.finished) {
        bar.value = bar.max;
        summary.textContent = `Done: ${plural(started.total, 'instance')} migrated to ${targetLabel}.`;
        link.hidden = false;
        return;
      }
      bar.value = progress.done;
      summary.textContent = `${formatCount(progress.done)} of ${plural(started.total, 'instance')} migrated to ${targetLabel}${progress.failed > 0 ? `, ${formatCount(progress.failed)} failed` : ''}…`;
    } catch (failure) {
      if (isAbort(failure)) {
        return;
      }
      summary.textContent = describeError('Could not read the batch progress', failure);
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
