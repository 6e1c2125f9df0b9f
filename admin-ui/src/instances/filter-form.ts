import { INSTANCE_STATES, type InstanceQuery, type InstanceState, type ProcessDefinitionSummary } from '../api/client';
import { byId, h } from '../ui/dom';
import { isoToLocalInput, localInputToIso, timeZone } from '../ui/format';

/** RUNNING means "not ended", so it includes instances with incidents. */
const STATE_FILTER_LABELS: Record<InstanceState, string> = {
  RUNNING: 'Running (all)',
  INCIDENT: 'With an incident',
  COMPLETED: 'Completed',
  CANCELED: 'Canceled',
};

export const filterFormTemplate = `
  <form class="filters" id="js-filters" data-testid="js-filters" novalidate>
      <label class="field">
        <span class="field-label">Process</span>
        <input class="input" id="js-filter-definition" data-testid="js-filter-definition" list="js-definition-keys" placeholder="All processes" autocomplete="off" />
        <datalist id="js-definition-keys"></datalist>
      </label>
      <label class="field field-narrow">
        <span class="field-label">Version</span>
        <select class="select" id="js-filter-version" data-testid="js-filter-version"><option value="">All</option></select>
      </label>
      <label class="field field-state">
        <span class="field-label">State</span>
        <select class="select" id="js-filter-state" data-testid="js-filter-state">
          <option value="">Any</option>
          ${INSTANCE_STATES.map((state) => `<option value="${state}">${STATE_FILTER_LABELS[state]}</option>`).join('')}
        </select>
      </label>
      <div class="field">
        <span class="field-label" id="js-business-key-label">Business key</span>
        <span class="field-group">
          <select class="select" id="js-filter-business-key-match" data-testid="js-filter-business-key-match" aria-label="How the business key matches">
            <option value="exact">is</option>
            <option value="prefix">starts with</option>
          </select>
          <input class="input" id="js-filter-business-key" data-testid="js-filter-business-key" aria-labelledby="js-business-key-label" autocomplete="off" />
        </span>
      </div>
      <label class="field">
        <span class="field-label">Started after</span>
        <input class="input" type="datetime-local" id="js-filter-started-after" data-testid="js-filter-started-after" />
      </label>
      <label class="field">
        <span class="field-label">Started before</span>
        <input class="input" type="datetime-local" id="js-filter-started-before" data-testid="js-filter-started-before" />
      </label>
      <div class="field">
        <span class="field-label" id="js-variable-label">Variable equals</span>
        <span class="field-group">
          <input class="input" id="js-filter-variable-name" data-testid="js-filter-variable-name" placeholder="name" aria-label="Variable name" autocomplete="off" />
          <input class="input" id="js-filter-variable-value" data-testid="js-filter-variable-value" placeholder="value" aria-label="Variable value" autocomplete="off" />
        </span>
      </div>
      <label class="field">
        <span class="field-label">At step</span>
        <input class="input mono" id="js-filter-activity" data-testid="js-filter-activity" placeholder="activity id" title="Running instances waiting, about to run or failing at this step (its id in the diagram)" autocomplete="off" />
      </label>
      <label class="field">
        <span class="field-label">Called by</span>
        <input class="input mono" id="js-filter-parent" data-testid="js-filter-parent" placeholder="parent instance id" title="Instances a call activity of this instance started" autocomplete="off" />
      </label>
      <label class="field field-check">
        <input type="checkbox" id="js-filter-root-only" data-testid="js-filter-root-only" />
        <span>Root instances only</span>
      </label>
      <div class="filter-actions">
        <button type="submit" class="button button-primary" id="js-apply-filters" data-testid="js-apply-filters">Apply</button>
        <button type="button" class="button" id="js-clear-filters" data-testid="js-clear-filters">Clear</button>
      </div>
      <p class="field-error" id="js-filter-error" data-testid="js-filter-error" role="alert" hidden></p>
    </form>
`;

/**
 * The instance filters (`js-filter-*`): shows a query, reads one back with the start range as
 * ISO instants, and says what is wrong instead (a value without a variable name, a range that
 * ends before it starts) so nothing nonsensical is searched.
 */
export class InstanceFilterForm {
  private definitions: ProcessDefinitionSummary[] = [];

  constructor(private readonly root: HTMLElement) {
    this.input('js-filter-started-after').title = `In ${timeZone()}`;
    this.input('js-filter-started-before').title = `In ${timeZone()}`;
    this.input('js-filter-definition').addEventListener('input', () => this.showVersions(this.select('js-filter-version').value));
  }

