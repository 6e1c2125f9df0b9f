/* Modules the modeler uses that ship no TypeScript declarations. */

declare module 'bpmn-js-properties-panel' {
  export const BpmnPropertiesPanelModule: unknown;
  export const BpmnPropertiesProviderModule: unknown;
  export const CamundaPlatformPropertiesProviderModule: unknown;
  export function useService<T = unknown>(name: string, strict?: boolean): T;
}

declare module '@bpmn-io/properties-panel' {
  export const SelectEntry: unknown;
  export const TextFieldEntry: unknown;
  export const CheckboxEntry: unknown;
  export const Group: unknown;
  export function isSelectEntryEdited(node: unknown): boolean;
  export function isTextFieldEntryEdited(node: unknown): boolean;
  export function isCheckboxEntryEdited(node: unknown): boolean;
}

declare module '@bpmn-io/properties-panel/preact/jsx-runtime' {
  export function jsx(type: unknown, props: Record<string, unknown>): unknown;
}

declare module 'camunda-bpmn-js-behaviors/lib/camunda-platform' {
  const module: unknown;
  export default module;
}

declare module 'camunda-bpmn-moddle/resources/camunda.json' {
  const descriptor: Record<string, unknown>;
  export default descriptor;
}

declare module 'bpmn-js-token-simulation/lib/modeler' {
  const module: unknown;
  export default module;
}

declare module 'bpmn-js-differ' {
  export interface Changes {
    _added: Record<string, { id: string; $type: string }>;
    _removed: Record<string, { id: string; $type: string }>;
    _changed: Record<string, { model: { id: string; $type: string }; attrs: Record<string, { oldValue: unknown; newValue: unknown }> }>;
    _layoutChanged: Record<string, { id: string; $type: string }>;
  }
  export function diff(a: unknown, b: unknown): Changes;
}


declare module 'bpmn-moddle' {
  interface Moddle {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    fromXML(xml: string, type?: string): Promise<{ rootElement: any; warnings: unknown[] }>;
    toXML(element: unknown, options?: { format?: boolean }): Promise<{ xml: string }>;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    create(type: string, attrs?: Record<string, unknown>): any;
  }
  export function BpmnModdle(packages?: Record<string, unknown>): Moddle;
}
