import type { BadgePosition, DiagramActivity, DiagramFlow, DiagramView } from '../diagram/diagram';

/** A {@link DiagramView} without bpmn-js (happy-dom draws no SVG): records markers and badges. */
export class FakeDiagram implements DiagramView {
  readonly markers = new Map<string, Set<string>>();
  badges: { elementId: string; badge: HTMLElement; position: BadgePosition }[] = [];
  destroyed = false;

  constructor(
    private readonly drawn: DiagramActivity[],
    private readonly sequenceFlows: DiagramFlow[] = [],
  ) {}

  activities(): DiagramActivity[] {
    return this.drawn;
  }

  flows(): DiagramFlow[] {
    return this.sequenceFlows;
  }

  addMarker(elementId: string, marker: string): void {
    this.markers.set(elementId, new Set([...(this.markers.get(elementId) ?? []), marker]));
  }

  removeMarker(elementId: string, marker: string): void {
    this.markers.get(elementId)?.delete(marker);
  }

  /** The element ids carrying `marker`, sorted. */
  marked(marker: string): string[] {
    return [...this.markers].filter(([, set]) => set.has(marker)).map(([id]) => id).sort();
  }

  addBadge(elementId: string, badge: HTMLElement, position: BadgePosition): void {
    this.badges.push({ elementId, badge, position });
  }

  clearBadges(): void {
    this.badges = [];
  }

  private clickListeners: ((activityId: string) => void)[] = [];

  onActivityClick(listener: (activityId: string) => void): void {
    this.clickListeners.push(listener);
  }

  /** As if someone clicked the shape of `activityId`. */
  click(activityId: string): void {
    this.clickListeners.forEach((listener) => listener(activityId));
  }

  zoom(): void {}

  destroy(): void {
    this.destroyed = true;
  }
}

export function activity(id: string, name: string | null, x: number, type = 'bpmn:ServiceTask'): DiagramActivity {
  return { id, name, type, x, y: 100 };
}
