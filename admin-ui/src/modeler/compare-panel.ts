import { ApiError, describeError, type BatonApi, type DefinitionVersion } from '../api/client';
import { byId, h } from '../ui/dom';
import { plural } from '../ui/format';
import type { DiffRow } from './diff';
import type { CompareView, openCompare } from './modeler';

const hook = (id: string) => `id="${id}" data-testid="${id}"`;
/** The choice that stands for the editor's diagram. */
export const DRAFT = 'draft';

export const comparePanelTemplate = `
    <section class="modeler-box compare-box" ${hook('js-compare-panel')} hidden>
      <div class="toolbar">
        <h2 class="box-title">Compare</h2>
        <label class="inline-field">Left (before) <select class="select" ${hook('js-compare-left-version')}></select></label>
        <label class="inline-field">Right (after) <select class="select" ${hook('js-compare-right-version')}></select></label>
        <span class="legend"><span class="legend-swatch swatch-added"></span>added <span class="legend-swatch swatch-removed"></span>removed
          <span class="legend-swatch swatch-changed"></span>changed <span class="legend-swatch swatch-moved"></span>moved</span>
      </div>
      <div class="alert alert-error" ${hook('js-compare-error')} role="alert" hidden></div>
      <div class="compare-layout">
        <div class="compare-canvas" ${hook('js-compare-left')}></div>
        <div class="compare-canvas" ${hook('js-compare-right')}></div>
      </div>
      <p class="muted" ${hook('js-diff-summary')}></p>
      <ul class="issue-list" ${hook('js-diff-list')}></ul>
    </section>`;

export interface CompareSource {
  openCompare: typeof openCompare;
  /** Whether the editor is loaded. */
  hasDraft(): boolean;
  /** The editor's diagram as it is now. */
  draft(): Promise<string>;
  /** The key the editor's diagram deploys as. */
  processKey(): string | undefined;
}

/**
 * Compare (`js-compare-panel`, toggled by `js-compare`): two deployed versions, or one and the
 * draft, side by side with diff markers and a row per difference. Its state is the versions it
 * offers and the diagrams it shows; {@link reset} (another diagram opened) and
 * {@link versionsChanged} (a deployment) keep them from going stale.
 */
export class ComparePanel {
  private compare: CompareView | undefined;
  private versions: DefinitionVersion[] = [];
  /** Counts refreshes and comparisons: an answer for an older one is dropped. */
  private generation = 0;
  private readonly left: HTMLSelectElement;
  private readonly right: HTMLSelectElement;
  private readonly error: HTMLElement;
  private readonly list: HTMLElement;
  private readonly summary: HTMLElement;

  constructor(
    private readonly root: HTMLElement,
    private readonly toggleButton: HTMLButtonElement,
    private readonly api: BatonApi,
    private readonly signal: AbortSignal,
    private readonly source: CompareSource,
  ) {
    this.left = byId<HTMLSelectElement>(root, 'js-compare-left-version');
    this.right = byId<HTMLSelectElement>(root, 'js-compare-right-version');
    this.error = byId(root, 'js-compare-error');
    this.list = byId(root, 'js-diff-list');
    this.summary = byId(root, 'js-diff-summary');
    toggleButton.addEventListener('click', () => void this.toggle());
    this.left.addEventListener('change', () => void this.run());
    this.right.addEventListener('change', () => void this.run());
  }

  get shown(): boolean {
    return !this.root.hidden;
  }

  async toggle(): Promise<void> {
    const show = !this.shown;
    this.root.hidden = !show;
    this.toggleButton.setAttribute('aria-pressed', String(show));
    if (show) {
      await this.refresh();
    }
  }

  /**
   * Another diagram is open in the editor. Shown, the panel starts over with it (its process's
   * versions, the latest against the new draft); hidden, it forgets the previous diagrams, so
   * nothing of the previous draft is left to see.
   */
  async reset(): Promise<void> {
    if (this.shown) {
      await this.refresh();
      return;
    }
    this.generation++;
    this.versions = [];
    this.left.replaceChildren();
    this.right.replaceChildren();
    this.summary.textContent = '';
    this.list.replaceChildren();
    this.error.hidden = true;
    this.compare?.clear();
  }

