/**
 * The properties panel's "Baton" group on service tasks: bind to an adapter or an external
 * topic, a save point (`camunda:asyncBefore`) and the retry cycle. Part of the lazily loaded
 * modeler chunk. Written without JSX: `jsx()` is preact's, shared with the properties panel.
 */
import { Group } from '@bpmn-io/properties-panel';
import { jsx } from '@bpmn-io/properties-panel/preact/jsx-runtime';
import { is } from 'bpmn-js/lib/util/ModelUtil';
import { useService } from 'bpmn-js-properties-panel';
import type { Adapter } from '../api/client';
import { adapterDetails } from './adapter-info';
import {
  adapterCommands,
  readBinding,
  readRetryCycle,
  retryCycleCommands,
  savePointCommands,
  topicCommands,
  unbindCommands,
  type Command,
  type Create,
  type ModdleElement,
} from './baton-binding';

/** `config.baton`: what the server knows, loaded before the modeler opens. */
export interface BatonPanelConfig {
  /** Names, URLs, inputs and outputs: the picker shows the chosen one's. */
  adapters: Adapter[];
  topics: string[];
}

interface Shape {
  id: string;
  businessObject: ModdleElement;
}

interface CommandStack {
  execute(command: string, context: unknown): void;
}

const hook = (id: string) => ({ id, 'data-testid': id });

function useWriter(): { run(commands: Command[]): void; create: Create } {
  const commandStack = useService<CommandStack>('commandStack');
  const bpmnFactory = useService<{ create: Create }>('bpmnFactory');
  return {
    run(commands) {
      if (commands.length > 0) {
        // one command stack entry: one undo
        commandStack.execute('properties-panel.multi-command-executor', commands);
      }
    },
    create: (type, attributes) => bpmnFactory.create(type, attributes),
  };
}

function field(label: string, id: string, control: unknown, description?: string): unknown {
  return jsx('div', {
    class: 'bio-properties-panel-entry',
    children: [
      jsx('label', { for: id, class: 'bio-properties-panel-label', children: label }),
      control,
      description ? jsx('div', { class: 'bio-properties-panel-description', children: description }) : null,
    ],
  });
}

function options(values: string[], selected: string, extra: [string, string][] = []): unknown[] {
  const list = [...extra, ...values.map((value): [string, string] => [value, value])];
  if (selected && !list.some(([value]) => value === selected)) {
    list.push([selected, `${selected} (unknown)`]);
  }
  return list.map(([value, label]) => jsx('option', { value, selected: value === selected, children: label }));
}

function BindingEntry(props: { element: Shape; config: BatonPanelConfig }): unknown {
  const { element, config } = props;
  const bo = element.businessObject;
  const binding = readBinding(bo);
  const { run, create } = useWriter();

  const chooseKind = (kind: string) => {
    if (kind === 'adapter') {
      run(adapterCommands(element, bo, config.adapters[0]?.name ?? '', create));
    } else if (kind === 'topic') {
      run(topicCommands(element, bo, config.topics[0] ?? ''));
    } else if (kind === 'none') {
      run(unbindCommands(element, bo));
    }
  };

  const kind = field(
    'Calls',
    'js-binding-kind',
    jsx('select', {
      ...hook('js-binding-kind'),
      class: 'bio-properties-panel-input',
      onChange: (event: Event) => chooseKind((event.target as HTMLSelectElement).value),
      children: [
        jsx('option', { value: 'none', selected: binding.kind === 'none', children: 'Nothing yet' }),
        jsx('option', { value: 'adapter', selected: binding.kind === 'adapter', children: 'An adapter (the engine calls it)' }),
        jsx('option', { value: 'topic', selected: binding.kind === 'topic', children: 'An external topic (a worker fetches it)' }),
        binding.kind === 'other' ? jsx('option', { value: 'other', selected: true, disabled: true, children: `Other: ${binding.description}` }) : null,
      ],
    }),
  );

  const children = [kind];
  if (binding.kind === 'adapter') {
    children.push(
      field(
        'Adapter',
        'js-binding-adapter',
        jsx('select', {
          ...hook('js-binding-adapter'),
          class: 'bio-properties-panel-input',
          onChange: (event: Event) => run(adapterCommands(element, bo, (event.target as HTMLSelectElement).value, create)),
          children: options(
            config.adapters.map((adapter) => adapter.name),
            binding.adapter,
            binding.adapter ? [] : [['', 'Choose an adapter']],
          ),
        }),
        config.adapters.length === 0 ? 'The server lists no adapters' : undefined,
      ),
      jsx('dl', {
        ...hook('js-binding-adapter-info'),
        class: 'baton-adapter-info',
        children: adapterDetails(binding.adapter, config.adapters).flatMap(({ label, value }) => [
          jsx('dt', { children: label }),
          jsx('dd', { class: label === 'Calls' ? 'baton-adapter-url' : undefined, children: value }),
        ]),
      }),
    );
  }
  if (binding.kind === 'topic') {
    children.push(
      field(
        'Topic',
        'js-binding-topic',
        jsx('select', {
          ...hook('js-binding-topic'),
          class: 'bio-properties-panel-input',
          onChange: (event: Event) => run(topicCommands(element, bo, (event.target as HTMLSelectElement).value)),
          children: options(config.topics, binding.topic, binding.topic ? [] : [['', 'Choose a topic']]),
        }),
      ),
      field(
        'Or a new topic',
        'js-binding-topic-text',
        jsx('input', {
          ...hook('js-binding-topic-text'),
          class: 'bio-properties-panel-input',
          type: 'text',
          value: binding.topic,
          spellcheck: false,
          onChange: (event: Event) => run(topicCommands(element, bo, (event.target as HTMLInputElement).value)),
        }),
        'Workers fetch tasks by this name',
      ),
    );
  }
  return jsx('div', { class: 'baton-binding-entries', children });
}

