import { INSTANCE_STATES, type InstanceQuery, type InstanceState, type SortOrder } from '../api/client';
import type { QueryValues } from '../router';
import { PAGE_SIZES, pageOf, pageSizeOf } from '../ui/pager';

export const DEFAULT_SORT: SortOrder = 'startTime,desc';

/**
 * The instance list's query from the address: the URL uses the API's parameter names, so a
 * link is the query. Values that make no sense (a state that does not exist, a page size not
 * offered, a date that is no date) are dropped rather than sent.
 */
export function instanceQueryOf(query: URLSearchParams): InstanceQuery {
  const text = (name: string) => query.get(name)?.trim() || undefined;
  const instant = (name: string) => {
    const value = text(name);
    return value && !Number.isNaN(new Date(value).getTime()) ? value : undefined;
  };
  const version = Number(text('definitionVersion'));
  const state = text('state')?.toUpperCase();
  const sort = text('sort');
  const definitionKey = text('definitionKey');
  const variableName = text('variableName');
  return {
    definitionKey,
    definitionVersion: definitionKey && Number.isInteger(version) && version > 0 ? version : undefined,
    state: INSTANCE_STATES.includes(state as InstanceState) ? (state as InstanceState) : undefined,
    businessKey: text('businessKey'),
    businessKeyPrefix: text('businessKey') ? undefined : text('businessKeyPrefix'),
    startedAfter: instant('startedAfter'),
    startedBefore: instant('startedBefore'),
    variableName,
    variableValue: variableName ? (query.get('variableValue') ?? undefined) : undefined,
    activityId: text('activityId'),
    parentInstanceId: text('parentInstanceId'),
    rootOnly: text('rootOnly') === 'true' ? true : undefined,
    page: pageOf(query.get('page')),
    size: pageSizeOf(query.get('size')),
    sort: sort === 'startTime,asc' ? 'startTime,asc' : DEFAULT_SORT,
  };
}

/** The address's query for `query`; defaults (first page, newest first) are left out. */
export function queryValuesOf(query: InstanceQuery): QueryValues {
  return {
    definitionKey: query.definitionKey,
    definitionVersion: query.definitionVersion,
    state: query.state,
    businessKey: query.businessKey,
    businessKeyPrefix: query.businessKeyPrefix,
    startedAfter: query.startedAfter,
    startedBefore: query.startedBefore,
    variableName: query.variableName,
    variableValue: query.variableName ? query.variableValue : undefined,
    activityId: query.activityId,
    parentInstanceId: query.parentInstanceId,
    rootOnly: query.rootOnly ? 'true' : undefined,
    page: query.page ? query.page : undefined,
    size: query.size,
    sort: query.sort === DEFAULT_SORT ? undefined : query.sort,
  };
}

/** Whether any filter is set (paging and sorting aside): decides what "empty" says. */
export function hasFilters(query: InstanceQuery): boolean {
  const { page: _page, size: _size, sort: _sort, ...filters } = query;
  return Object.values(filters).some((value) => value !== undefined && value !== '');
}

/** A value in the address that the list left out of its search, and why. */
export interface RefusedValue {
  name: string;
  value: string;
  reason: string;
}

const KNOWN = new Set(['definitionKey', 'definitionVersion', 'state', 'businessKey', 'businessKeyPrefix', 'startedAfter', 'startedBefore', 'variableName', 'variableValue', 'activityId', 'parentInstanceId', 'rootOnly', 'page', 'size', 'sort']);

/**
 * What {@link instanceQueryOf} drops, said aloud: a link like `?state=BOGUS&size=9999` must not
 * look as if it filtered. In the address's order.
 */
export function refusedValues(query: URLSearchParams): RefusedValue[] {
  const accepted = instanceQueryOf(query);
  const refused: RefusedValue[] = [];
  for (const [name, raw] of query) {
    const value = raw.trim();
    const refuse = (reason: string) => refused.push({ name, value: raw, reason });
    if (!KNOWN.has(name)) {
      refuse('not a filter of this list');
    } else if (value === '') {
      continue;
    } else if (name === 'state' && accepted.state === undefined) {
      refuse(`not a state; one of ${INSTANCE_STATES.join(', ')}`);
    } else if ((name === 'startedAfter' || name === 'startedBefore') && accepted[name] === undefined) {
      refuse('not a date and time, e.g. 2026-11-26T10:00:00Z');
    } else if (name === 'definitionVersion' && accepted.definitionVersion === undefined) {
      refuse(accepted.definitionKey ? 'not a version number' : 'a version needs a process (definitionKey)');
    } else if (name === 'size' && String(accepted.size) !== value) {
      refuse(`not a page size offered; one of ${PAGE_SIZES.join(', ')}`);
    } else if (name === 'page' && String(accepted.page) !== value) {
      refuse('not a page number (0 is the first)');
    } else if (name === 'sort' && accepted.sort !== value) {
      refuse('not a sort order; startTime,asc or startTime,desc');
    } else if (name === 'variableValue' && accepted.variableName === undefined) {
      refuse('a value needs a variable name (variableName)');
    } else if (name === 'rootOnly' && value !== 'true' && value !== 'false') {
      refuse('not true or false');
    } else if (name === 'businessKeyPrefix' && accepted.businessKey !== undefined) {
      refuse('left out: an exact business key is given');
    }
  }
  return refused;
}
