import { describeError, type BatonApi, type DefinitionVersion, type MigrationFilter, type MigrationProblem, type MigrationRequest, type ProcessDefinitionDetail } from '../api/client';
import { can, currentUser } from '../api/permissions';
import { activityLabel, type DiagramActivity, type DiagramView } from '../diagram/diagram';
import { DiagramPanel } from '../diagram/diagram-panel';
import { href, type Route } from '../router';
import type { Screen } from '../screen';
import { confirmAction, type OpenDialog } from '../ui/confirm-dialog';
import { instanceQueryOf } from '../instances/instance-filters';
import { byId, cell, h, showMessages } from '../ui/dom';
import { plural } from '../ui/format';
import { generalProblems, instructionsOf, mappingOf, mappingRows, type MappingRow } from './mapping';
import { followMigration, problemText, showDryRun } from './migration-run';
import { template } from './migration-template';

/**
 * The instance list's filters carried in the address (`#/migrations?source=…&activityId=…`, as the
 * list's "Migrate…" links them), without the process and paging, and without empty ones.
 */
export function migrationFilterOf(query: URLSearchParams): MigrationFilter {
  const { definitionKey: _key, definitionVersion: _version, page: _page, size: _size, sort: _sort, ...filter } = instanceQueryOf(query);
  return Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined)) as MigrationFilter;
}

/** `business key starts with "claim-", at step review` for the page and the confirmation. */
function describeFilter(filter: MigrationFilter): string {
  const parts: string[] = [];
  if (filter.state) parts.push(`state ${filter.state}`);
  if (filter.businessKey) parts.push(`business key "${filter.businessKey}"`);
  if (filter.businessKeyPrefix) parts.push(`business key starts with "${filter.businessKeyPrefix}"`);
  if (filter.activityId) parts.push(`at step ${filter.activityId}`);
  if (filter.startedAfter) parts.push(`started after ${filter.startedAfter}`);
  if (filter.startedBefore) parts.push(`started before ${filter.startedBefore}`);
  if (filter.variableName) parts.push(`variable ${filter.variableName} = ${filter.variableValue ?? ''}`);
  if (filter.parentInstanceId) parts.push(`called by ${filter.parentInstanceId}`);
  if (filter.rootOnly) parts.push('root instances only');
  return parts.join(', ');
}

/**
 * Migrates running instances of one version (`#/migrations?source=<id>&target=<id>`): the source
 * and target diagrams side by side with each mapping numbered on both, a table to change or add
 * mappings, Validate (Camunda's plan validation, each problem on its activity), Dry run, and
 * Migrate as a batch whose progress shows until it ends.
 */
