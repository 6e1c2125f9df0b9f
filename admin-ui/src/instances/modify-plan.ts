import type { ModificationInstruction } from '../api/client';
import type { DiagramView } from '../diagram/diagram';
import { h } from '../ui/dom';

/** Marker classes of the plan on the diagram (styled in diagram.css). */
export const PLAN_MARKERS = { cancel: 'plan-cancel', start: 'plan-start', selected: 'plan-selected' } as const;

const LABELS: Record<ModificationInstruction['type'], string> = {
  cancel: 'Cancel',
  startBefore: 'Start before',
  startAfter: 'Start after',
};

/** One instruction in words, e.g. "Start after Ship order". */
export function describeInstruction(instruction: ModificationInstruction, nameOf: (activityId: string) => string): string {
  return `${LABELS[instruction.type]} ${nameOf(instruction.activityId)}`;
}

/**
 * What a click on a step adds to the plan in modify mode: an active step not yet canceled is
 * canceled; any other click selects the step so the operator chooses start before or after.
 */
export function clickOutcome(activityId: string, active: readonly string[], plan: readonly ModificationInstruction[]): ModificationInstruction | 'choose' {
  const canceled = plan.some((instruction) => instruction.type === 'cancel' && instruction.activityId === activityId);
  return active.includes(activityId) && !canceled ? { type: 'cancel', activityId } : 'choose';
}

/** Draws the plan: canceled steps crossed, start points marked, the selected step outlined. */
export function paintPlan(view: DiagramView, plan: readonly ModificationInstruction[], selected: string | undefined): void {
  for (const element of view.activities()) {
    Object.values(PLAN_MARKERS).forEach((marker) => view.removeMarker(element.id, marker));
  }
  plan.forEach((instruction, index) => {
    const cancel = instruction.type === 'cancel';
    view.addMarker(instruction.activityId, cancel ? PLAN_MARKERS.cancel : PLAN_MARKERS.start);
    const text = cancel ? `✕ ${index + 1} cancel` : instruction.type === 'startBefore' ? `▶ ${index + 1} start before` : `${index + 1} start after ▶`;
    const badge = h(
      'span',
      {
        className: `diagram-badge ${cancel ? 'diagram-badge-plan-cancel' : 'diagram-badge-plan-start'}`,
        hook: 'js-plan-badge',
        dataset: { activityId: instruction.activityId, type: instruction.type },
      },
      text,
    );
    view.addBadge(instruction.activityId, badge, cancel ? 'top-right' : instruction.type === 'startBefore' ? 'bottom-left' : 'bottom-right');
  });
  if (selected) {
    view.addMarker(selected, PLAN_MARKERS.selected);
  }
}

/** Parses the optional variables field: empty, or a JSON object of name to value. */
export function parseVariables(text: string): Record<string, unknown> | undefined {
  if (!text.trim()) {
    return undefined;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`Variables are not valid JSON: ${(error as Error).message}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new Error('Variables must be a JSON object of name to value, e.g. {"trackingNumber": "T-1"}');
  }
  return parsed as Record<string, unknown>;
}