  /** A deployment made (or kept) a version: offer the versions as they are now and compare again. */
  async versionsChanged(): Promise<void> {
    if (this.shown) {
      await this.refresh();
    }
  }

  destroy(): void {
    this.compare?.destroy();
  }

  /** Loads the versions of the editor's process, offers them, and compares the latest with the draft. */
  private async refresh(): Promise<void> {
    if (!this.source.hasDraft()) {
      return;
    }
    const mine = ++this.generation;
    const key = this.source.processKey();
    let versions: DefinitionVersion[] = [];
    this.error.hidden = true;
    if (key) {
      try {
        versions = await this.api.getDefinitionVersions(key, this.signal);
      } catch (failure) {
        // a key never deployed: only the draft is there
        if (!(failure instanceof ApiError && failure.status === 404) && !this.signal.aborted && mine === this.generation) {
          this.error.textContent = describeError(`Could not load the versions of ${key}`, failure);
          this.error.hidden = false;
        }
      }
    }
    if (mine !== this.generation) {
      return;
    }
    this.versions = versions;
    const latest = this.versions[0];
    this.options(this.left, latest ? latest.id : DRAFT);
    this.options(this.right, DRAFT);
    if (!latest) {
      this.summary.textContent = `${key ?? 'This process'} is not deployed yet: nothing to compare the draft with`;
      this.list.replaceChildren();
      this.compare?.clear();
      return;
    }
    await this.run();
  }

  private options(select: HTMLSelectElement, selected: string): void {
    select.replaceChildren(
      h('option', { attrs: { value: DRAFT } }, 'Draft (this editor)'),
      ...this.versions.map((version, index) =>
        h(
          'option',
          { attrs: { value: version.id } },
          `${version.key} v${version.version}${version.versionTag ? ` (${version.versionTag})` : ''}${index === 0 ? ' · latest' : ''}`,
        ),
      ),
    );
    select.value = selected;
  }

  private xmlFor(choice: string): Promise<string> {
    return choice === DRAFT ? this.source.draft() : this.api.getDefinitionXml(choice, this.signal);
  }

  private async run(): Promise<void> {
    const mine = ++this.generation;
    this.error.hidden = true;
    try {
      this.compare ??= await this.source.openCompare(byId(this.root, 'js-compare-left'), byId(this.root, 'js-compare-right'));
      const [leftXml, rightXml] = await Promise.all([this.xmlFor(this.left.value), this.xmlFor(this.right.value)]);
      if (mine !== this.generation) {
        return;
      }
      const rows = await this.compare.show(leftXml, rightXml);
      if (mine === this.generation) {
        this.showDiff(rows);
      }
    } catch (failure) {
      if (!this.signal.aborted && mine === this.generation) {
        this.error.textContent = describeError('Could not compare', failure);
        this.error.hidden = false;
      }
    }
  }

  private showDiff(rows: DiffRow[]): void {
    this.summary.textContent = rows.length ? `${plural(rows.length, 'difference')}` : 'No differences';
    this.list.replaceChildren(
      ...rows.map((row) => {
        const item = h(
          'li',
          { className: `issue diff-row-${row.change}`, hook: 'js-diff-row', dataset: { elementId: row.elementId, change: row.change }, attrs: { tabindex: '0', role: 'button' } },
          h('span', { className: `severity change-${row.change}` }, row.change),
          h('span', { className: 'issue-message' }, `${row.type} ${row.name || row.elementId}`),
          h('span', { className: 'mono muted small' }, [row.elementId, ...row.details].join(' · ')),
        );
        item.addEventListener('click', () => this.compare?.select(row.elementId));
        return item;
      }),
    );
  }
}
