import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DefinitionVersion } from '../api/client';
import { fakeApi, settle } from '../test/fake-api';
import { ComparePanel, comparePanelTemplate } from './compare-panel';
import type { CompareView } from './modeler';

function version(key: string, number: number): DefinitionVersion {
  return { id: `${key}:${number}`, key, name: null, version: number, deploymentId: `d-${key}-${number}`, deployedAt: null };
}

describe('compare panel', () => {
  let root: HTMLElement;

  beforeEach(() => {
    vi.useFakeTimers();
    root = document.createElement('div');
    root.innerHTML = `<button id="js-compare"></button>${comparePanelTemplate}`;
    document.body.append(root);
  });

  afterEach(() => {
    root.remove();
    vi.useRealTimers();
  });

  it('should drop the versions of a process answered after another process was opened', async () => {
    // given order's versions answer late, after billing's
    let answerOrder: (versions: DefinitionVersion[]) => void = () => {};
    const api = fakeApi({
      getDefinitionVersions: (key: string) =>
        key === 'order' ? new Promise((resolve) => (answerOrder = resolve)) : Promise.resolve([version('billing', 1)]),
      getDefinitionXml: async (id: string) => `<xml id="${id}" />`,
    });
    let key = 'order';
    const compare: CompareView = { show: vi.fn(async () => []), select: vi.fn(), clear: vi.fn(), destroy: vi.fn() };
    const panel = new ComparePanel(root.querySelector('#js-compare-panel')!, root.querySelector('#js-compare')!, api, new AbortController().signal, {
      openCompare: async () => compare,
      hasDraft: () => true,
      draft: async () => `<draft of="${key}" />`,
      processKey: () => key,
    });

    // when the panel opens on order, then billing is opened before order's versions arrive
    void panel.toggle();
    await settle();
    key = 'billing';
    await panel.reset();
    answerOrder([version('order', 2)]);
    await settle();

    // then
    const left = root.querySelector<HTMLSelectElement>('#js-compare-left-version')!;
    expect([...left.options].map((option) => option.value)).toEqual(['draft', 'billing:1']);
    expect(compare.show).toHaveBeenCalledOnce();
    expect(compare.show).toHaveBeenCalledWith('<xml id="billing:1" />', '<draft of="billing" />');
  });
});
