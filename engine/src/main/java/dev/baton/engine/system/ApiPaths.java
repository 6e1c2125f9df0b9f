package dev.baton.engine.system;

/** Every path of Baton's own HTTP API, in one place. */
public final class ApiPaths {

  public static final String API = "/api";
  public static final String SYSTEM = API + "/system";
  public static final String DEFINITIONS = API + "/definitions";
  public static final String DEFINITION = DEFINITIONS + "/{id}";
  public static final String DEFINITION_XML = DEFINITION + "/xml";
  public static final String DEFINITION_STATISTICS = DEFINITION + "/statistics";
  public static final String DEFINITION_SUSPENSION = DEFINITION + "/suspension";
  public static final String DEFINITION_VERSIONS = DEFINITIONS + "/{key}/versions";
  public static final String LINT = DEFINITIONS + "/lint";
  public static final String DEPLOYMENTS = API + "/deployments";
  public static final String DEPLOYMENT = DEPLOYMENTS + "/{id}";
  public static final String DEPLOYMENT_RESOURCE = DEPLOYMENT + "/resources/{resourceId}";
  public static final String ADAPTERS = API + "/adapters";
  public static final String DASHBOARD = API + "/dashboard";
  public static final String INSTANCES = API + "/instances";
  public static final String INSTANCE_DETAIL = INSTANCES + "/{id}/detail";
  public static final String INSTANCE_VARIABLE = INSTANCES + "/{id}/variables/{name}";
  public static final String INSTANCE_CANCEL = INSTANCES + "/{id}/cancel";
  public static final String INSTANCE_MODIFICATION = INSTANCES + "/{id}/modification";
  public static final String INSTANCE_RESTART = INSTANCES + "/{id}/restart";
  public static final String INSTANCE_SUSPENSION = INSTANCES + "/{id}/suspension";
  public static final String INCIDENTS = API + "/incidents";
  public static final String INCIDENT_RETRY = INCIDENTS + "/{id}/retry";
  public static final String INCIDENT_STACKTRACE = INCIDENTS + "/{id}/stacktrace";
  public static final String INCIDENT_BATCHES = INCIDENTS + "/retry";
  public static final String INSTANCE_BATCH = INSTANCES + "/batch/{operation}";

  /** {@link #INSTANCE_BATCH} for cancel, spelled out: else {@link #INSTANCE_CANCEL} takes it. */
  public static final String INSTANCE_BATCH_CANCEL = INSTANCES + "/batch/cancel";

  public static final String BATCHES = API + "/batches";
  public static final String BATCH = BATCHES + "/{id}";
  public static final String BATCH_CANCEL = BATCH + "/cancel";
  public static final String MIGRATIONS = API + "/migrations";
  public static final String MIGRATION_PLAN = MIGRATIONS + "/plan";
  public static final String PROCESS_INSTANCES = API + "/processes/{key}/instances";
  public static final String PROCESS_INSTANCES_BATCH = PROCESS_INSTANCES + "/batch";
  public static final String INSTANCE = INSTANCES + "/{id}";
  public static final String MESSAGES = API + "/messages";
  public static final String MESSAGE = MESSAGES + "/{messageId}";
  public static final String WORKERS = API + "/workers";
  public static final String WORKER = WORKERS + "/{workerId}";
  public static final String WORKER_CREDENTIALS = WORKER + "/credentials";
  public static final String USERS = API + "/users";
  public static final String USER = USERS + "/{userId}";
  public static final String USER_ROLES = USER + "/roles";
  public static final String USER_PASSWORD = USER + "/password";
  public static final String MY_PASSWORD = API + "/me/password";
  public static final String HISTORY_CLEANUP = SYSTEM + "/history-cleanup";
  public static final String TOPICS = API + "/topics";
  public static final String EVENTS = API + "/events";
  public static final String EVENTS_STATUS = EVENTS + "/status";
  public static final String WEBHOOKS = API + "/webhooks";
  public static final String WEBHOOK = WEBHOOKS + "/{id}";
  public static final String WEBHOOK_DELIVERIES = WEBHOOK + "/deliveries";
  public static final String WEBHOOK_DELIVERY_RETRY = WEBHOOK_DELIVERIES + "/{deliveryId}/retry";
  public static final String EVENTS_STREAM = EVENTS + "/stream";
  public static final String ENGINE_REST = "/engine-rest";
  public static final String EXTERNAL_TASKS = ENGINE_REST + "/external-task";
  public static final String DEMO = "/demo";
  public static final String HEALTH = "/actuator/health";
  public static final String ACTUATOR = "/actuator";

  /** The console's sign-in page (a static page of admin-ui) and the only assets it loads. */
  public static final String LOGIN_PAGE = "/login.html";

  public static final String LOGIN_ASSETS = "/login-assets";

  /** Form sign-in (POST user name and password) and sign-out (POST); handled by Spring Security. */
  public static final String LOGIN = "/login";

  public static final String LOGOUT = "/logout";

  private ApiPaths() {}
}
