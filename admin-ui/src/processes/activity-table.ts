import type { ActivityStatistics } from '../api/client';
import { activityLabel, type DiagramActivity } from '../diagram/diagram';
import { countBadge } from '../ui/badges';
import { cell, h } from '../ui/dom';
import { formatCount, formatDuration } from '../ui/format';

/** Where a step's instances are listed; undefined until the definition is known. */
export type StepLink = (activityId: string, state?: 'INCIDENT') => string | undefined;

/** One activity of a definition: where it is drawn (if it is) and what the statistics say. */
export interface ActivityRow {
  id: string;
  label: string;
  stats: ActivityStatistics;
}

function zero(activityId: string): ActivityStatistics {
  return { activityId, running: 0, incidents: 0, passed: 0, p50Millis: null, p95Millis: null };
}

/**
 * The diagram's activities in reading order (left to right, then top to bottom) with their
 * statistics, then any activity the statistics know and the diagram does not draw (e.g. a
 * multi-instance body).
 */
export function activityRows(drawn: readonly DiagramActivity[], statistics: readonly ActivityStatistics[]): ActivityRow[] {
  const byId = new Map(statistics.map((stats) => [stats.activityId, stats]));
  const ordered = [...drawn].sort((a, b) => a.x - b.x || a.y - b.y);
  const rows = ordered.map((activity) => ({
    id: activity.id,
    label: activityLabel(activity, activity.id),
    stats: byId.get(activity.id) ?? zero(activity.id),
  }));
  const drawnIds = new Set(drawn.map((activity) => activity.id));
  for (const stats of statistics) {
    if (!drawnIds.has(stats.activityId)) {
      rows.push({ id: stats.activityId, label: stats.activityId, stats });
    }
  }
  return rows;
}

/** A `js-activity-stat-row`; `heat` adds the bucket's colour swatch next to the passed count. */
export function activityStatRow(row: ActivityRow, heat: number | undefined, atStep?: StepLink): HTMLTableRowElement {
  const { stats } = row;
  const dataset = { activityId: row.id };
  const passed = h('td', { className: 'num' });
  if (heat !== undefined) {
    passed.append(h('span', { className: `heat-swatch heat-swatch-${heat}`, title: `Heat level ${heat} of 4` }));
  }
  passed.append(formatCount(stats.passed));
  const tr = h(
    'tr',
    { hook: 'js-activity-stat-row', dataset },
    h('td', { title: row.id }, row.label, row.label !== row.id ? h('span', { className: 'mono muted small' }, ` ${row.id}`) : null),
    linked(cell(formatCount(stats.running), 'num'), stats.running > 0 ? atStep?.(row.id) : undefined, 'js-step-running', 'List the instances waiting here'),
    linked(h('td', { className: 'num' }, countBadge(stats.incidents, 'danger', `${stats.incidents} open incidents here`)), stats.incidents > 0 ? atStep?.(row.id, 'INCIDENT') : undefined, 'js-step-incidents', 'List the instances failing here'),
    passed,
    h('td', { className: 'num', hook: 'js-duration-p50', dataset }, formatDuration(stats.p50Millis)),
    h('td', { className: 'num', hook: 'js-duration-p95', dataset }, formatDuration(stats.p95Millis)),
  );
  if (stats.incidents > 0) {
    tr.classList.add('has-incidents');
  }
  return tr;
}

/** Wraps a cell's content in a link to `target` (when there is one). */
function linked(td: HTMLTableCellElement, target: string | undefined, hook: string, title: string): HTMLTableCellElement {
  if (target) {
    const link = h('a', { hook, title, attrs: { href: target } });
    link.append(...td.childNodes);
    td.replaceChildren(link);
  }
  return td;
}
