/**
 * Element names straight from BPMN XML, without bpmn-js: the instance page needs them for its
 * texts ("It stops at Ship order") before, or without, the diagram being drawn.
 */
export function bpmnNames(xml: string): Map<string, string> {
  const names = new Map<string, string>();
  const document = new DOMParser().parseFromString(xml, 'application/xml');
  for (const element of document.querySelectorAll('[id][name]')) {
    const name = element.getAttribute('name')?.trim();
    if (name) {
      names.set(element.getAttribute('id')!, name);
    }
  }
  return names;
}

/** Each element's BPMN type by id ("serviceTask", "exclusiveGateway"), straight from the XML. */
export function bpmnTypes(xml: string): Map<string, string> {
  const types = new Map<string, string>();
  const document = new DOMParser().parseFromString(xml, 'application/xml');
  for (const element of document.querySelectorAll('[id]')) {
    types.set(element.getAttribute('id')!, element.localName);
  }
  return types;
}
