/**
 * bpmn-js-differ's result as rows and shape markers: what was added, removed, changed (attributes)
 * or moved (layout only) between the left (older) and the right (newer) diagram.
 */
import type { Changes } from 'bpmn-js-differ';

export type ChangeKind = 'added' | 'removed' | 'changed' | 'moved';

export interface DiffRow {
  elementId: string;
  change: ChangeKind;
  /** BPMN type without prefix, e.g. `ServiceTask`. */
  type: string;
  name: string;
  /** For `changed`: the attributes, e.g. `name: "Charge" → "Charge payment"`. */
  details: string[];
}

/** Marker class on the shapes: `diff-added`, `diff-removed`, `diff-changed`, `diff-moved`. */
export function markerOf(change: ChangeKind): string {
  return `diff-${change}`;
}

interface Model {
  id: string;
  $type: string;
  name?: string;
}

function typeName(model: { $type: string }): string {
  return model.$type.replace(/^bpmn:/, '');
}

function show(value: unknown): string {
  if (value === undefined || value === null || value === '') {
    return '(none)';
  }
  if (typeof value === 'object') {
    const object = value as { id?: string; $type?: string };
    return object.id ?? object.$type ?? 'object';
  }
  return JSON.stringify(value);
}

function row(model: Model, change: ChangeKind, details: string[] = []): DiffRow {
  return { elementId: model.id, change, type: typeName(model), name: model.name ?? '', details };
}

/**
 * One row per element, in the order added, removed, changed, moved; an element both changed and
 * moved is listed once, as changed.
 */
export function diffRows(changes: Changes): DiffRow[] {
  const changed = Object.values(changes._changed).map(({ model, attrs }) =>
    row(
      model as Model,
      'changed',
      // bpmn-js-differ 3.2 passes the delta's [old, new] as (newValue, oldValue): the names are
      // swapped, so "newValue" holds the left (older) value; the unit test pins this
      Object.entries(attrs).map(([name, { oldValue, newValue }]) => `${name}: ${show(newValue)} → ${show(oldValue)}`),
    ),
  );
  const changedIds = new Set(changed.map((entry) => entry.elementId));
  return [
    ...Object.values(changes._added).map((model) => row(model as Model, 'added')),
    ...Object.values(changes._removed).map((model) => row(model as Model, 'removed')),
    ...changed,
    ...Object.values(changes._layoutChanged)
      .filter((model) => !changedIds.has(model.id))
      .map((model) => row(model as Model, 'moved')),
  ];
}

/** Which markers go on which side: removed on the left, added on the right, the rest on both. */
export function markersFor(rows: readonly DiffRow[]): { left: [string, string][]; right: [string, string][] } {
  const left: [string, string][] = [];
  const right: [string, string][] = [];
  for (const { elementId, change } of rows) {
    const marker = markerOf(change);
    if (change !== 'added') {
      left.push([elementId, marker]);
    }
    if (change !== 'removed') {
      right.push([elementId, marker]);
    }
  }
  return { left, right };
}