export function mountMigrationPage(container: HTMLElement, api: BatonApi, route: Route): () => void {
  const sourceId = route.query.get('source') ?? '';
  const listFilter = migrationFilterOf(route.query);
  container.innerHTML = template;
  const find = <T extends HTMLElement = HTMLElement>(id: string) => byId<T>(container, id);
  find<HTMLInputElement>('js-filter-prefix').value = listFilter.businessKeyPrefix ?? '';
  // the instance list's selected rows (`ids=a,b`), one per line
  find<HTMLTextAreaElement>('js-instance-ids').value = (route.query.get('ids') ?? '').split(',').filter(Boolean).join('\n');
  const carried = describeFilter({ ...listFilter, businessKeyPrefix: undefined });
  find('js-list-filter').textContent = `From the instance list: only those with ${carried}.`;
  find('js-list-filter').hidden = carried === '';
  const sourcePanel = new DiagramPanel('js-source');
  const targetPanel = new DiagramPanel('js-target');
  find('js-source-slot').replaceWith(sourcePanel.element);
  find('js-target-slot').replaceWith(targetPanel.element);
  const picker = find<HTMLSelectElement>('js-migration-target');
  const stop = new AbortController();
  let source: ProcessDefinitionDetail | undefined;
  let versions: DefinitionVersion[] = [];
  let sourceView: DiagramView | undefined;
  let targetView: DiagramView | undefined;
  let mapping = new Map<string, string>();
  let problems: MigrationProblem[] = [];
  let dialog: OpenDialog | undefined;

  const error = (message: string | undefined) => showMessages(find('js-error'), message ? [message] : []);
  const status = (text: string) => (find('js-plan-status').textContent = text);
  const targetId = () => picker.value;
  const labelOf = (id: string) => `v${versions.find((version) => version.id === id)?.version ?? '?'}`;

  function rows(): MappingRow[] {
    return mappingRows(sourceView?.activities() ?? [], mapping, problems);
  }

  function render(): void {
    const current = rows();
    const targets = [...(targetView?.activities() ?? [])].sort((a, b) => a.x - b.x);
    find('js-mapping-rows').replaceChildren(...current.map((row) => mappingRow(row, targets)));
    showMessages(find('js-plan-problems'), generalProblems(sourceView?.activities() ?? [], problems).map(problemText));
    paint(current);
  }

  function mappingRow(row: MappingRow, targets: DiagramActivity[]): HTMLTableRowElement {
    const select = h('select', { className: 'select', hook: 'js-mapping-target', attrs: { 'aria-label': `Target of ${activityLabel(row.source, row.source.id)}` } }, h('option', { attrs: { value: '' } }, '— not mapped —'));
    select.append(...targets.map((target) => h('option', { attrs: { value: target.id } }, `${activityLabel(target, target.id)} (${target.id})`)));
    select.value = row.target ?? '';
    select.addEventListener('change', () => {
      if (select.value) {
        mapping.set(row.source.id, select.value);
      } else {
        mapping.delete(row.source.id);
      }
      problems = [];
      status('Mapping changed: validate it before running.');
      render();
    });
    return h(
      'tr',
      { hook: 'js-mapping-row', className: row.problems.length ? 'row-problem' : undefined, dataset: { sourceActivityId: row.source.id } },
      cell(row.number === null ? '' : String(row.number), 'num'),
      cell(`${activityLabel(row.source, row.source.id)} (${row.source.id})`),
      h('td', null, select),
      h('td', { className: 'message', hook: 'js-mapping-problems' }, row.problems.map((problem) => problem.message).join(' · ')),
    );
  }

  function paint(current: MappingRow[]): void {
    sourceView?.clearBadges();
    targetView?.clearBadges();
    for (const row of current) {
      sourceView?.removeMarker(row.source.id, 'migration-problem');
      if (row.number !== null) {
        sourceView?.addBadge(row.source.id, numberBadge(row.number, row.source.id), 'top-right');
        targetView?.addBadge(row.target!, numberBadge(row.number, row.target!), 'top-right');
      }
      if (row.problems.length) {
        sourceView?.addMarker(row.source.id, 'migration-problem');
        const title = row.problems.map((problem) => problem.message).join('\n');
        sourceView?.addBadge(row.source.id, h('span', { className: 'diagram-badge diagram-badge-incidents', hook: 'js-problem-badge', title, dataset: { activityId: row.source.id } }, '!'), 'bottom-right');
      }
    }
  }

  async function showTarget(): Promise<void> {
    targetView?.destroy();
    targetView = undefined;
    problems = [];
    find<HTMLAnchorElement>('js-migration-target-link').href = href(['processes', targetId()]);
    try {
      const [xml, plan] = await Promise.all([api.getDefinitionXml(targetId(), stop.signal), api.planMigration(sourceId, targetId())]);
      targetView = await targetPanel.show(xml);
      mapping = mappingOf(plan.instructions);
      status(`Proposed: ${plural(plan.instructions.length, 'activity', 'activities')} mapped to the activity with the same id in ${labelOf(targetId())}.`);
      error(undefined);
    } catch (failure) {
      error(describeError('Could not propose a mapping', failure));
    }
    render();
  }

  function request(): MigrationRequest {
    const ids = find<HTMLTextAreaElement>('js-instance-ids').value.split(/\s+/).filter(Boolean);
    const prefix = find<HTMLInputElement>('js-filter-prefix').value.trim();
    const base = { sourceDefinitionId: sourceId, targetDefinitionId: targetId(), instructions: instructionsOf(rows()) };
    return ids.length ? { ...base, instanceIds: ids } : { ...base, filter: { ...listFilter, businessKeyPrefix: prefix || undefined } };
  }

  function selection(request: MigrationRequest): string {
    if (request.instanceIds) {
      return plural(request.instanceIds.length, 'selected instance');
    }
    const from = `${source?.name || source?.key} ${labelOf(sourceId)}`;
    const filter = describeFilter(request.filter ?? {});
    return filter ? `the running instances of ${from} with ${filter}` : `all ${plural(source?.runningInstances ?? 0, 'running instance')} of ${from}`;
  }

  find('js-validate').addEventListener('click', async () => {
    try {
      const plan = await api.planMigration(sourceId, targetId(), instructionsOf(rows()));
      problems = plan.problems;
      status(problems.length ? `${plural(problems.length, 'problem')}: the plan cannot run as it is.` : 'The plan is valid.');
      error(undefined);
      render();
    } catch (failure) {
      error(describeError('Could not validate the plan', failure));
    }
  });

  find('js-dry-run').addEventListener('click', async () => {
    try {
      const result = await api.dryRunMigration(request());
      find('js-dry-run-result').hidden = false;
      showDryRun(find('js-dry-run-summary'), find('js-dry-run-failing'), result);
      error(undefined);
    } catch (failure) {
      error(describeError('Dry run failed', failure));
    }
  });

  find('js-migrate').addEventListener('click', () => {
    const body = request();
    let started: Awaited<ReturnType<BatonApi['startMigration']>> | undefined;
    dialog = confirmAction({
      title: 'Migrate instances',
      text: `Migrate ${selection(body)} to ${labelOf(targetId())}? Each moves with the mapping shown; this cannot be undone by Baton.`,
      confirmLabel: 'Migrate',
      failure: 'Could not start the migration',
      action: async () => {
        started = await api.startMigration(body);
      },
    });
    void dialog.closed.then((succeeded) => {
      dialog = undefined;
      if (succeeded && started) {
        find('js-migration-progress').hidden = false;
        const elements = { bar: find<HTMLProgressElement>('js-migration-bar'), summary: find('js-migration-summary'), link: find<HTMLAnchorElement>('js-migration-target-link'), targetLabel: labelOf(targetId()) };
        void followMigration(api, started, elements, stop.signal);
      }
    });
  });

  picker.addEventListener('change', () => {
    history.replaceState(null, '', href(['migrations'], { source: sourceId, target: targetId() }));
    void showTarget();
  });

  async function load(): Promise<void> {
    try {
      source = await api.getDefinition(sourceId, stop.signal);
      find('js-migration-title').textContent = `Migrate ${source.name || source.key} v${source.version}`;
      find<HTMLAnchorElement>('js-migration-back').href = href(['processes', sourceId]);
      versions = await api.getDefinitionVersions(source.key, stop.signal);
      const others = versions.filter((version) => version.id !== sourceId);
      picker.replaceChildren(...others.map((version) => h('option', { attrs: { value: version.id } }, `v${version.version}${version.versionTag ? ` · ${version.versionTag}` : ''}`)));
      if (others.length === 0) {
        error('This process has no other version to migrate to.');
        return;
      }
      picker.value = others.some((version) => version.id === route.query.get('target')) ? route.query.get('target')! : others[0]!.id;
      sourceView = await sourcePanel.show(await api.getDefinitionXml(sourceId, stop.signal));
      await showTarget();
    } catch (failure) {
      error(describeError('Could not load the versions to migrate between', failure));
    }
  }

  currentUser(api).then(
    (user) => {
      const allowed = can(user.roles ?? [], 'migrateInstances');
      for (const id of ['js-validate', 'js-dry-run', 'js-migrate']) {
        find(id).hidden = !allowed;
      }
    },
    () => undefined,
  );
  void load();

  return () => {
    stop.abort();
    dialog?.dismiss();
    sourcePanel.destroy();
    targetPanel.destroy();
  };
}

function numberBadge(number: number, activityId: string): HTMLElement {
  return h('span', { className: 'diagram-badge diagram-badge-mapping', hook: 'js-mapping-badge', title: `Mapping ${number}`, dataset: { activityId } }, String(number));
}

export const migrationScreen: Screen = {
  section: 'processes',
  title: 'Migrate instances',
  matches: (route) => route.path.length === 1 && route.path[0] === 'migrations',
  mount: (container, api, route) => ({ unmount: mountMigrationPage(container, api, route) }),
};
