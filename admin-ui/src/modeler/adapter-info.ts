/** What the Baton group says about the chosen adapter, from `GET /api/adapters`. bpmn-js-free. */
import type { Adapter } from '../api/client';

export interface AdapterDetail {
  label: string;
  value: string;
}

function names(list: readonly string[] | undefined): string {
  return list && list.length > 0 ? list.join(', ') : 'none declared';
}

/**
 * "Calls" (method and URL, or that it runs inside the engine), "Sends" (the variables it expects)
 * and "Returns" (the variables it answers with); for a name the server does not list, that it is
 * unknown.
 */
export function adapterDetails(name: string, adapters: readonly Adapter[]): AdapterDetail[] {
  if (!name) {
    return [];
  }
  const adapter = adapters.find((candidate) => candidate.name === name);
  if (!adapter) {
    return [{ label: 'Calls', value: `"${name}" is not an adapter the server knows` }];
  }
  const calls = adapter.url ? `${adapter.method ?? 'POST'} ${adapter.url}` : adapter.kind === 'bean' ? 'an adapter inside the engine (a Java bean)' : adapter.kind;
  return [
    { label: 'Calls', value: calls },
    { label: 'Sends', value: names(adapter.inputs) },
    { label: 'Returns', value: names(adapter.outputs) },
  ];
}
