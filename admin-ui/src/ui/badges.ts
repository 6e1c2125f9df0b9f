import type { InstanceState } from '../api/client';
import { h } from './dom';

const STATE_LABELS: Record<InstanceState, string> = {
  RUNNING: 'Running',
  INCIDENT: 'Incident',
  COMPLETED: 'Completed',
  CANCELED: 'Canceled',
};

export function stateLabel(state: string): string {
  return STATE_LABELS[state as InstanceState] ?? state;
}

/**
 * A coloured label for a state (instance, activity, worker, retry item); `data-state` holds
 * the API's value, the text is for people.
 */
export function stateBadge(state: string, label = stateLabel(state), hook?: string): HTMLSpanElement {
  const badge = h('span', { className: `state-badge state-${state.toLowerCase()}`, hook, dataset: { state } }, label);
  return badge;
}

/** A red count badge, or a plain "0". */
export function countBadge(count: number, kind: 'danger' | 'info', title: string): Node {
  if (count === 0) {
    return document.createTextNode('0');
  }
  return h('span', { className: `badge badge-${kind}`, title }, count.toLocaleString());
}
