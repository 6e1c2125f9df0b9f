/**
 * Typed client for the Baton REST API: the only place the console talks HTTP.
 *
 * Authentication is the session the login page started: requests send same-origin cookies and the
 * CSRF token ({@link sessionHeaders}); a 401 surfaces as an {@link ApiError} with `unauthorized`
 * set, after telling {@link ApiClient.onUnauthorized}.
 */

import { sessionHeaders } from './session';

import type {
  Adapter,
  Dashboard,
  DefinitionVersion,
  DeploymentRequest,
  DeploymentResult,
  DefinitionStatistics,
  DeploymentSummary,
  HistoryCleanup,
  IssuedCredential,
  NewUser,
  User,
  IncidentQuery,
  IncidentSummary,
  InstanceDetail,
  LintResult,
  ModificationRequest,
  InstanceQuery,
  MigrationDryRun,
  MigrationMapping,
  MigrationPlan,
  MigrationProgress,
  MigrationRequest,
  MigrationStarted,
  InstanceSummary,
  Page,
  ProblemDetail,
  ProcessDefinitionDetail,
  ProcessDefinitionSummary,
  Batch,
  BatchOperation,
  BatchStarted,
  IncidentSelection,
  InstanceSelection,
  SystemInfo,
  Topic,
  Worker,
} from './types';

