/** Loaded only through `openModeler`'s dynamic import: bpmn-js's Modeler and its add-ons. */
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn.css';
import '@bpmn-io/properties-panel/assets/properties-panel.css';
import 'bpmn-js-bpmnlint/dist/assets/css/bpmn-js-bpmnlint.css';
import 'bpmn-js-token-simulation/assets/css/bpmn-js-token-simulation.css';
import Modeler from 'bpmn-js/lib/Modeler';
import lintModule from 'bpmn-js-bpmnlint';
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, CamundaPlatformPropertiesProviderModule } from 'bpmn-js-properties-panel';
import tokenSimulationModule from 'bpmn-js-token-simulation/lib/modeler';
import camundaBehaviors from 'camunda-bpmn-js-behaviors/lib/camunda-platform';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import { batonPropertiesModule } from './baton-properties';
import { lintConfig } from './lint-config';
import type { LintIssue, ModelerOptions, ModelerView, Severity } from './modeler';

interface CommandStack {
  _stackIdx: number;
}

interface RawIssue {
  id: string;
  actualElementId?: string;
  message: string;
  category: string;
  rule: string;
}

function severity(category: string): Severity {
  if (category === 'warn') {
    return 'warning';
  }
  return category === 'info' ? 'info' : 'error';
}

/** bpmn-js-bpmnlint's issues (grouped by the element they show on) as a flat list. */
export function flattenIssues(issues: Record<string, RawIssue[]>): LintIssue[] {
  const order: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  return Object.values(issues)
    .flat()
    .map((issue) => ({
      elementId: issue.actualElementId ?? issue.id,
      message: issue.message,
      severity: severity(issue.category),
      rule: issue.rule,
    }))
    .sort((a, b) => order[a.severity] - order[b.severity] || a.elementId.localeCompare(b.elementId));
}

export function createModeler(canvas: HTMLElement, panel: HTMLElement, options: ModelerOptions): ModelerView {
  const modeler = new Modeler({
    container: canvas,
    propertiesPanel: { parent: panel },
    linting: { bpmnlint: lintConfig(options.adapters), active: true },
    baton: { adapters: options.adapters ?? [], topics: options.topics },
    additionalModules: [
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      CamundaPlatformPropertiesProviderModule,
      camundaBehaviors,
      batonPropertiesModule,
      lintModule,
      tokenSimulationModule,
    ],
    moddleExtensions: { camunda: camundaModdle },
  } as never);

  const commandStack = modeler.get<CommandStack>('commandStack');
  const eventBus = modeler.get<{ on(event: string, callback: (event: never) => void): void; fire(event: string, data?: unknown): void }>('eventBus');
  // the stack index of the saved state; -2: the saved state cannot be reached by undo any more
  let cleanIndex = -1;
  let dirty = false;

  function setDirty(value: boolean): void {
    if (value !== dirty) {
      dirty = value;
      options.onDirtyChange(dirty);
    }
  }

  eventBus.on('commandStack.changed', (event: { trigger?: string }) => {
    if (event.trigger === 'clear') {
      return;
    }
    if (event.trigger === 'execute' && commandStack._stackIdx <= cleanIndex) {
      // a new command after undoing past the saved state: that state is gone from the stack
      cleanIndex = -2;
    }
    setDirty(commandStack._stackIdx !== cleanIndex);
  });
  eventBus.on('linting.completed', (event: { issues: Record<string, RawIssue[]> }) => options.onLint(flattenIssues(event.issues)));

  let simulating = false;
  eventBus.on('tokenSimulation.toggleMode', (event: { active: boolean }) => {
    simulating = event.active;
  });

  return {
    async importXml(xml, markDirty = false) {
      const { warnings } = await modeler.importXML(xml);
      cleanIndex = markDirty ? -2 : -1;
      setDirty(markDirty);
      modeler.get<{ zoom(how: string, center?: string): void }>('canvas').zoom('fit-viewport', 'auto');
      return warnings.map((warning) => String((warning as { message?: string }).message ?? warning));
    },
    async saveXml() {
      const { xml } = await modeler.saveXML({ format: true });
      return xml ?? '';
    },
    async saveSvg() {
      return (await modeler.saveSVG()).svg;
    },
    processKey() {
      const definitions = modeler.getDefinitions() as unknown as { rootElements?: { $type: string; id: string; isExecutable?: boolean }[] } | undefined;
      const processes = (definitions?.rootElements ?? []).filter((element) => element.$type === 'bpmn:Process');
      return (processes.find((process) => process.isExecutable) ?? processes[0])?.id;
    },
    select(elementId) {
      const registry = modeler.get<{ get(id: string): unknown }>('elementRegistry');
      const element = registry.get(elementId);
      if (!element) {
        return false;
      }
      modeler.get<{ select(element: unknown): void }>('selection').select(element);
      const shape = element as { waypoints?: unknown; parent?: unknown };
      if (shape.parent) {
        // the root (the process) has no parent and nowhere to scroll to
        modeler.get<{ scrollToElement(element: unknown): void }>('canvas').scrollToElement(element);
      }
      return true;
    },
    isDirty: () => dirty,
    markClean() {
      cleanIndex = commandStack._stackIdx;
      setDirty(false);
    },
    toggleTokenSimulation() {
      modeler.get<{ toggleMode(active?: boolean): void }>('toggleMode').toggleMode(!simulating);
      return simulating;
    },
    destroy() {
      modeler.destroy();
    },
  };
}