function SavePointEntry(props: { element: Shape }): unknown {
  const { element } = props;
  const { run } = useWriter();
  const on = element.businessObject.get('camunda:asyncBefore') === true;
  return jsx('div', {
    class: 'bio-properties-panel-entry bio-properties-panel-checkbox',
    children: [
      jsx('input', {
        ...hook('js-binding-save-point'),
        class: 'bio-properties-panel-input',
        type: 'checkbox',
        checked: on,
        onChange: (event: Event) => run(savePointCommands(element, (event.target as HTMLInputElement).checked)),
      }),
      jsx('label', { for: 'js-binding-save-point', class: 'bio-properties-panel-label', children: 'Save point before the task (retries start here)' }),
    ],
  });
}

function RetryEntry(props: { element: Shape }): unknown {
  const { element } = props;
  const { run, create } = useWriter();
  const bo = element.businessObject;
  return field(
    'Retry cycle',
    'js-binding-retry',
    jsx('input', {
      ...hook('js-binding-retry'),
      class: 'bio-properties-panel-input',
      type: 'text',
      placeholder: 'R3/PT5S',
      value: readRetryCycle(bo),
      spellcheck: false,
      onChange: (event: Event) => run(retryCycleCommands(element, bo, (event.target as HTMLInputElement).value, create)),
    }),
    'e.g. R3/PT5S: three retries, five seconds apart',
  );
}

/** The group's wrapper carries the test hook `js-baton-binding`. */
function BatonGroup(props: Record<string, unknown>): unknown {
  return jsx('div', { ...hook('js-baton-binding'), class: 'baton-group', children: jsx(Group, props) });
}

interface Group {
  id: string;
}

class BatonPropertiesProvider {
  static $inject = ['propertiesPanel', 'config.baton'];

  constructor(
    propertiesPanel: { registerProvider(priority: number, provider: unknown): void },
    private readonly config: BatonPanelConfig | undefined,
  ) {
    propertiesPanel.registerProvider(400, this);
  }

  getGroups(element: Shape): (groups: Group[]) => Group[] {
    return (groups) => {
      if (!is(element as never, 'bpmn:ServiceTask')) {
        return groups;
      }
      const config = this.config ?? { adapters: [], topics: [] };
      const group = {
        id: 'baton',
        label: 'Baton',
        component: BatonGroup,
        shouldOpen: true,
        entries: [
          { id: 'baton-binding', element, config, component: BindingEntry, isEdited: () => readBinding(element.businessObject).kind !== 'none' },
          { id: 'baton-save-point', element, component: SavePointEntry, isEdited: () => element.businessObject.get('camunda:asyncBefore') === true },
          { id: 'baton-retry', element, component: RetryEntry, isEdited: () => readRetryCycle(element.businessObject) !== '' },
        ],
      };
      const general = groups.findIndex((candidate) => candidate.id === 'general');
      groups.splice(general + 1, 0, group);
      return groups;
    };
  }
}

export const batonPropertiesModule = {
  __init__: ['batonPropertiesProvider'],
  batonPropertiesProvider: ['type', BatonPropertiesProvider],
};
