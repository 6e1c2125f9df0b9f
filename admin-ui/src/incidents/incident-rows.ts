import type { IncidentSummary } from '../api/client';
import { href } from '../router';
import { cell, h, processCell } from '../ui/dom';
import { formatAgo, formatDateTimeLong } from '../ui/format';

/** A `js-incident-row` (data-incident-id) with its `js-select-incident` checkbox. */
export function incidentRow(incident: IncidentSummary, onSelect: (checked: boolean) => void): HTMLTableRowElement {
  const box = h('input', { hook: 'js-select-incident', attrs: { type: 'checkbox', value: incident.id, 'aria-label': `Select incident at ${incident.activityId}` } });
  box.addEventListener('change', () => onSelect(box.checked));
  const instance = href(['instances', incident.processInstanceId]);
  const row = h(
    'tr',
    { hook: 'js-incident-row', dataset: { incidentId: incident.id, instanceId: incident.processInstanceId } },
    h('td', { className: 'check' }, box),
    h('td', { title: incident.processInstanceId }, h('a', { href: instance, className: incident.businessKey ? '' : 'mono' }, incident.businessKey || incident.processInstanceId)),
    processCell(incident.definitionKey, incident.definitionVersion, `${incident.definitionKey} v${incident.definitionVersion} (${incident.definitionId})`),
    cell(incident.activityId, 'mono'),
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
