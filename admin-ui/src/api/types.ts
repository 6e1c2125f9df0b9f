/**
 * Shapes of the Baton REST API's answers, as documented in docs/api.md. Times are ISO-8601
 * instants (UTC) as strings; the screens format them in the browser's time zone.
 */

/** `GET /api/system`: what is running and who is signed in. */
export interface SystemInfo {
  name: string;
  version: string;
  engineVersion: string;
  database: string;
  user: string;
  /** The signed-in user's roles (`analyst`, `operator`, `admin`); see `permissions.ts`. */
  roles: string[];
}

/** One deployed process definition version, as listed by `GET /api/definitions`. */
export interface ProcessDefinitionSummary {
  id: string;
  key: string;
  /** Camunda allows a process without a name. */
  name: string | null;
  version: number;
  versionTag?: string | null;
  runningInstances: number;
  incidents: number;
}

/** `GET /api/definitions/{id}`. */
export interface ProcessDefinitionDetail extends ProcessDefinitionSummary {
  deploymentId: string;
  deployedAt: string | null;
  /** Who deployed it through Baton's API; null for a deployment from the classpath or Camunda's REST API. */
  deployedBy?: string | null;
  /** The note given with the deployment, if any. */
  note?: string | null;
  /** Suspended, the version starts no instances (its timer start events stop firing). */
  suspended: boolean;
}

/** One activity of `GET /api/definitions/{id}/statistics`. */
export interface ActivityStatistics {
  activityId: string;
  /** Instances waiting at this activity now. */
  running: number;
  /** Open incidents at this activity. */
  incidents: number;
  /** Finished activity instances in history. */
  passed: number;
  p50Millis: number | null;
  p95Millis: number | null;
}

export interface DefinitionStatistics {
  activities: ActivityStatistics[];
}

/** `GET /api/dashboard`. */
export interface Dashboard {
  running: number;
  openIncidents: number;
  startedLastHour: number;
  completedLastHour: number;
  startedLastDay: number;
  completedLastDay: number;
  definitions: DashboardDefinition[];
  /** 24 hourly buckets, oldest first. */
  completionsPerHour: HourlyCompletions[];
  workers: { active: number; stale: number };
}

export interface DashboardDefinition {
  key: string;
  name: string | null;
  running: number;
  incidents: number;
  startedLastDay: number;
  completedLastDay: number;
}

export interface HourlyCompletions {
  /** Start of the hour, ISO instant. */
  start: string;
  completed: number;
}

/** One page of a server-side paged list. */
export interface Page<T> {
  items: T[];
  /** Zero-based. */
  page: number;
  size: number;
  total: number;
}

/** RUNNING includes instances with open incidents; INCIDENT is running with an open incident. */
export type InstanceState = 'RUNNING' | 'INCIDENT' | 'COMPLETED' | 'CANCELED';

export const INSTANCE_STATES: readonly InstanceState[] = ['RUNNING', 'INCIDENT', 'COMPLETED', 'CANCELED'];

export type SortOrder = 'startTime,asc' | 'startTime,desc';

/** Filters and paging of `GET /api/instances`; every filter optional. */
export interface InstanceQuery {
  definitionKey?: string;
  definitionVersion?: number;
  state?: InstanceState;
  businessKey?: string;
  businessKeyPrefix?: string;
  /** ISO instant. */
  startedAfter?: string;
  /** ISO instant. */
  startedBefore?: string;
  variableName?: string;
  variableValue?: string;
  /** Running instances with a token at this step (waiting, about to run or failing there). */
  activityId?: string;
  /** Instances a call activity of this instance started. */
  parentInstanceId?: string;
  /** Only instances no call activity started. */
  rootOnly?: boolean;
  page?: number;
  size?: number;
  sort?: SortOrder;
}

/** A step of a diagram: its id and its name when it has one. */
export interface Step {
  activityId: string;
  activityName: string | null;
}

