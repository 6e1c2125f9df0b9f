import type { DefinitionVersion, ProcessDefinitionSummary } from '../api/client';
import { byId, h } from '../ui/dom';

const hook = (id: string) => `id="${id}" data-testid="${id}"`;

export const processPickerTemplate = `
      <label class="inline-field">Process
        <select class="select" ${hook('js-open-definition')}><option value="">Choose a deployed process…</option></select>
      </label>
      <label class="inline-field">Version
        <select class="select" ${hook('js-open-version')} disabled></select>
      </label>`;

/** Unique keys, sorted, each with the name of its newest version. */
export function definitionKeys(definitions: readonly ProcessDefinitionSummary[]): { key: string; name: string }[] {
  const newest = new Map<string, ProcessDefinitionSummary>();
  for (const definition of definitions) {
    const known = newest.get(definition.key);
    if (!known || known.version < definition.version) {
      newest.set(definition.key, definition);
    }
  }
  return [...newest.values()].map(({ key, name }) => ({ key, name: name || key })).sort((a, b) => a.key.localeCompare(b.key));
}

export interface ProcessPickerEvents {
  /** The user chose a process key. */
  onKey(key: string): void;
  /** The user chose another version of the shown process. */
  onVersion(version: DefinitionVersion): void;
}

/** The toolbar's two selects: a deployed process (`js-open-definition`) and its version (`js-open-version`). */
export class ProcessPicker {
  private versions: DefinitionVersion[] = [];
  private readonly keySelect: HTMLSelectElement;
  private readonly versionSelect: HTMLSelectElement;

  constructor(root: HTMLElement, events: ProcessPickerEvents) {
    this.keySelect = byId<HTMLSelectElement>(root, 'js-open-definition');
    this.versionSelect = byId<HTMLSelectElement>(root, 'js-open-version');
    this.keySelect.addEventListener('change', () => {
      if (this.keySelect.value) {
        events.onKey(this.keySelect.value);
      }
    });
    this.versionSelect.addEventListener('change', () => {
      const version = this.versions.find((candidate) => candidate.id === this.versionSelect.value);
      if (version) {
        events.onVersion(version);
      }
    });
  }

  /** The keys to choose from; the chosen one stays chosen. */
  fillKeys(definitions: readonly ProcessDefinitionSummary[]): void {
    const current = this.keySelect.value;
    this.keySelect.replaceChildren(
      h('option', { attrs: { value: '' } }, 'Choose a deployed process…'),
      ...definitionKeys(definitions).map(({ key, name }) => h('option', { attrs: { value: key } }, name === key ? key : `${name} (${key})`)),
    );
    this.keySelect.value = current;
  }

  /** Shows `key` with its versions (newest first), `selectedId` chosen. */
  show(key: string, versions: DefinitionVersion[], selectedId?: string): void {
    this.keySelect.value = key;
    this.versions = versions;
    this.versionSelect.replaceChildren(
      ...versions.map((version, index) =>
        h(
          'option',
          { attrs: { value: version.id } },
          `v${version.version}${version.versionTag ? ` (${version.versionTag})` : ''}${index === 0 ? ' · latest' : ''}`,
        ),
      ),
    );
    this.versionSelect.disabled = versions.length === 0;
    if (selectedId) {
      this.versionSelect.value = selectedId;
    }
  }

  /** Nothing deployed is open (a new diagram, a file). */
  clear(): void {
    this.show('', []);
  }

  /** Puts the selects back on what is open (the user changed their mind). */
  restore(key: string | undefined, version: number | undefined): void {
    this.keySelect.value = key ?? '';
    this.versionSelect.value = this.versions.find((candidate) => candidate.version === version)?.id ?? '';
  }
}
