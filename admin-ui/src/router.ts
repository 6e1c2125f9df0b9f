/**
 * Hash routes: `#/instances?state=RUNNING&page=2` → path `['instances']` and its query. Filters
 * live in the query so a reload or a shared link shows the same list.
 */

export interface Route {
  /** Decoded path segments, e.g. `['processes', 'order:3:abc']`. */
  path: string[];
  query: URLSearchParams;
}

export type QueryValues = Record<string, string | number | undefined | null>;

export function parseRoute(hash: string): Route {
  const text = hash.replace(/^#\/?/, '');
  const questionMark = text.indexOf('?');
  const pathText = questionMark < 0 ? text : text.slice(0, questionMark);
  const queryText = questionMark < 0 ? '' : text.slice(questionMark + 1);
  return {
    path: pathText.split('/').filter(Boolean).map(decodeSegment),
    query: new URLSearchParams(queryText),
  };
}

/** `href(['instances', id])` → `#/instances/<id>`; empty query values are left out. */
export function href(path: readonly string[], query: QueryValues = {}): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') {
      search.append(name, String(value));
    }
  }
  const queryText = search.toString();
  return `#/${path.map(encodeURIComponent).join('/')}${queryText ? `?${queryText}` : ''}`;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    // a hand-typed "%" is not worth an exception
    return segment;
  }
}
