/** Loaded only through `openModeler`'s dynamic import: bpmn-js's Modeler and its add-ons. */
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn.css';
import '@bpmn-io/properties-panel/assets/properties-panel.css';
import 'bpmn-js-token-simulation/assets/css/bpmn-js-token-simulation.css';
import Modeler from 'bpmn-js/lib/Modeler';
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, CamundaPlatformPropertiesProviderModule } from 'bpmn-js-properties-panel';
import tokenSimulationModule from 'bpmn-js-token-simulation/lib/modeler';
import camundaBehaviors from 'camunda-bpmn-js-behaviors/lib/camunda-platform';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import { batonPropertiesModule } from './baton-properties';
import type { ModelerOptions, ModelerView } from './modeler';

interface CommandStack {
  _stackIdx: number;
}

export function createModeler(canvas: HTMLElement, panel: HTMLElement, options: ModelerOptions): ModelerView {
  const modeler = new Modeler({
    container: canvas,
    propertiesPanel: { parent: panel },
    baton: { adapters: options.adapters ?? [], topics: options.topics },
    additionalModules: [
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      CamundaPlatformPropertiesProviderModule,
      camundaBehaviors,
      batonPropertiesModule,
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
    options.onChange();
  });
  const registry = modeler.get<{ get(id: string): { businessObject?: { name?: string } } | undefined }>('elementRegistry');
  const nameOf = (elementId: string) => registry.get(elementId)?.businessObject?.name || undefined;

  // the properties panel's layout (which groups are open), kept to open the Baton group on demand
  let layout: { groups?: Record<string, Record<string, unknown>> } = {};
  eventBus.on('propertiesPanel.layoutChanged', (event: { layout: typeof layout }) => {
    layout = event.layout ?? {};
  });
  function openBatonGroup(): void {
    const groups = layout.groups ?? {};
    eventBus.fire('propertiesPanel.setLayout', { layout: { ...layout, groups: { ...groups, baton: { ...groups.baton, open: true } } } });
  }
  const diagram = modeler.get<{ zoom(how?: string | number, center?: string): number; scrollToElement(element: unknown): void }>('canvas');

  let simulating = false;
  eventBus.on('tokenSimulation.toggleMode', (event: { active: boolean }) => {
    simulating = event.active;
  });

  return {
    async importXml(xml, markDirty = false) {
      const { warnings } = await modeler.importXML(xml);
      cleanIndex = markDirty ? -2 : -1;
      setDirty(markDirty);
      diagram.zoom('fit-viewport', 'auto');
      options.onChange();
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
      const element = registry.get(elementId);
      if (!element) {
        return false;
      }
      modeler.get<{ select(element: unknown): void }>('selection').select(element);
      if ((element as { parent?: unknown }).parent) {
        // the root (the process) has no parent and nowhere to scroll to
        diagram.scrollToElement(element);
      }
      openBatonGroup();
      return true;
    },
    elementName: nameOf,
    zoom(how) {
      if (how === 'fit') {
        diagram.zoom('fit-viewport', 'auto');
      } else {
        diagram.zoom(diagram.zoom() * (how === 'in' ? 1.25 : 0.8));
      }
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