export type * from './types';
export { INSTANCE_STATES } from './types';

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
  getDashboard(signal?: AbortSignal): Promise<Dashboard>;
  getDefinition(id: string, signal?: AbortSignal): Promise<ProcessDefinitionDetail>;
  getDefinitionXml(id: string, signal?: AbortSignal): Promise<string>;
  getDefinitionStatistics(id: string, signal?: AbortSignal): Promise<DefinitionStatistics>;
  searchInstances(query: InstanceQuery, signal?: AbortSignal): Promise<Page<InstanceSummary>>;
  getInstanceDetail(id: string, signal?: AbortSignal): Promise<InstanceDetail>;
  /** @param valueJson the value as JSON text, so a Long keeps all its digits */
  setVariable(instanceId: string, name: string, type: string, valueJson: string): Promise<void>;
  cancelInstance(instanceId: string, reason: string): Promise<void>;
  /** A 400 problem names each instruction that cannot apply (`problems`); nothing changed then. */
  modifyInstance(instanceId: string, request: ModificationRequest): Promise<void>;
  /** Restarts an ended instance before `activityId`; the new instance's id. */
  restartInstance(instanceId: string, activityId: string, annotation: string): Promise<string>;
  setInstanceSuspension(instanceId: string, suspended: boolean): Promise<void>;
  searchIncidents(query: IncidentQuery, signal?: AbortSignal): Promise<Page<IncidentSummary>>;
  getStacktrace(incidentId: string, signal?: AbortSignal): Promise<string>;
  retryIncident(incidentId: string): Promise<void>;
  /** Retries many incidents as one batch (nothing to retry: a 400). */
  startRetryBatch(selection: IncidentSelection): Promise<BatchStarted>;
  /** Runs an operation on many instances as one batch (nothing to do: a 400). */
  startInstanceBatch(operation: BatchOperation, selection: InstanceSelection, reason?: string): Promise<BatchStarted>;
  getBatch(batchId: string, signal?: AbortSignal): Promise<Batch>;
  /** Operations newest first. */
  getBatches(page: number, size: number, signal?: AbortSignal): Promise<Page<Batch>>;
  cancelBatch(batchId: string): Promise<Batch>;
  getWorkers(signal?: AbortSignal): Promise<Worker[]>;
  getTopics(signal?: AbortSignal): Promise<Topic[]>;
  getAdapters(signal?: AbortSignal): Promise<Adapter[]>;
  /** Every version of one key, newest first. */
  getDefinitionVersions(key: string, signal?: AbortSignal): Promise<DefinitionVersion[]>;
  /** The server's check of a diagram, the same one a deployment runs. */
  lintXml(xml: string, signal?: AbortSignal): Promise<LintResult>;
  /** Rejects with an {@link ApiError} whose `problem.problems` says what is wrong (400). */
  deploy(request: DeploymentRequest): Promise<DeploymentResult>;
  /** Suspends (no new instances, timer starts stop) or activates a version; with its instances when asked. */
  setDefinitionSuspension(definitionId: string, suspended: boolean, includeInstances: boolean): Promise<void>;
  /** Without `cascade`, a deployment with running instances is refused (409, the count in `detail`). */
  deleteDeployment(deploymentId: string, cascade: boolean): Promise<void>;
  /** Without `instructions` the server proposes the equal activities; with them it validates those. */
  planMigration(sourceDefinitionId: string, targetDefinitionId: string, instructions?: readonly MigrationMapping[]): Promise<MigrationPlan>;
  /** Changes nothing. */
  dryRunMigration(request: MigrationRequest): Promise<MigrationDryRun>;
  /** An invalid plan is refused (400, `problem.problems`). */
  startMigration(request: MigrationRequest): Promise<MigrationStarted>;
  getMigrationProgress(batchId: string, signal?: AbortSignal): Promise<MigrationProgress>;
  /** Newest first. */
  getDeployments(page: number, size: number, signal?: AbortSignal): Promise<Page<DeploymentSummary>>;
  /** Where the browser downloads one file of a deployment (an attachment). */
  deploymentResourceUrl(deploymentId: string, resourceId: string): string;
  /** Admin: answers the key once. */
  registerWorker(workerId: string, topics: readonly string[]): Promise<IssuedCredential>;
  /** Admin: a new key (shown once); the old one stops working. */
  rotateWorkerKey(workerId: string): Promise<IssuedCredential>;
  revokeWorkerKey(workerId: string): Promise<void>;
  /** Admin: a stale worker without an active key leaves the registry. */
  forgetWorker(workerId: string): Promise<void>;
  getUsers(signal?: AbortSignal): Promise<User[]>;
  createUser(user: NewUser): Promise<User>;
  removeUser(userId: string): Promise<void>;
  setUserRoles(userId: string, roles: readonly string[]): Promise<User>;
  resetUserPassword(userId: string, password: string): Promise<void>;
  /** The signed-in user's own password; the current one is required. */
  changeMyPassword(current: string, next: string): Promise<void>;
  getHistoryCleanup(signal?: AbortSignal): Promise<HistoryCleanup>;
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
    private readonly cookies: () => string = () => document.cookie,
  ) {}

  /** Called on every 401, e.g. to go to the login page once the session has ended. */
  onUnauthorized: () => void = () => {};

  /** Ends the session on the server (the browser keeps no other credentials). */
  async signOut(): Promise<void> {
    await this.request('POST', 'logout', { accept: 'application/json' });
  }

  getSystem(signal?: AbortSignal): Promise<SystemInfo> {
    return this.getJson<SystemInfo>('api/system', signal);
  }

  getDefinitions(signal?: AbortSignal): Promise<ProcessDefinitionSummary[]> {
    return this.getList<ProcessDefinitionSummary>('api/definitions', signal);
  }

  getDashboard(signal?: AbortSignal): Promise<Dashboard> {
    return this.getJson<Dashboard>('api/dashboard', signal);
  }

  getDefinition(id: string, signal?: AbortSignal): Promise<ProcessDefinitionDetail> {
    return this.getJson<ProcessDefinitionDetail>(`api/definitions/${segment(id)}`, signal);
  }

  getDefinitionXml(id: string, signal?: AbortSignal): Promise<string> {
    return this.getText(`api/definitions/${segment(id)}/xml`, 'application/xml', signal);
  }

  getDefinitionStatistics(id: string, signal?: AbortSignal): Promise<DefinitionStatistics> {
    return this.getJson<DefinitionStatistics>(`api/definitions/${segment(id)}/statistics`, signal);
  }

  searchInstances(query: InstanceQuery, signal?: AbortSignal): Promise<Page<InstanceSummary>> {
    return this.getJson<Page<InstanceSummary>>(`api/instances${instanceQueryString(query)}`, signal);
  }

  getInstanceDetail(id: string, signal?: AbortSignal): Promise<InstanceDetail> {
    return this.getJson<InstanceDetail>(`api/instances/${segment(id)}/detail`, signal);
  }

  async setVariable(instanceId: string, name: string, type: string, valueJson: string): Promise<void> {
    // Built as text: JSON.stringify would round a Long beyond 2^53.
    const body = `{"type":${JSON.stringify(type)},"value":${valueJson}}`;
    await this.send('PUT', `api/instances/${segment(instanceId)}/variables/${segment(name)}`, body);
  }

  async cancelInstance(instanceId: string, reason: string): Promise<void> {
    await this.send('POST', `api/instances/${segment(instanceId)}/cancel`, JSON.stringify({ reason }));
  }

  async modifyInstance(instanceId: string, request: ModificationRequest): Promise<void> {
    await this.send('POST', `api/instances/${segment(instanceId)}/modification`, JSON.stringify(request));
  }

  async restartInstance(instanceId: string, activityId: string, annotation: string): Promise<string> {
    const response = await this.send('POST', `api/instances/${segment(instanceId)}/restart`, JSON.stringify({ activityId, annotation }));
    return (await readJson<{ id: string }>(response)).id;
  }

  async setInstanceSuspension(instanceId: string, suspended: boolean): Promise<void> {
    await this.send('PUT', `api/instances/${segment(instanceId)}/suspension`, JSON.stringify({ suspended }));
  }

  searchIncidents(query: IncidentQuery, signal?: AbortSignal): Promise<Page<IncidentSummary>> {
    return this.getJson<Page<IncidentSummary>>(`api/incidents${incidentQueryString(query)}`, signal);
  }

  getStacktrace(incidentId: string, signal?: AbortSignal): Promise<string> {
    return this.getText(`api/incidents/${segment(incidentId)}/stacktrace`, 'text/plain', signal);
  }

  async retryIncident(incidentId: string): Promise<void> {
    await this.send('POST', `api/incidents/${segment(incidentId)}/retry`);
  }

  async startRetryBatch(selection: IncidentSelection): Promise<BatchStarted> {
    const response = await this.send('POST', 'api/incidents/retry', JSON.stringify(withoutBlanks(selection)));
    return readJson<BatchStarted>(response);
  }

  async startInstanceBatch(operation: BatchOperation, selection: InstanceSelection, reason?: string): Promise<BatchStarted> {
    const body = { ...withoutBlanks(selection), ...(reason ? { reason } : {}) };
    const response = await this.send('POST', `api/instances/batch/${segment(operation)}`, JSON.stringify(body));
    return readJson<BatchStarted>(response);
  }

  getBatch(batchId: string, signal?: AbortSignal): Promise<Batch> {
    return this.getJson<Batch>(`api/batches/${segment(batchId)}`, signal);
  }

  getBatches(page: number, size: number, signal?: AbortSignal): Promise<Page<Batch>> {
    return this.getJson<Page<Batch>>(`api/batches${queryString([['page', String(page)], ['size', String(size)]])}`, signal);
  }

  async cancelBatch(batchId: string): Promise<Batch> {
    return readJson<Batch>(await this.send('POST', `api/batches/${segment(batchId)}/cancel`));
  }

  getWorkers(signal?: AbortSignal): Promise<Worker[]> {
    return this.getList<Worker>('api/workers', signal);
  }

  getTopics(signal?: AbortSignal): Promise<Topic[]> {
    return this.getList<Topic>('api/topics', signal);
  }

  getAdapters(signal?: AbortSignal): Promise<Adapter[]> {
    return this.getList<Adapter>('api/adapters', signal);
  }

  getDefinitionVersions(key: string, signal?: AbortSignal): Promise<DefinitionVersion[]> {
    return this.getList<DefinitionVersion>(`api/definitions/${segment(key)}/versions`, signal);
  }

  async lintXml(xml: string, signal?: AbortSignal): Promise<LintResult> {
    const response = await this.request('POST', 'api/definitions/lint', {
      accept: 'application/json',
      body: xml,
      contentType: 'application/xml',
      signal,
    });
    return readJson<LintResult>(response);
  }

  async deploy(request: DeploymentRequest): Promise<DeploymentResult> {
    const form = new FormData();
    form.append('file', new File([request.xml], request.fileName, { type: 'application/xml' }), request.fileName);
    if (request.versionTag) {
      form.append('versionTag', request.versionTag);
    }
    if (request.note) {
      form.append('note', request.note);
    }
    // no Content-Type: the browser writes multipart/form-data with its boundary
    const response = await this.request('POST', 'api/deployments', { accept: 'application/json', body: form, contentType: null });
    return readJson<DeploymentResult>(response);
  }

  async setDefinitionSuspension(definitionId: string, suspended: boolean, includeInstances: boolean): Promise<void> {
    await this.send('PUT', `api/definitions/${segment(definitionId)}/suspension`, JSON.stringify({ suspended, includeInstances }));
  }

  async deleteDeployment(deploymentId: string, cascade: boolean): Promise<void> {
    await this.send('DELETE', `api/deployments/${segment(deploymentId)}${queryString([['cascade', String(cascade)]])}`);
  }

  async planMigration(sourceDefinitionId: string, targetDefinitionId: string, instructions?: readonly MigrationMapping[]): Promise<MigrationPlan> {
    const response = await this.send('POST', 'api/migrations/plan', JSON.stringify({ sourceDefinitionId, targetDefinitionId, instructions }));
    return readJson<MigrationPlan>(response);
  }

  async dryRunMigration(request: MigrationRequest): Promise<MigrationDryRun> {
    return readJson<MigrationDryRun>(await this.send('POST', 'api/migrations?dryRun=true', JSON.stringify(request)));
  }

  async startMigration(request: MigrationRequest): Promise<MigrationStarted> {
    return readJson<MigrationStarted>(await this.send('POST', 'api/migrations', JSON.stringify(request)));
  }

  /** Baton's record of the batch (`GET /api/batches/{id}`), read from Camunda's batches on each call. */
  async getMigrationProgress(batchId: string, signal?: AbortSignal): Promise<MigrationProgress> {
    const batch = await this.getJson<{ total: number; done: number; failed: number; state: 'RUNNING' | 'COMPLETED' | 'CANCELED' }>(`api/batches/${segment(batchId)}`, signal);
    return { total: batch.total, done: batch.done, failed: batch.failed, finished: batch.state !== 'RUNNING' };
  }

  getDeployments(page: number, size: number, signal?: AbortSignal): Promise<Page<DeploymentSummary>> {
    return this.getJson<Page<DeploymentSummary>>(`api/deployments${queryString([['page', page], ['size', size]])}`, signal);
  }

  deploymentResourceUrl(deploymentId: string, resourceId: string): string {
    return `${this.baseUrl}api/deployments/${segment(deploymentId)}/resources/${segment(resourceId)}`;
  }

  async registerWorker(workerId: string, topics: readonly string[]): Promise<IssuedCredential> {
    return readJson<IssuedCredential>(await this.send('POST', 'api/workers', JSON.stringify({ workerId, topics })));
  }

  async rotateWorkerKey(workerId: string): Promise<IssuedCredential> {
    return readJson<IssuedCredential>(await this.send('POST', `api/workers/${segment(workerId)}/credentials`));
  }

  async revokeWorkerKey(workerId: string): Promise<void> {
    await this.send('DELETE', `api/workers/${segment(workerId)}/credentials`);
  }

  async forgetWorker(workerId: string): Promise<void> {
    await this.send('DELETE', `api/workers/${segment(workerId)}`);
  }

  getUsers(signal?: AbortSignal): Promise<User[]> {
    return this.getList<User>('api/users', signal);
  }

  async createUser(user: NewUser): Promise<User> {
    return readJson<User>(await this.send('POST', 'api/users', JSON.stringify(user)));
  }

  async removeUser(userId: string): Promise<void> {
    await this.send('DELETE', `api/users/${segment(userId)}`);
  }

  async setUserRoles(userId: string, roles: readonly string[]): Promise<User> {
    return readJson<User>(await this.send('PUT', `api/users/${segment(userId)}/roles`, JSON.stringify({ roles })));
  }

  async resetUserPassword(userId: string, password: string): Promise<void> {
    await this.send('PUT', `api/users/${segment(userId)}/password`, JSON.stringify({ password }));
  }

  async changeMyPassword(current: string, next: string): Promise<void> {
    await this.send('PUT', 'api/me/password', JSON.stringify({ current, new: next }));
  }

  getHistoryCleanup(signal?: AbortSignal): Promise<HistoryCleanup> {
    return this.getJson<HistoryCleanup>('api/system/history-cleanup', signal);
  }

  private async getList<T>(path: string, signal?: AbortSignal): Promise<T[]> {
    const list = await this.getJson<unknown>(path, signal);
    if (!Array.isArray(list)) {
      throw new Error('the server did not answer with a list');
    }
    return list as T[];
  }

  private async getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
    return readJson<T>(await this.request('GET', path, { accept: 'application/json', signal }));
  }

  private async getText(path: string, accept: string, signal?: AbortSignal): Promise<string> {
    return (await this.request('GET', path, { accept, signal })).text();
  }

  /** A change; problem+json answers (400 with the reason, 409, …) become {@link ApiError}s. */
  private send(method: 'POST' | 'PUT' | 'DELETE', path: string, body?: string): Promise<Response> {
    return this.request(method, path, { accept: 'application/json', body });
  }

  private async request(
    method: string,
    path: string,
    options: { accept: string; body?: string | FormData; contentType?: string | null; signal?: AbortSignal },
  ): Promise<Response> {
    const headers: Record<string, string> = { Accept: options.accept, ...sessionHeaders(this.cookies()) };
    const contentType = options.contentType === undefined ? 'application/json' : options.contentType;
    if (options.body !== undefined && contentType !== null) {
      headers['Content-Type'] = contentType;
    }
    const response = await this.fetchFn(this.baseUrl + path, {
      method,
      credentials: 'same-origin',
      headers,
      body: options.body,
      signal: options.signal,
    });
    if (response.status === 401) {
      this.onUnauthorized();
    }
    if (!response.ok) {
      throw new ApiError(response.status, response.statusText, await readProblem(response));
    }
    return response;
  }
}

