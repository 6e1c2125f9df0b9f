import { BpmnModdle } from 'bpmn-moddle';
import camunda from 'camunda-bpmn-moddle/resources/camunda.json';
import { describe, expect, it } from 'vitest';
import {
  adapterCommands,
  readBinding,
  readRetryCycle,
  retryCycleCommands,
  savePointCommands,
  topicCommands,
  type Command,
  type ModdleElement,
} from './baton-binding';

const moddle = BpmnModdle({ camunda });
const create = (type: string, attributes?: Record<string, unknown>) => moddle.create(type, attributes) as ModdleElement;

async function serviceTask(attributes: string, extensions = ''): Promise<ModdleElement & { set(name: string, value: unknown): void }> {
  const { rootElement } = await moddle.fromXML(`<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
  <bpmn:process id="p" isExecutable="true"><bpmn:serviceTask id="t" ${attributes}>${extensions ? `<bpmn:extensionElements>${extensions}</bpmn:extensionElements>` : ''}</bpmn:serviceTask></bpmn:process>
</bpmn:definitions>`);
  return rootElement.rootElements[0].flowElements[0];
}

/** What bpmn-js's two commands do, on the bare moddle tree (the task stands for its shape). */
function run(commands: Command[]): void {
  for (const { cmd, context } of commands) {
    const target = (cmd === 'element.updateProperties' ? context.element : (context as { moddleElement: unknown }).moddleElement) as {
      set(name: string, value: unknown): void;
    };
    for (const [name, value] of Object.entries(context.properties)) {
      target.set(name, value);
    }
  }
}

async function xmlOf(task: ModdleElement): Promise<string> {
  const { xml } = await moddle.toXML(task);
  return xml;
}

describe('Baton binding', () => {
  it('should bind to an adapter, keeping other properties and replacing the adapter property', async () => {
    // given
    const task = await serviceTask(
      'camunda:type="external" camunda:topic="shipping"',
      '<camunda:properties><camunda:property name="owner" value="ops" /><camunda:property name="adapter" value="old" /></camunda:properties>',
    );

    // when
    run(adapterCommands(task, task, 'payment-charge', create));

    // then
    expect(readBinding(task)).toEqual({ kind: 'adapter', adapter: 'payment-charge' });
    const xml = await xmlOf(task);
    expect(xml).toContain('camunda:delegateExpression="${batonAdapter}"');
    expect(xml).not.toContain('camunda:type');
    expect(xml).not.toContain('camunda:topic');
    expect(xml).toContain('<camunda:property name="owner" value="ops" />');
    expect(xml.match(/name="adapter"/g)).toHaveLength(1);
    expect(xml).toContain('<camunda:property name="adapter" value="payment-charge" />');
  });

  it('should create the extension elements for a task that has none', async () => {
    // given
    const task = await serviceTask('');

    // when
    run(adapterCommands(task, task, 'payment-charge', create));

    // then
    expect(await xmlOf(task)).toContain(
      '<bpmn:extensionElements><camunda:properties><camunda:property name="adapter" value="payment-charge" /></camunda:properties></bpmn:extensionElements>',
    );
  });

  it('should switch from an adapter to a topic without leaving the delegate expression or adapter property', async () => {
    // given
    const task = await serviceTask(
      'camunda:delegateExpression="${batonAdapter}"',
      '<camunda:properties><camunda:property name="adapter" value="payment-charge" /></camunda:properties><camunda:failedJobRetryTimeCycle>R3/PT5S</camunda:failedJobRetryTimeCycle>',
    );

    // when
    run(topicCommands(task, task, 'shipping'));

    // then
    expect(readBinding(task)).toEqual({ kind: 'topic', topic: 'shipping' });
    const xml = await xmlOf(task);
    expect(xml).toContain('camunda:type="external" camunda:topic="shipping"');
    expect(xml).not.toContain('delegateExpression');
    expect(xml).not.toContain('camunda:properties');
    expect(readRetryCycle(task)).toBe('R3/PT5S');
  });

  it('should switch back and forth leaving no stale attribute', async () => {
    // given
    const task = await serviceTask('');

    // when
    run(topicCommands(task, task, 'shipping'));
    run(adapterCommands(task, task, 'payment-charge', create));
    run(topicCommands(task, task, 'billing'));

    // then
    expect(await xmlOf(task)).toContain(
      '<bpmn:serviceTask xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="t" camunda:type="external" camunda:topic="billing" />',
    );
  });

  it('should read a Java class binding as other', async () => {
    expect(readBinding(await serviceTask('camunda:class="com.example.A"'))).toEqual({ kind: 'other', description: 'com.example.A' });
    expect(readBinding(await serviceTask(''))).toEqual({ kind: 'none' });
  });

  it('should write the save point and the retry cycle', async () => {
    // given
    const task = await serviceTask('');

    // when
    run(savePointCommands(task, true));
    run(retryCycleCommands(task, task, 'R3/PT5S', create));
    run(retryCycleCommands(task, task, 'R5/PT1M', create));

    // then
    const xml = await xmlOf(task);
    expect(xml).toContain('camunda:asyncBefore="true"');
    expect(xml).toContain('<camunda:failedJobRetryTimeCycle>R5/PT1M</camunda:failedJobRetryTimeCycle>');

    // when
    run(savePointCommands(task, false));
    run(retryCycleCommands(task, task, '', create));

    // then
    expect(await xmlOf(task)).not.toMatch(/asyncBefore|failedJobRetryTimeCycle|extensionElements/);
  });
});