  /** Offers the deployed keys to pick from, and their versions. */
  setDefinitions(definitions: ProcessDefinitionSummary[], query: InstanceQuery): void {
    this.definitions = definitions;
    const keys = [...new Set(definitions.map((definition) => definition.key))].sort();
    byId(this.root, 'js-definition-keys').replaceChildren(
      ...keys.map((key) => h('option', { attrs: { value: key } }, definitions.find((definition) => definition.key === key)?.name ?? key)),
    );
    this.showVersions(this.select('js-filter-version').value || (query.definitionVersion ? String(query.definitionVersion) : ''));
  }

  /** The versions of the key typed so far, keeping `wanted` (from the address) even if unknown. */
  private showVersions(wanted: string): void {
    const key = this.input('js-filter-definition').value.trim();
    const versions = this.definitions.filter((definition) => definition.key === key).map((definition) => definition.version);
    if (wanted && !versions.includes(Number(wanted))) {
      versions.push(Number(wanted));
    }
    versions.sort((a, b) => b - a);
    this.select('js-filter-version').replaceChildren(
      h('option', { attrs: { value: '' } }, 'All'),
      ...versions.map((version) => h('option', { attrs: { value: String(version) } }, `v${version}`)),
    );
    this.select('js-filter-version').value = versions.includes(Number(wanted)) ? wanted : '';
    this.select('js-filter-version').disabled = !key;
  }

  /** Shows `query` in the form. */
  fill(query: InstanceQuery): void {
    this.input('js-filter-definition').value = query.definitionKey ?? '';
    this.showVersions(query.definitionVersion ? String(query.definitionVersion) : '');
    this.select('js-filter-state').value = query.state ?? '';
    this.select('js-filter-business-key-match').value = query.businessKeyPrefix ? 'prefix' : 'exact';
    this.input('js-filter-business-key').value = query.businessKey ?? query.businessKeyPrefix ?? '';
    this.input('js-filter-started-after').value = isoToLocalInput(query.startedAfter);
    this.input('js-filter-started-before').value = isoToLocalInput(query.startedBefore);
    this.input('js-filter-variable-name').value = query.variableName ?? '';
    this.input('js-filter-variable-value').value = query.variableValue ?? '';
    this.input('js-filter-activity').value = query.activityId ?? '';
    this.input('js-filter-parent').value = query.parentInstanceId ?? '';
    this.input('js-filter-root-only').checked = query.rootOnly === true;
  }

  /** The form as a query (first page, `current`'s size and sort), or what is wrong with it. */
  read(current: InstanceQuery): InstanceQuery | string {
    const businessKey = this.input('js-filter-business-key').value.trim() || undefined;
    const prefix = this.select('js-filter-business-key-match').value === 'prefix';
    const variableName = this.input('js-filter-variable-name').value.trim() || undefined;
    const variableValue = this.input('js-filter-variable-value').value;
    const after = this.input('js-filter-started-after').value;
    const before = this.input('js-filter-started-before').value;
    const startedAfter = localInputToIso(after);
    const startedBefore = localInputToIso(before);
    if ((after && !startedAfter) || (before && !startedBefore)) {
      return 'Enter "started" times as a date and a time.';
    }
    if (startedAfter && startedBefore && startedAfter > startedBefore) {
      return '"Started after" must be before "Started before".';
    }
    if (variableValue && !variableName) {
      return 'Enter the variable’s name as well as its value.';
    }
    const parentInstanceId = this.input('js-filter-parent').value.trim() || undefined;
    const rootOnly = this.input('js-filter-root-only').checked || undefined;
    if (parentInstanceId && rootOnly) {
      return 'An instance with a parent is not a root instance: choose "Called by" or "Root instances only".';
    }
    const definitionKey = this.input('js-filter-definition').value.trim() || undefined;
    const version = this.select('js-filter-version').value;
    return {
      definitionKey,
      definitionVersion: definitionKey && version ? Number(version) : undefined,
      state: (this.select('js-filter-state').value || undefined) as InstanceQuery['state'],
      businessKey: prefix ? undefined : businessKey,
      businessKeyPrefix: prefix ? businessKey : undefined,
      startedAfter,
      startedBefore,
      variableName,
      variableValue: variableName ? variableValue : undefined,
      activityId: this.input('js-filter-activity').value.trim() || undefined,
      parentInstanceId,
      rootOnly,
      page: 0,
      size: current.size,
      sort: current.sort,
    };
  }

  private input(id: string): HTMLInputElement {
    return byId<HTMLInputElement>(this.root, id);
  }

  private select(id: string): HTMLSelectElement {
    return byId<HTMLSelectElement>(this.root, id);
  }
}
