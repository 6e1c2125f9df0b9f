import type { IncidentSummary } from '../api/client';
import { href } from '../router';
import { cell, h, processCell } from '../ui/dom';
import { formatAgo, formatDateTimeLong } from '../ui/format';

/** A `js-incident-row` (data-incident-id) with its `js-select-incident` checkbox. */
export function incidentRow(incident: IncidentSummary, onSelect: (checked: boolean) => void): HTMLTableRowElement {
  const box = h('input', { hook: 'js-select-incident', attrs: { type: 'checkbox', value: incident.id, 'aria-label': `Select incident at ${incident.activityId ?? 'a batch job'}` } });
  box.addEventListener('change', () => onSelect(box.checked));
  const row = h(
    'tr',
    { hook: 'js-incident-row', dataset: { incidentId: incident.id, instanceId: incident.processInstanceId ?? '' } },
    h('td', { className: 'check' }, box),
    ...instanceCells(incident),
    cell(incident.activityId ?? '', 'mono'),
    cell(incident.message || 'No message', 'message', incident.message ?? ''),
    cell(formatAgo(incident.time), undefined, formatDateTimeLong(incident.time)),
  );
  // a click anywhere on the row but the link toggles its checkbox
  row.addEventListener('click', (event) => {
    if (event.target !== box && !(event.target instanceof HTMLAnchorElement) && !box.disabled) {
      box.checked = !box.checked;
      onSelect(box.checked);
    }
  });
  return row;
}

/** The instance and process cells; a failed batch job belongs to neither and links the batches page. */
function instanceCells(incident: IncidentSummary): HTMLTableCellElement[] {
  if (incident.processInstanceId === null || incident.definitionKey === null || incident.definitionVersion === null) {
    return [h('td', { title: 'A job of a batch operation failed' }, h('a', { href: href(['batches']) }, 'Batch job')), cell('No process', 'muted')];
  }
  return [
    h('td', { title: incident.processInstanceId }, h('a', { href: href(['instances', incident.processInstanceId]), className: incident.businessKey ? '' : 'mono' }, incident.businessKey || incident.processInstanceId)),
    processCell(incident.definitionKey, incident.definitionVersion, `${incident.definitionKey} v${incident.definitionVersion} (${incident.definitionId})`),
  ];
}
