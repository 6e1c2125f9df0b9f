import { BpmnModdle } from 'bpmn-moddle';
import { diff } from 'bpmn-js-differ';
import camunda from 'camunda-bpmn-moddle/resources/camunda.json';
import { describe, expect, it } from 'vitest';
import { diffRows, markersFor } from './diff';

function xml(tasks: string, shapes: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
  <bpmn:process id="p" isExecutable="true">${tasks}</bpmn:process>
  <bpmndi:BPMNDiagram id="di"><bpmndi:BPMNPlane id="plane" bpmnElement="p">${shapes}</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>`;
}

const shape = (id: string, x: number) => `<bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}"><dc:Bounds x="${x}" y="0" width="100" height="80" /></bpmndi:BPMNShape>`;

async function definitions(text: string): Promise<unknown> {
  return (await BpmnModdle({ camunda }).fromXML(text)).rootElement;
}

describe('diff rows', () => {
  it('should list added, removed, changed and moved elements', async () => {
    // given
    const before = await definitions(
      xml('<bpmn:task id="keep" name="Keep" /><bpmn:task id="gone" /><bpmn:task id="rename" name="Old" /><bpmn:task id="move" />', shape('keep', 0) + shape('gone', 200) + shape('rename', 400) + shape('move', 600)),
    );
    const after = await definitions(
      xml('<bpmn:task id="keep" name="Keep" /><bpmn:task id="rename" name="New" /><bpmn:task id="move" /><bpmn:serviceTask id="fresh" name="Fresh" />', shape('keep', 0) + shape('rename', 400) + shape('move', 650) + shape('fresh', 800)),
    );

    // when
    const rows = diffRows(diff(before, after));

    // then
    expect(rows.map((row) => `${row.change}:${row.elementId}`).sort()).toEqual(['added:fresh', 'changed:rename', 'moved:move', 'removed:gone']);
    expect(rows.find((row) => row.elementId === 'rename')!.details).toEqual(['name: "Old" → "New"']);
    expect(rows.find((row) => row.elementId === 'fresh')).toMatchObject({ type: 'ServiceTask', name: 'Fresh' });
  });

  it('should put removed markers on the left and added ones on the right', () => {
    // when
    const markers = markersFor([
      { elementId: 'a', change: 'added', type: 'Task', name: '', details: [] },
      { elementId: 'r', change: 'removed', type: 'Task', name: '', details: [] },
      { elementId: 'c', change: 'changed', type: 'Task', name: '', details: [] },
    ]);

    // then
    expect(markers.left).toEqual([['r', 'diff-removed'], ['c', 'diff-changed']]);
    expect(markers.right).toEqual([['a', 'diff-added'], ['c', 'diff-changed']]);
  });
});
