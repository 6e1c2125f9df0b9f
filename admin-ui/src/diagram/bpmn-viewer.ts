import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn.css';
import './diagram.css';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { is } from 'bpmn-js/lib/util/ModelUtil';
import type Canvas from 'diagram-js/lib/core/Canvas';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type Overlays from 'diagram-js/lib/features/overlays/Overlays';
import type { BadgePosition, DiagramActivity, DiagramFlow, DiagramView, OpenedDiagram } from './diagram';

const BADGE_TYPE = 'baton-badge';

/** bpmn-js's element shape, as far as this module reads it. */
interface Element {
  id: string;
  type: string;
  x: number;
  y: number;
  width: number;
  height: number;
  labelTarget?: unknown;
  businessObject: { name?: string; sourceRef?: { id: string }; targetRef?: { id: string } };
}

/** Loaded only through `openDiagram`'s dynamic import: this module pulls in bpmn-js. */
export async function openViewer(container: HTMLElement, xml: string): Promise<OpenedDiagram> {
  const viewer = new NavigatedViewer({ container });
  try {
    const { warnings } = await viewer.importXML(xml);
    const canvas = viewer.get<Canvas>('canvas');
    canvas.zoom('fit-viewport', 'auto' as never);
    return { view: viewOf(viewer, canvas), warnings: warnings.map((warning) => String((warning as { message?: string }).message ?? warning)) };
  } catch (error) {
    viewer.destroy();
    throw error;
  }
}

function viewOf(viewer: NavigatedViewer, canvas: Canvas): DiagramView {
  const registry = viewer.get<ElementRegistry>('elementRegistry');
  const overlays = viewer.get<Overlays>('overlays');
  const elements = () => registry.getAll() as unknown as Element[];
  const exists = (id: string) => registry.get(id) !== undefined;

  return {
    activities(): DiagramActivity[] {
      return elements()
        .filter((element) => !element.labelTarget && is(element as never, 'bpmn:FlowNode'))
        .map((element) => ({
          id: element.id,
          name: element.businessObject.name ?? null,
          type: element.type,
          x: element.x,
          y: element.y,
        }));
    },
    flows(): DiagramFlow[] {
      return elements()
        .filter((element) => is(element as never, 'bpmn:SequenceFlow'))
        .map((element) => ({
          id: element.id,
          sourceId: element.businessObject.sourceRef?.id ?? '',
          targetId: element.businessObject.targetRef?.id ?? '',
        }));
    },
    addMarker(elementId, marker) {
      if (exists(elementId)) {
        canvas.addMarker(elementId, marker);
      }
    },
    removeMarker(elementId, marker) {
      if (exists(elementId)) {
        canvas.removeMarker(elementId, marker);
      }
    },
    addBadge(elementId, badge, position) {
      const element = registry.get(elementId) as unknown as Element | undefined;
      if (element) {
        overlays.add(elementId, BADGE_TYPE, { position: place(position, element), html: badge });
      }
    },
    clearBadges() {
      overlays.remove({ type: BADGE_TYPE });
    },
    onActivityClick(listener) {
      const eventBus = viewer.get<{ on(event: string, callback: (event: { element: Element }) => void): void }>('eventBus');
      eventBus.on('element.click', ({ element }) => {
        if (!element.labelTarget && is(element as never, 'bpmn:FlowNode')) {
          listener(element.id);
        }
      });
    },
    zoom(how) {
      if (how === 'fit') {
        canvas.zoom('fit-viewport', 'auto' as never);
      } else {
        canvas.zoom(canvas.zoom() * (how === 'in' ? 1.25 : 0.8));
      }
    },
    destroy() {
      viewer.destroy();
    },
  };
}

/** Badges sit on the shape's corners, half outside, like Camunda Cockpit's. */
function place(position: BadgePosition, element: Element): { top?: number; bottom?: number; left?: number; right?: number } {
  switch (position) {
    case 'bottom-left':
      return { bottom: 10, left: -10 };
    case 'bottom-right':
      return { bottom: 10, right: 10 };
    case 'top-right':
      return { top: -10, right: Math.min(10, element.width / 2) };
  }
}