/** One row of `GET /api/instances`. */
export interface InstanceSummary {
  id: string;
  businessKey: string | null;
  definitionId: string;
  definitionKey: string;
  definitionName: string | null;
  definitionVersion: number;
  state: InstanceState;
  startTime: string;
  endTime: string | null;
  durationMillis: number | null;
  /** The instance whose call activity started this one. */
  parentInstanceId?: string | null;
  /** The top of the chain of call activities; null for a root instance. */
  rootInstanceId?: string | null;
  /** Where a running instance's tokens are; empty once it ended. */
  waitingAt?: Step[];
  /** The oldest open incident's message. */
  incidentMessage?: string | null;
}

/** Where a called instance sits among call activities (all null for a root instance). */
export interface Lineage {
  parentInstanceId: string | null;
  parentDefinitionKey: string | null;
  rootInstanceId: string | null;
  rootDefinitionKey: string | null;
}

/** `GET /api/instances/{id}/detail`. */
export interface InstanceDetail {
  instance: {
    id: string;
    businessKey: string | null;
    definitionId: string;
    definitionKey: string;
    definitionVersion: number;
    state: InstanceState;
    startTime: string;
    endTime: string | null;
    endActivityId: string | null;
    /** The reason given when the instance was canceled (only on a CANCELED one). */
    cancelReason?: string | null;
    activeActivityIds: string[];
  };
  /** The definition's BPMN XML. */
  xml: string;
  activities: ActivityInstance[];
  incidents: Incident[];
  /** Incidents that are over (retried, or deleted with their instance), oldest first. */
  resolvedIncidents?: PastIncident[];
  variables: Variable[];
  operations: UserOperation[];
  /** A running instance that is suspended: none of its jobs or tasks run. */
  suspended?: boolean;
  /** Parent and root, for an instance a call activity started. */
  lineage?: Lineage;
}

/** One instruction of `POST /api/instances/{id}/modification`, applied in order. */
export interface ModificationInstruction {
  type: 'cancel' | 'startBefore' | 'startAfter';
  activityId: string;
}

/** Body of `POST /api/instances/{id}/modification`. */
export interface ModificationRequest {
  instructions: ModificationInstruction[];
  /** Plain JSON values by name, set with the first start instruction. */
  variables?: Record<string, unknown>;
  annotation: string;
}

export type ActivityInstanceState = 'ACTIVE' | 'COMPLETED' | 'CANCELED';

/** An activity history row's state: the API's, or INCIDENT where the step failed and waits for a retry. */
export type ActivityRowState = ActivityInstanceState | 'INCIDENT';

export interface ActivityInstance {
  id: string;
  activityId: string;
  activityName: string | null;
  activityType: string;
  startTime: string;
  endTime: string | null;
  durationMillis: number | null;
  state: ActivityInstanceState;
  /** The instance a call activity started. */
  calledInstanceId?: string | null;
}

export interface Incident {
  id: string;
  type: string;
  activityId: string;
  message: string | null;
  time: string;
  /** Retries the failed job or external task has left (0 on an incident until someone retries it). */
  retriesLeft?: number | null;
  /** The worker that last locked the external task. */
  workerId?: string | null;
  /** When the engine tries again; only while retries are left. */
  nextAttempt?: string | null;
}

/** An incident that is over: RESOLVED (retried, or the step went on) or DELETED (instance canceled). */
export interface PastIncident {
  id: string;
  type: string;
  activityId: string;
  message: string | null;
  time: string;
  endTime: string | null;
  state: 'RESOLVED' | 'DELETED' | string;
}

/** A process variable; `type` is Camunda's value type name (String, Integer, Json, Date, …). */
export interface Variable {
  name: string;
  type: string;
  value: unknown;
  editable: boolean;
}

/** One entry of the user-operation log. */
export interface UserOperation {
  timestamp: string;
  userId: string | null;
  operationType: string;
  entityType: string | null;
  property: string | null;
  orgValue: string | null;
  newValue: string | null;
  /** Why the operator did it (a modification's required annotation). */
  annotation?: string | null;
}

