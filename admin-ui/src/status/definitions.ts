import type { ProcessDefinitionSummary } from '../api/client';

/** By key, then newest version first, so each process reads top-down from its current version. */
export function sortDefinitions(definitions: readonly ProcessDefinitionSummary[]): ProcessDefinitionSummary[] {
  return [...definitions].sort((a, b) => a.key.localeCompare(b.key) || b.version - a.version);
}

/** One table row; values go in as text, never as HTML. */
export function definitionRow(definition: ProcessDefinitionSummary): HTMLTableRowElement {
  const row = document.createElement('tr');
  row.className = 'js-definition-row';
  row.dataset.testid = 'js-definition-row';
  row.dataset.key = definition.key;
  row.dataset.version = String(definition.version);
  row.title = definition.id;
  row.append(
    cell(definition.name || definition.key),
    cell(definition.key, 'mono'),
    cell(String(definition.version), 'num'),
    cell(String(definition.runningInstances), 'num js-running'),
    incidentsCell(definition.incidents),
  );
  if (definition.incidents > 0) {
    row.classList.add('has-incidents');
  }
  return row;
}

function cell(text: string, className?: string): HTMLTableCellElement {
  const td = document.createElement('td');
  td.textContent = text;
  if (className) {
    td.className = className;
  }
  return td;
}

function incidentsCell(incidents: number): HTMLTableCellElement {
  const td = cell('', 'num js-incidents');
  if (incidents > 0) {
    const badge = document.createElement('span');
    badge.className = 'badge badge-danger';
    badge.textContent = String(incidents);
    badge.title = incidents === 1 ? '1 open incident' : `${incidents} open incidents`;
    td.append(badge);
  } else {
    td.textContent = '0';
  }
  return td;
}
