import type { DefinitionVersion } from '../api/client';
import { href } from '../router';
import { cell, h } from '../ui/dom';
import { formatDateTime, formatDateTimeLong } from '../ui/format';

/**
 * The versions of one key, newest first: `js-version-row` (data-definition-id, data-version) with
 * when, who (`js-version-deployed-by`) and why (`js-version-note`); the shown version is marked
 * `aria-current`.
 */
export function versionRows(versions: readonly DefinitionVersion[], currentId: string): HTMLTableRowElement[] {
  return [...versions]
    .sort((a, b) => b.version - a.version)
    .map((version) => {
      const link = h('a', { href: href(['processes', version.id]) }, `v${version.version}`);
      const row = h(
        'tr',
        { hook: 'js-version-row', dataset: { definitionId: version.id, version: String(version.version) } },
        h('td', null, link),
        cell(version.versionTag || '–', 'mono'),
        cell(formatDateTime(version.deployedAt), undefined, formatDateTimeLong(version.deployedAt)),
        h('td', { hook: 'js-version-deployed-by' }, version.deployedBy || '–'),
        h('td', { className: 'message', hook: 'js-version-note', title: version.note ?? '' }, version.note || '–'),
      );
      if (version.id === currentId) {
        row.setAttribute('aria-current', 'true');
        row.classList.add('row-current');
      }
      return row;
    });
}
