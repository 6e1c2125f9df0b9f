/**
 * Typed client for the Baton REST API: the only place the console talks HTTP.
 *
 * Authentication is HTTP Basic handled by the browser, so requests only ask for same-origin
 * credentials; a 401 surfaces as an {@link ApiError} with `unauthorized` set.
 */

/** `GET /api/system`: what is running and who is signed in. */
export interface SystemInfo {
  name: string;
  version: string;
  engineVersion: string;
  database: string;
  user: string;
}

/** One deployed process definition version, as listed by `GET /api/definitions`. */
export interface ProcessDefinitionSummary {
  id: string;
  key: string;
  /** Camunda allows a process without a name. */
  name: string | null;
  version: number;
  runningInstances: number;
  incidents: number;
}

/** RFC 9457 problem details (`application/problem+json`), as sent by the server's error advice. */
export interface ProblemDetail {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
}

/** An HTTP answer outside 2xx. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly statusText: string,
    readonly problem?: ProblemDetail,
  ) {
    super(httpSummary(status, statusText, problem));
    this.name = 'ApiError';
  }

  get unauthorized(): boolean {
    return this.status === 401;
  }
}

/** The calls screens make; screens depend on this so tests can pass a fake. */
export interface BatonApi {
  getSystem(signal?: AbortSignal): Promise<SystemInfo>;
  getDefinitions(signal?: AbortSignal): Promise<ProcessDefinitionSummary[]>;
}

export type FetchFn = (input: string, init: RequestInit) => Promise<Response>;

/** {@link BatonApi} over `fetch`. */
export class ApiClient implements BatonApi {
  /**
   * @param baseUrl prefix for API paths; the default '' keeps them relative to the page, so the
   *   console also works under a servlet context path
   */
  constructor(
    private readonly baseUrl = '',
    // Wrapped so fetch is never called with the client as `this` ("Illegal invocation").
    private readonly fetchFn: FetchFn = (input, init) => fetch(input, init),
  ) {}

  getSystem(signal?: AbortSignal): Promise<SystemInfo> {
    return this.getJson<SystemInfo>('api/system', signal);
  }

  async getDefinitions(signal?: AbortSignal): Promise<ProcessDefinitionSummary[]> {
    const definitions = await this.getJson<unknown>('api/definitions', signal);
    if (!Array.isArray(definitions)) {
      throw new Error('the server did not answer with a list');
    }
    return definitions as ProcessDefinitionSummary[];
  }

  private async getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
    const response = await this.fetchFn(this.baseUrl + path, {
      method: 'GET',
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
      signal,
    });
    if (!response.ok) {
      throw new ApiError(response.status, response.statusText, await readProblem(response));
    }
    if (!isJson(response)) {
      // e.g. an HTML login or proxy error page answered with 200
      throw new Error(`the server did not answer with JSON (${response.headers.get('Content-Type') ?? 'no content type'})`);
    }
    return (await response.json()) as T;
  }
}

/**
 * Words for the user: "Not signed in" for a 401, otherwise "<action>: <what went wrong>",
 * e.g. "Could not load definitions: HTTP 500 Internal Server Error — Database unavailable".
 */
export function describeError(action: string, error: unknown): string {
  if (error instanceof ApiError) {
    return error.unauthorized ? 'Not signed in' : `${action}: ${error.message}`;
  }
  if (error instanceof TypeError) {
    // fetch rejects with a TypeError when the request never got an answer
    return `${action}: the server is not reachable (${error.message})`;
  }
  if (error instanceof Error) {
    return `${action}: ${error.message}`;
  }
  return `${action}: ${String(error)}`;
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

function httpSummary(status: number, statusText: string, problem?: ProblemDetail): string {
  const head = statusText ? `HTTP ${status} ${statusText}` : `HTTP ${status}`;
  // Spring's default title is the reason phrase; repeating it adds nothing.
  const explanation = problem?.detail || (problem?.title !== statusText ? problem?.title : undefined);
  return explanation ? `${head} — ${explanation}` : head;
}

function isJson(response: Response): boolean {
  const type = response.headers.get('Content-Type') ?? '';
  return /[/+]json\b/i.test(type);
}

async function readProblem(response: Response): Promise<ProblemDetail | undefined> {
  if (!isJson(response)) {
    return undefined;
  }
  try {
    const body: unknown = await response.json();
    return body && typeof body === 'object' ? (body as ProblemDetail) : undefined;
  } catch {
    return undefined;
  }
}
