/** Loaded only through `openCompare`'s dynamic import: two NavigatedViewers and the differ. */
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn.css';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { diff } from 'bpmn-js-differ';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import { diffRows, markersFor } from './diff';
import type { CompareView } from './modeler';

interface Canvas {
  addMarker(id: string, marker: string): void;
  zoom(how: string, center?: string): void;
  scrollToElement(element: unknown): void;
}

function viewer(container: HTMLElement): NavigatedViewer {
  return new NavigatedViewer({ container, moddleExtensions: { camunda: camundaModdle } } as never);
}

function mark(target: NavigatedViewer, markers: [string, string][]): void {
  const canvas = target.get<Canvas>('canvas');
  const registry = target.get<{ get(id: string): unknown }>('elementRegistry');
  for (const [id, marker] of markers) {
    if (registry.get(id)) {
      canvas.addMarker(id, marker);
    }
  }
}

function reveal(target: NavigatedViewer, elementId: string): void {
  const element = target.get<{ get(id: string): { parent?: unknown } | undefined }>('elementRegistry').get(elementId);
  if (element?.parent) {
    target.get<Canvas>('canvas').scrollToElement(element);
  }
}

export function createCompare(leftContainer: HTMLElement, rightContainer: HTMLElement): CompareView {
  const left = viewer(leftContainer);
  const right = viewer(rightContainer);
  return {
    async show(leftXml, rightXml) {
      await left.importXML(leftXml);
      await right.importXML(rightXml);
      const rows = diffRows(diff(left.getDefinitions(), right.getDefinitions()));
      const markers = markersFor(rows);
      mark(left, markers.left);
      mark(right, markers.right);
      left.get<Canvas>('canvas').zoom('fit-viewport', 'auto');
      right.get<Canvas>('canvas').zoom('fit-viewport', 'auto');
      return rows;
    },
    select(elementId) {
      reveal(left, elementId);
      reveal(right, elementId);
    },
    clear() {
      left.clear();
      right.clear();
    },
    destroy() {
      left.destroy();
      right.destroy();
    },
  };
}