/** Filters and paging of `GET /api/incidents`. */
export interface IncidentQuery {
  definitionKey?: string;
  activityId?: string;
  /** Substring of the incident message. */
  message?: string;
  page?: number;
  size?: number;
}

/** One row of `GET /api/incidents`; a failed batch job's incident has no instance and no process. */
export interface IncidentSummary extends Omit<Incident, 'activityId'> {
  activityId: string | null;
  processInstanceId: string | null;
  businessKey: string | null;
  definitionId: string | null;
  definitionKey: string | null;
  definitionVersion: number | null;
}

/** The operations `POST /api/instances/batch/{operation}` takes. */
export type BatchOperation = 'cancel' | 'suspend' | 'activate' | 'retry' | 'delete-history';

/** The instances an operation takes: all matching the list's filters, or named ones. */
export type InstanceSelection = { filter: Omit<InstanceQuery, 'page' | 'size' | 'sort'> } | { instanceIds: readonly string[] };

/** The incidents a bulk retry takes: all matching the list's filters, or named ones. */
export type IncidentSelection = { filter: Omit<IncidentQuery, 'page' | 'size'> } | { incidentIds: readonly string[] };

/** Answer of `POST /api/instances/batch/{operation}` and `POST /api/incidents/retry`. */
export interface BatchStarted {
  batchId: string;
  total: number;
}

export type BatchState = 'RUNNING' | 'COMPLETED' | 'CANCELED';

/** `GET /api/batches/{id}`: an operation on many instances, progress in items. */
export interface Batch {
  id: string;
  type: BatchOperation | 'migrate';
  total: number;
  /** Items that ran and succeeded. */
  done: number;
  /** Items that failed for good (listed in `failures`). */
  failed: number;
  state: BatchState;
  startedBy: string | null;
  startedAt: string;
  reason: string | null;
  failures: { instanceId: string; message: string | null }[];
}

/** ACTIVE: polled within its window; STALE: polled before, not since; REGISTERED: holds a key, never polled. */
export type WorkerStatus = 'ACTIVE' | 'STALE' | 'REGISTERED';

/** One external-task worker of `GET /api/workers`. */
export interface Worker {
  workerId: string;
  status: WorkerStatus;
  topics: string[];
  firstSeen: string | null;
  lastSeen: string | null;
  remoteAddress: string | null;
  lockedTasks: number;
  fetched: number;
  completed: number;
  failed: number;
  bpmnErrors: number;
  registered: boolean;
  allowedTopics: string[] | null;
}

/** One external-task topic of `GET /api/topics`. */
export interface Topic {
  topic: string;
  openTasks: number;
  lockedTasks: number;
  tasksWithoutRetries: number;
  oldestUnlockedSince: string | null;
  oldestUnlockedAgeSeconds: number | null;
  /** Ids of the active workers polling this topic. */
  workers: string[];
  /** Keys of the deployed processes with an external task on this topic. */
  processes?: string[];
}

/** RFC 9457 problem details (`application/problem+json`), as sent by the server's error advice. */
export interface ProblemDetail {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  /** A rejected deployment or lint (`POST /api/deployments`): what is wrong, per element. */
  problems?: LintProblem[];
}

/** `GET /api/adapters`: a named call the engine makes for a service task bound to it. */
export interface Adapter {
  name: string;
  kind: string;
  method?: string;
  url?: string;
  inputs?: string[];
  outputs?: string[];
}

/** `GET /api/definitions/{key}/versions`, newest first. */
export interface DefinitionVersion {
  id: string;
  key: string;
  name: string | null;
  version: number;
  versionTag?: string | null;
  deploymentId: string;
  deployedAt: string | null;
  /** Who deployed it through Baton's API; null for a deployment from the classpath or Camunda's REST API. */
  deployedBy?: string | null;
  /** The note given with the deployment, if any. */
  note?: string | null;
}

