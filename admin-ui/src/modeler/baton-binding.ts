/**
 * How a service task is bound in Baton, read from and written to its moddle element:
 * - adapter: `camunda:delegateExpression="${batonAdapter}"` + `<camunda:property name="adapter">`
 * - external topic: `camunda:type="external"` + `camunda:topic`
 * Writing one removes the other, so no stale attribute is left. Writes are commands for bpmn-js's
 * command stack (run together through the properties panel's multi-command executor: one undo).
 */

/** The delegate expression of a task bound to an adapter (the server's AdapterDelegate bean). */
export const BATON_ADAPTER_EXPRESSION = '${batonAdapter}';

/** A bpmn-moddle element, as far as this module reads it. */
export interface ModdleElement {
  $type: string;
  get(name: string): unknown;
  extensionElements?: ModdleElement;
  values?: ModdleElement[];
  name?: string;
  value?: string;
  body?: string;
}

export type Binding =
  | { kind: 'none' }
  | { kind: 'adapter'; adapter: string }
  | { kind: 'topic'; topic: string }
  /** A Java class, expression or foreign delegate: shown, not edited here. */
  | { kind: 'other'; description: string };

export type BindingKind = Binding['kind'];

/** One `element.updateProperties` or `element.updateModdleProperties` command. */
export type Command =
  | { cmd: 'element.updateProperties'; context: { element: unknown; properties: Record<string, unknown> } }
  | { cmd: 'element.updateModdleProperties'; context: { element: unknown; moddleElement: ModdleElement; properties: Record<string, unknown> } };

/** `bpmnFactory.create` (sets ids where needed). */
export type Create = (type: string, attributes?: Record<string, unknown>) => ModdleElement;

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

function extensions(bo: ModdleElement): ModdleElement[] {
  return bo.extensionElements?.values ?? [];
}

function propertiesOf(bo: ModdleElement): ModdleElement | undefined {
  return extensions(bo).find((extension) => extension.$type === 'camunda:Properties');
}

export function readBinding(bo: ModdleElement): Binding {
  const delegate = text(bo.get('camunda:delegateExpression'));
  if (delegate === BATON_ADAPTER_EXPRESSION) {
    const property = (propertiesOf(bo)?.values ?? []).find((entry) => entry.name === 'adapter');
    return { kind: 'adapter', adapter: text(property?.value) };
  }
  if (text(bo.get('camunda:type')) === 'external') {
    return { kind: 'topic', topic: text(bo.get('camunda:topic')) };
  }
  const other = delegate || text(bo.get('camunda:class')) || text(bo.get('camunda:expression')) || text(bo.get('camunda:type'));
  return other ? { kind: 'other', description: other } : { kind: 'none' };
}

const NO_IMPLEMENTATION = {
  'camunda:delegateExpression': undefined,
  'camunda:class': undefined,
  'camunda:expression': undefined,
  'camunda:resultVariable': undefined,
  'camunda:type': undefined,
  'camunda:topic': undefined,
};

/** Binds the task to `adapter`: the delegate expression and one `adapter` property, other properties kept. */
export function adapterCommands(element: unknown, bo: ModdleElement, adapter: string, create: Create): Command[] {
  const commands: Command[] = [
    {
      cmd: 'element.updateProperties',
      context: { element, properties: { ...NO_IMPLEMENTATION, 'camunda:delegateExpression': BATON_ADAPTER_EXPRESSION } },
    },
  ];
  const property = create('camunda:Property', { name: 'adapter', value: adapter });
  const extensionElements = bo.extensionElements;
  if (!extensionElements) {
    const properties = create('camunda:Properties', { values: [property] });
    commands.push({
      cmd: 'element.updateProperties',
      context: { element, properties: { extensionElements: create('bpmn:ExtensionElements', { values: [properties] }) } },
    });
    return commands;
  }
  const properties = propertiesOf(bo);
  if (!properties) {
    commands.push({
      cmd: 'element.updateModdleProperties',
      context: {
        element,
        moddleElement: extensionElements,
        properties: { values: [...extensions(bo), create('camunda:Properties', { values: [property] })] },
      },
    });
    return commands;
  }
  const entries = properties.values ?? [];
  const first = entries.findIndex((entry) => entry.name === 'adapter');
  // the existing adapter property is replaced in place; duplicates go
  const values =
    first < 0
      ? [...entries, property]
      : entries.flatMap((entry, index) => (entry.name !== 'adapter' ? [entry] : index === first ? [property] : []));
  commands.push({ cmd: 'element.updateModdleProperties', context: { element, moddleElement: properties, properties: { values } } });
  return commands;
}

