/**
 * Baton's own bpmnlint rules (plugin `baton`), the browser's copy of the checks the server runs
 * before a deployment: what the engine cannot execute, said while the analyst edits.
 */

/** A moddle element as bpmnlint hands it to a rule. */
interface Node {
  $type: string;
  $instanceOf?(type: string): boolean;
  id?: string;
  get(name: string): unknown;
  extensionElements?: { values?: Node[] };
  values?: Node[];
  name?: string;
  value?: string;
}

interface Reporter {
  report(id: string, message: string): void;
}

export interface LintRule {
  check(node: Node, reporter: Reporter): void;
}

export const BATON_ADAPTER_EXPRESSION = '${batonAdapter}';

function isA(node: Node, type: string): boolean {
  return typeof node.$instanceOf === 'function' ? node.$instanceOf(type) : node.$type === type;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** The value of `<camunda:property name="adapter">`, or undefined. */
export function adapterProperty(node: Node): string | undefined {
  for (const extension of node.extensionElements?.values ?? []) {
    if (extension.$type === 'camunda:Properties') {
      const property = (extension.values ?? []).find((entry) => entry.name === 'adapter');
      if (property) {
        return text(property.value);
      }
    }
  }
  return undefined;
}

/** Service-task-like elements the engine has to call something for. */
function isServiceLike(node: Node): boolean {
  return isA(node, 'bpmn:ServiceTask') || isA(node, 'bpmn:SendTask');
}

/**
 * (a) a service task is bound to nothing (no delegate expression, class, expression or type), or
 * to an adapter the server does not know.
 *
 * @param config.adapters the names from `GET /api/adapters`; undefined while they are unknown
 *   (then unknown adapters are not reported)
 */
export function serviceTaskBinding(config: { adapters?: readonly string[] } = {}): LintRule {
  return {
    check(node, reporter) {
      if (!isServiceLike(node) || !node.id) {
        return;
      }
      const delegate = text(node.get('camunda:delegateExpression'));
      const bound =
        delegate ||
        text(node.get('camunda:class')) ||
        text(node.get('camunda:expression')) ||
        text(node.get('camunda:type'));
      if (!bound) {
        reporter.report(node.id, 'Service task is bound to nothing: choose an adapter or an external topic');
        return;
      }
      if (delegate === BATON_ADAPTER_EXPRESSION) {
        const adapter = adapterProperty(node);
        if (!adapter) {
          reporter.report(node.id, 'Service task calls ${batonAdapter} but names no adapter (camunda:property "adapter")');
        } else if (config.adapters && !config.adapters.includes(adapter)) {
          reporter.report(node.id, `Adapter "${adapter}" is not known to the server`);
        }
      }
    },
  };
}

/** (b) an executable process must say how long its history is kept. */
export function historyTimeToLive(): LintRule {
  return {
    check(node, reporter) {
      if (!isA(node, 'bpmn:Process') || !node.id || node.get('isExecutable') !== true) {
        return;
      }
      const ttl = node.get('camunda:historyTimeToLive');
      if (ttl === undefined || ttl === null || text(String(ttl)) === '') {
        reporter.report(node.id, 'Executable process has no history time to live (camunda:historyTimeToLive)');
      }
    },
  };
}

/** (c) an external task (`camunda:type="external"`) needs a topic. */
export function externalTaskTopic(): LintRule {
  return {
    check(node, reporter) {
      if (!node.id || text(node.get('camunda:type')) !== 'external') {
        return;
      }
      if (!text(node.get('camunda:topic'))) {
        reporter.report(node.id, 'External task has no topic (camunda:topic)');
      }
    },
  };
}

/** Rule name (without `baton/`) → factory. */
export const batonRules: Record<string, (config?: never) => LintRule> = {
  'service-task-binding': serviceTaskBinding as (config?: never) => LintRule,
  'history-time-to-live': historyTimeToLive,
  'external-task-topic': externalTaskTopic,
};
