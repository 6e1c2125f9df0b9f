import { BpmnModdle } from 'bpmn-moddle';
import { Linter } from 'bpmnlint';
import camunda from 'camunda-bpmn-moddle/resources/camunda.json';
import { describe, expect, it } from 'vitest';
import { lintConfig } from './lint-config';

function process(body: string, processAttributes = 'isExecutable="true" camunda:historyTimeToLive="P30D"'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
  <bpmn:process id="p" ${processAttributes}>${body}</bpmn:process>
</bpmn:definitions>`;
}

/** Baton's findings as `rule@element` (the other rules' are left out). */
async function batonIssues(xml: string, adapters?: string[]): Promise<string[]> {
  const { rootElement } = await BpmnModdle({ camunda }).fromXML(xml);
  const results = await new Linter(lintConfig(adapters)).lint(rootElement);
  return Object.entries(results)
    .filter(([rule]) => rule.startsWith('baton/'))
    .flatMap(([rule, reports]) => reports.map((report) => `${rule}@${report.id}`))
    .sort();
}

describe('Baton lint rules', () => {
  it('should report a service task bound to nothing', async () => {
    expect(await batonIssues(process('<bpmn:serviceTask id="t" />'))).toEqual(['baton/service-task-binding@t']);
  });

  it('should accept an adapter the server knows and report one it does not', async () => {
    // given
    const task = (adapter: string) => process(`
      <bpmn:serviceTask id="t" camunda:delegateExpression="\${batonAdapter}">
        <bpmn:extensionElements><camunda:properties><camunda:property name="adapter" value="${adapter}" /></camunda:properties></bpmn:extensionElements>
      </bpmn:serviceTask>`);

    // then
    expect(await batonIssues(task('payment-charge'), ['payment-charge'])).toEqual([]);
    expect(await batonIssues(task('nope'), ['payment-charge'])).toEqual(['baton/service-task-binding@t']);
    // adapters not loaded: nothing to compare with
    expect(await batonIssues(task('nope'))).toEqual([]);
  });

  it('should accept a class, an expression and an external task with a topic', async () => {
    const xml = process(`
      <bpmn:serviceTask id="a" camunda:class="com.example.A" />
      <bpmn:serviceTask id="b" camunda:expression="\${b.run()}" />
      <bpmn:serviceTask id="c" camunda:type="external" camunda:topic="shipping" />`);
    expect(await batonIssues(xml)).toEqual([]);
  });

  it('should report an external task without a topic', async () => {
    expect(await batonIssues(process('<bpmn:serviceTask id="c" camunda:type="external" />'))).toEqual(['baton/external-task-topic@c']);
  });

  it('should report an executable process without history time to live, not a non-executable one', async () => {
    expect(await batonIssues(process('', 'isExecutable="true"'))).toEqual(['baton/history-time-to-live@p']);
    expect(await batonIssues(process('', 'isExecutable="false"'))).toEqual([]);
  });

  it('should run the recommended rules too', async () => {
    // given
    const { rootElement } = await BpmnModdle({ camunda }).fromXML(process('<bpmn:task id="lonely" />'));

    // when
    const results = await new Linter(lintConfig([])).lint(rootElement);

    // then
    expect(results['no-disconnected']?.map((report) => report.id)).toEqual(['lonely']);
    expect(results['start-event-required']).toBeDefined();
  });
});
