/**
 * What the modeler screen needs from bpmn-js, without depending on it: bpmn-js's Modeler, the
 * properties panel, token simulation and the differ (about 1.5 MB) load with `import()` on first use.
 */
import type { Adapter } from '../api/client';
import type { DiffRow } from './diff';

export type Severity = 'error' | 'warning' | 'info';

/** One problem of the diagram as the server's house rules found it (`POST /api/definitions/lint`). */
export interface LintIssue {
  /** The element concerned; null for a problem of the whole file (e.g. it does not parse). */
  elementId: string | null;
  /** The element's name, when it has one: what the analyst sees on the canvas. */
  elementName?: string;
  message: string;
  severity: Severity;
  rule: string;
  /** Where a parse error is, when the server knows. */
  line?: number;
  column?: number;
}

export interface ModelerOptions {
  /** `GET /api/adapters` (names, URLs, inputs, outputs); undefined when they could not be loaded. */
  adapters?: Adapter[];
  topics: string[];
  onDirtyChange(dirty: boolean): void;
  /** Called after every import and every change of the diagram (bpmn-js's commandStack.changed). */
  onChange(): void;
}

export interface ModelerView {
  /**
   * Rejects with bpmn-js's import error; resolves with warnings. The diagram starts clean, or
   * dirty with `dirty` (an edited diagram put back after a failed import).
   */
  importXml(xml: string, dirty?: boolean): Promise<string[]>;
  saveXml(): Promise<string>;
  saveSvg(): Promise<string>;
  /** The id of the (first executable) process: the key it deploys as. */
  processKey(): string | undefined;
  /**
   * Selects and scrolls to an element and opens the properties panel's Baton group (a service
   * task's binding); false when the diagram has no such element.
   */
  select(elementId: string): boolean;
  /** The element's name; undefined when it has none or does not exist. */
  elementName(elementId: string): string | undefined;
  /** Zooms the canvas in or out a step, or fits the whole diagram. */
  zoom(how: 'in' | 'out' | 'fit'): void;
  isDirty(): boolean;
  /** Now is the saved state (after a deployment or a download). */
  markClean(): void;
  /** Toggles token simulation; resolves with whether it is now on. */
  toggleTokenSimulation(): boolean;
  destroy(): void;
}

export interface CompareView {
  /** Shows both diagrams with diff markers; rejects with an import error. */
  show(leftXml: string, rightXml: string): Promise<DiffRow[]>;
  select(elementId: string): void;
  /** Empties both sides (another diagram is open in the editor). */
  clear(): void;
  destroy(): void;
}

export async function openModeler(canvas: HTMLElement, panel: HTMLElement, options: ModelerOptions): Promise<ModelerView> {
  const { createModeler } = await import('./bpmn-modeler');
  return createModeler(canvas, panel, options);
}

export async function openCompare(left: HTMLElement, right: HTMLElement): Promise<CompareView> {
  const { createCompare } = await import('./bpmn-compare');
  return createCompare(left, right);
}

/** A new diagram: one start event in an executable process that keeps 30 days of history. */
export function newDiagramXml(id = `Process_${Math.random().toString(36).slice(2, 9)}`): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_${id}" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="${id}" isExecutable="true" camunda:historyTimeToLive="P30D">
    <bpmn:startEvent id="StartEvent_1" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="${id}">
      <bpmndi:BPMNShape id="StartEvent_1_di" bpmnElement="StartEvent_1">
        <dc:Bounds x="180" y="160" width="36" height="36" />
      </bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}