/** Makes the task an external task on `topic`; the delegate expression and adapter property go. */
export function topicCommands(element: unknown, bo: ModdleElement, topic: string): Command[] {
  return [
    {
      cmd: 'element.updateProperties',
      context: {
        element,
        properties: { ...NO_IMPLEMENTATION, 'camunda:type': 'external', 'camunda:topic': topic.trim() || undefined },
      },
    },
    ...withoutAdapterProperty(element, bo),
  ];
}

/** Removes every binding (e.g. "Not bound"). */
export function unbindCommands(element: unknown, bo: ModdleElement): Command[] {
  return [{ cmd: 'element.updateProperties', context: { element, properties: { ...NO_IMPLEMENTATION } } }, ...withoutAdapterProperty(element, bo)];
}

/** Drops the `adapter` property; an emptied `camunda:properties` and then extension elements go too. */
function withoutAdapterProperty(element: unknown, bo: ModdleElement): Command[] {
  const properties = propertiesOf(bo);
  const entries = properties?.values ?? [];
  if (!properties || !entries.some((entry) => entry.name === 'adapter')) {
    return [];
  }
  const kept = entries.filter((entry) => entry.name !== 'adapter');
  if (kept.length > 0) {
    return [{ cmd: 'element.updateModdleProperties', context: { element, moddleElement: properties, properties: { values: kept } } }];
  }
  const otherExtensions = extensions(bo).filter((extension) => extension !== properties);
  if (otherExtensions.length > 0) {
    return [
      { cmd: 'element.updateModdleProperties', context: { element, moddleElement: bo.extensionElements!, properties: { values: otherExtensions } } },
    ];
  }
  return [{ cmd: 'element.updateProperties', context: { element, properties: { extensionElements: undefined } } }];
}

/** `camunda:asyncBefore`: a save point before the task, so a failure retries from here. */
export function savePointCommands(element: unknown, on: boolean): Command[] {
  return [{ cmd: 'element.updateProperties', context: { element, properties: { 'camunda:asyncBefore': on || undefined } } }];
}

export function readRetryCycle(bo: ModdleElement): string {
  return text(extensions(bo).find((extension) => extension.$type === 'camunda:FailedJobRetryTimeCycle')?.body);
}

/** `<camunda:failedJobRetryTimeCycle>` set, replaced, or removed when `cycle` is empty. */
export function retryCycleCommands(element: unknown, bo: ModdleElement, cycle: string, create: Create): Command[] {
  const value = cycle.trim();
  const existing = extensions(bo).find((extension) => extension.$type === 'camunda:FailedJobRetryTimeCycle');
  if (existing && value) {
    return [{ cmd: 'element.updateModdleProperties', context: { element, moddleElement: existing, properties: { body: value } } }];
  }
  if (existing) {
    const others = extensions(bo).filter((extension) => extension !== existing);
    return others.length > 0
      ? [{ cmd: 'element.updateModdleProperties', context: { element, moddleElement: bo.extensionElements!, properties: { values: others } } }]
      : [{ cmd: 'element.updateProperties', context: { element, properties: { extensionElements: undefined } } }];
  }
  if (!value) {
    return [];
  }
  const retry = create('camunda:FailedJobRetryTimeCycle', { body: value });
  if (!bo.extensionElements) {
    return [{ cmd: 'element.updateProperties', context: { element, properties: { extensionElements: create('bpmn:ExtensionElements', { values: [retry] }) } } }];
  }
  return [
    { cmd: 'element.updateModdleProperties', context: { element, moddleElement: bo.extensionElements, properties: { values: [...extensions(bo), retry] } } },
  ];
}