/** One finding of the server's BPMN check (`POST /api/definitions/lint`, a rejected deployment). */
export interface LintProblem {
  rule: string;
  elementId: string | null;
  message: string;
  severity: 'error' | 'warning' | string;
  line?: number | null;
  column?: number | null;
}

/** `POST /api/definitions/lint`. */
export interface LintResult {
  problems: LintProblem[];
}

/** What `POST /api/deployments` sends: the diagram and optional tags. */
export interface DeploymentRequest {
  xml: string;
  /** e.g. `order-fulfillment.bpmn`. */
  fileName: string;
  versionTag?: string;
  note?: string;
}

/** `POST /api/deployments`: 201 with `changed: true`, or 200 with `changed: false` (same XML). */
export interface DeploymentResult {
  deploymentId: string | null;
  changed: boolean;
  definitions: { id: string; key: string; version: number }[];
}

/** One instruction of a migration plan: tokens at the source activity move to the target one. */
export interface MigrationMapping {
  sourceActivityId: string;
  targetActivityId: string;
}

/** Why a plan or an instance cannot migrate, on the activity it concerns when there is one. */
export interface MigrationProblem {
  sourceActivityId: string | null;
  targetActivityId: string | null;
  message: string;
}

/** `POST /api/migrations/plan`: the plan's instructions; problems when Camunda's validation refuses it. */
export interface MigrationPlan {
  instructions: MigrationMapping[];
  problems: MigrationProblem[];
}

/** `POST /api/migrations`: the instances named, or the running ones of the source version matching `filter` (all without either). */
export interface MigrationRequest {
  sourceDefinitionId: string;
  targetDefinitionId: string;
  instructions?: MigrationMapping[];
  instanceIds?: string[];
  filter?: MigrationFilter;
}

/** The instance list's filters that narrow a migration (always to running instances of the source version). */
export type MigrationFilter = Omit<InstanceQuery, 'definitionKey' | 'definitionVersion' | 'page' | 'size' | 'sort'>;

/** `POST /api/migrations?dryRun=true`: how many would be tried and which would fail, and why. */
export interface MigrationDryRun {
  total: number;
  failing: { instanceId: string; problems: MigrationProblem[] }[];
}

/** `POST /api/migrations` (202): the batch that migrates and how many instances it moves. */
export interface MigrationStarted {
  batchId: string;
  total: number;
}

/** A migration batch's progress in jobs (one job per instance). */
export interface MigrationProgress {
  total: number;
  done: number;
  failed: number;
  finished: boolean;
}

/** One deployment of `GET /api/deployments` (newest first). */
export interface DeploymentSummary {
  id: string;
  name: string | null;
  source: string | null;
  deployedAt: string | null;
  /** Baton's note of who deployed, else the engine's operation log; null for start-up deployments. */
  deployedBy: string | null;
  note: string | null;
  resources: { id: string; name: string }[];
  running: number;
  ended: number;
}

/** `POST /api/workers` and `POST /api/workers/{id}/credentials`: the key is shown this once. */
export interface IssuedCredential {
  workerId: string;
  topics: string[];
  key: string;
  createdAt: string;
}

/** One person of `GET /api/users`: Baton's roles only. */
export interface User {
  id: string;
  name: string;
  email: string | null;
  roles: string[];
}

/** `POST /api/users`. */
export interface NewUser {
  id: string;
  name: string;
  email: string;
  password: string;
  roles: string[];
}

/** `GET /api/system/history-cleanup`. */
export interface HistoryCleanup {
  enabled: boolean;
  strategy: string;
  defaultTimeToLive: string | null;
  batchOperationTimeToLive: string | null;
  jobLogTimeToLive: string | null;
  window: { start: string | null; end: string | null };
  weekdayWindows: Record<string, { start: string | null; end: string | null }>;
  definitions: { type: string; key: string; version: number; days: number | null }[];
  lastRun: { at: string; succeeded: boolean; message: string | null } | null;
  nextRun: string | null;
}
