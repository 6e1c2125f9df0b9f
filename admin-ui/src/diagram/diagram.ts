/**
 * What the screens need from a BPMN diagram, without depending on bpmn-js: the flow nodes and
 * sequence flows, marker classes on shapes, and HTML badges on them. bpmn-js (about 1 MB) is
 * loaded on first use, so the dashboard and the lists stay small.
 */

/** A flow node (task, event, gateway, sub-process) drawn in the diagram. */
export interface DiagramActivity {
  id: string;
  name: string | null;
  /** BPMN type, e.g. `bpmn:ServiceTask`. */
  type: string;
  x: number;
  y: number;
}

export interface DiagramFlow {
  id: string;
  sourceId: string;
  targetId: string;
}

export type BadgePosition = 'bottom-left' | 'bottom-right' | 'top-right';

export interface DiagramView {
  activities(): DiagramActivity[];
  flows(): DiagramFlow[];
  /** Adds a CSS class to the element's `.djs-element` (e.g. `active-activity`, `heat-3`). */
  addMarker(elementId: string, marker: string): void;
  removeMarker(elementId: string, marker: string): void;
  /** Pins an HTML element to a shape's corner; removed by {@link clearBadges}. */
  addBadge(elementId: string, badge: HTMLElement, position: BadgePosition): void;
  clearBadges(): void;
  /** Calls `listener` with a flow node's id when someone clicks it (not on a pan). */
  onActivityClick(listener: (activityId: string) => void): void;
  zoom(how: 'in' | 'out' | 'fit'): void;
  destroy(): void;
}

export interface OpenedDiagram {
  view: DiagramView;
  /** Import warnings (unknown elements, …); the diagram still shows. */
  warnings: string[];
}

/**
 * Renders `xml` into `container` with bpmn-js's NavigatedViewer (drag to pan, Ctrl + wheel to
 * zoom). Rejects with bpmn-js's import error, which the caller shows in words.
 */
export async function openDiagram(container: HTMLElement, xml: string): Promise<OpenedDiagram> {
  const { openViewer } = await import('./bpmn-viewer');
  return openViewer(container, xml);
}

/** Display name of an activity: its BPMN name, or its id when it has none. */
export function activityLabel(activity: Pick<DiagramActivity, 'id' | 'name'> | undefined, id: string): string {
  return activity?.name?.trim() || id;
}
