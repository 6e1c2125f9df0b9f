import { describeError, type BatonApi, type HistoryCleanup } from '../api/client';
import { can, currentUser } from '../api/permissions';
import { cell, h } from '../ui/dom';
import { formatDateTime, formatDateTimeLong } from '../ui/format';

/**
 * The System page's "History cleanup" section, for administrators only (`js-history-cleanup`):
 * strategy, time to live, the cleanup window, the last and the next run, and each definition's
 * time to live.
 */
export async function showHistoryCleanup(slot: HTMLElement, api: BatonApi, signal?: AbortSignal): Promise<void> {
  const user = await currentUser(api).catch(() => undefined);
  if (!user || !can(user.roles, 'readHistoryCleanup')) {
    return;
  }
  const section = h('section', { attrs: { id: 'js-history-cleanup', 'data-testid': 'js-history-cleanup' } }, h('h2', null, 'History cleanup'));
  slot.replaceChildren(section);
  try {
    section.append(...render(await api.getHistoryCleanup(signal)));
  } catch (error) {
    section.append(h('div', { className: 'alert alert-error', attrs: { role: 'alert' } }, describeError('Could not load the history cleanup', error)));
  }
}

function render(cleanup: HistoryCleanup): Node[] {
  const fact = (label: string, id: string, value: string, title = '') =>
    h('div', null, h('dt', null, label), h('dd', { title, attrs: { id, 'data-testid': id } }, value));
  const window = cleanup.window.start ? `${cleanup.window.start}–${cleanup.window.end ?? 'open end'} daily` : 'none: cleanup runs only when started by hand';
  const weekdays = Object.entries(cleanup.weekdayWindows).map(([day, w]) => `${day.toLowerCase()} ${w.start}–${w.end ?? ''}`);
  const last = cleanup.lastRun
    ? `${formatDateTime(cleanup.lastRun.at)} · ${cleanup.lastRun.succeeded ? 'succeeded' : `failed: ${cleanup.lastRun.message ?? ''}`}`
    : 'never';
  return [
    h(
      'dl',
      { className: 'facts' },
      fact('Cleanup', 'js-cleanup-enabled', cleanup.enabled ? `on (${cleanup.strategy})` : 'off'),
      fact('Window', 'js-cleanup-window', weekdays.length ? `${window}; ${weekdays.join(', ')}` : window),
      fact('Last run', 'js-cleanup-last-run', last, cleanup.lastRun ? formatDateTimeLong(cleanup.lastRun.at) : ''),
      fact('Next run', 'js-cleanup-next-run', cleanup.nextRun ? formatDateTime(cleanup.nextRun) : 'not scheduled', formatDateTimeLong(cleanup.nextRun)),
      fact('Default time to live', 'js-cleanup-default-ttl', cleanup.defaultTimeToLive ?? 'none (each definition sets its own)'),
      fact('Batch history kept', 'js-cleanup-batch-ttl', cleanup.batchOperationTimeToLive ?? 'forever'),
    ),
    h(
      'div',
      { className: 'table-scroll' },
      h(
        'table',
        { className: 'table' },
        h('thead', null, h('tr', null, h('th', { attrs: { scope: 'col' } }, 'Definition'), h('th', { attrs: { scope: 'col' } }, 'Type'), h('th', { className: 'num', attrs: { scope: 'col' } }, 'Version'), h('th', { className: 'num', attrs: { scope: 'col' } }, 'History kept'))),
        h(
          'tbody',
          { attrs: { id: 'js-cleanup-definitions', 'data-testid': 'js-cleanup-definitions' } },
          ...cleanup.definitions.map((d) =>
            h('tr', { hook: 'js-cleanup-definition', dataset: { key: d.key } }, cell(d.key, 'mono'), cell(d.type), cell(String(d.version), 'num'), cell(d.days === null ? 'forever' : `${d.days} days`, 'num')),
          ),
        ),
      ),
    ),
  ];
}