/** `?definitionKey=…&page=0&size=50&sort=startTime,desc`, leaving out every empty filter. */
export function instanceQueryString(query: InstanceQuery): string {
  return queryString([
    ['definitionKey', query.definitionKey],
    ['definitionVersion', query.definitionVersion],
    ['state', query.state],
    ['businessKey', query.businessKey],
    ['businessKeyPrefix', query.businessKeyPrefix],
    ['startedAfter', query.startedAfter],
    ['startedBefore', query.startedBefore],
    ['variableName', query.variableName],
    // a variable value alone filters nothing; the server needs the name with it
    ['variableValue', query.variableName ? query.variableValue : undefined],
    ['activityId', query.activityId],
    ['parentInstanceId', query.parentInstanceId],
    ['rootOnly', query.rootOnly ? 'true' : undefined],
    ['page', query.page],
    ['size', query.size],
    ['sort', query.sort],
  ]);
}

/** `?definitionKey=…&activityId=…&message=…&page=0&size=50`, leaving out every empty filter. */
export function incidentQueryString(query: IncidentQuery): string {
  return queryString([
    ['definitionKey', query.definitionKey],
    ['activityId', query.activityId],
    ['message', query.message],
    ['page', query.page],
    ['size', query.size],
  ]);
}

function queryString(parameters: [string, string | number | undefined][]): string {
  const search = new URLSearchParams();
  for (const [name, value] of parameters) {
    if (value !== undefined && value !== '') {
      search.append(name, String(value));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** One path segment; definition ids hold colons, variable names may hold anything. */
/** A selection as JSON: a filter without its empty fields (the server takes absent as "any"). */
function withoutBlanks<T extends object>(selection: T): T {
  if (!('filter' in selection)) {
    return selection;
  }
  const filter = Object.fromEntries(Object.entries(selection.filter as object).filter(([, value]) => value !== undefined && value !== ''));
  return { ...selection, filter };
}

function segment(value: string): string {
  return encodeURIComponent(value);
}

async function readJson<T>(response: Response): Promise<T> {
  if (!isJson(response)) {
    // e.g. an HTML login or proxy error page answered with 200
    throw new Error(`the server did not answer with JSON (${response.headers.get('Content-Type') ?? 'no content type'})`);
  }
  return (await response.json()) as T;
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
