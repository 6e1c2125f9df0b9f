package dev.baton.engine.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** Configuration of the engine module, under {@code baton.engine}. */
@ConfigurationProperties(prefix = BatonProperties.PREFIX)
public class BatonProperties {

  public static final String PREFIX = "baton.engine";

  /** Who may sign in before any user administration exists, sign-in throttling, headers. */
  private final Security security = new Security();

  /** The demo order services (payment, inventory, shipping) served by this application. */
  private final Demo demo = new Demo();

  /** The worker registry. */
  private final Workers workers = new Workers();

  /** What deployments may contain. */
  private final Deployments deployments = new Deployments();

  /** What models (BPMN, DMN, CMMN) may make the engine do. */
  private final Models models = new Models();

  /** What the engine's history keeps beyond what the console shows. */
  private final History history = new History();

  /** Starting instances. */
  private final Instances instances = new Instances();

  /** What variables and request bodies may contain, at every way in. */
  private final Variables variables = new Variables();

  /** How the job executor commits (save points, timers, retries). */
  private final Jobs jobs = new Jobs();

  public Jobs getJobs() {
    return jobs;
  }

  /** Process events: the outbox the engine writes and the publisher that sends it. */
  private final Events events = new Events();

  public Events getEvents() {
    return events;
  }

  /** Calls that share commits: starts and external-task outcomes. */
  private final Commits commits = new Commits();

  /** Messages in (HTTP and AMQP) that correlate to BPMN message events, and early ones waiting. */
  private final Messages messages = new Messages();

  public Messages getMessages() {
    return messages;
  }

  public Commits getCommits() {
    return commits;
  }

  public Variables getVariables() {
    return variables;
  }

  public Instances getInstances() {
    return instances;
  }

  public History getHistory() {
    return history;
  }

  public Models getModels() {
    return models;
  }

  public Deployments getDeployments() {
    return deployments;
  }

  public Workers getWorkers() {
    return workers;
  }

  public Security getSecurity() {
    return security;
  }

  public Demo getDemo() {
    return demo;
  }

  /** Messages in: how long an early message may wait, how often waiting ones are tried. */
  public static class Messages {

    /** The longest {@code timeToLive} a message may ask for (an ISO-8601 duration, e.g. P7D). */
    private Duration maxTimeToLive = Duration.ofDays(7);

    /** How often each node tries waiting messages whose name has a subscription now. */
    private Duration sweepInterval = Duration.ofMillis(500);

    /** Waiting messages tried per name in one sweep, oldest first. */
    private int sweepBatch = 100;

    /** How long delivered, expired and discarded messages (and their messageId) are kept. */
    private Duration retention = Duration.ofDays(7);

    /** Messages in over RabbitMQ. */
    private final Amqp amqp = new Amqp();

    public Duration getMaxTimeToLive() {
      return maxTimeToLive;
    }

    public void setMaxTimeToLive(Duration maxTimeToLive) {
      this.maxTimeToLive = maxTimeToLive;
    }

    public Duration getSweepInterval() {
      return sweepInterval;
    }

    public void setSweepInterval(Duration sweepInterval) {
      this.sweepInterval = sweepInterval;
    }

    public int getSweepBatch() {
      return sweepBatch;
    }

    public void setSweepBatch(int sweepBatch) {
      this.sweepBatch = sweepBatch;
    }

    public Duration getRetention() {
      return retention;
    }

    public void setRetention(Duration retention) {
      this.retention = retention;
    }

    public Amqp getAmqp() {
      return amqp;
    }

    /** The console's live event stream ({@code GET /api/events/stream}). */
    private final Stream stream = new Stream();

    public Stream getStream() {
      return stream;
    }

    /** Server-sent events of work committed on this node, to operators' and admins' consoles. */
    public static class Stream {

      /** Serve the stream at all (off: 404, and committed work costs it nothing). */
      private boolean enabled = true;

      /** Connections at once on this node; one more is refused with 429. */
      private int maxSubscribers = 100;

      /** Events queued per connection; a connection that falls this far behind is dropped. */
      private int queueCapacity = 1000;

      /** Interval of the heartbeat comment that keeps idle connections open. */
      private Duration heartbeat = Duration.ofSeconds(15);

      /** How long one connection lasts before the server ends it (the browser reconnects). */
      private Duration timeout = Duration.ofMinutes(30);

      /** The reconnection delay the stream asks browsers to wait after it ended. */
      private Duration reconnect = Duration.ofSeconds(3);

      /** Threads writing to connections (never the engine's threads). */
      private int writerThreads = 4;

      public boolean isEnabled() {
        return enabled;
      }

      public void setEnabled(boolean enabled) {
        this.enabled = enabled;
      }

      public int getMaxSubscribers() {
        return maxSubscribers;
      }

      public void setMaxSubscribers(int maxSubscribers) {
        this.maxSubscribers = maxSubscribers;
      }

      public int getQueueCapacity() {
        return queueCapacity;
      }

      public void setQueueCapacity(int queueCapacity) {
        if (queueCapacity < 1) {
          throw new IllegalArgumentException(
              "baton.engine.events.stream.queue-capacity must be at least 1");
        }
        this.queueCapacity = queueCapacity;
      }

      public Duration getHeartbeat() {
        return heartbeat;
      }

      public void setHeartbeat(Duration heartbeat) {
        if (heartbeat.isNegative() || heartbeat.isZero()) {
          throw new IllegalArgumentException(
              "baton.engine.events.stream.heartbeat must be positive");
        }
        this.heartbeat = heartbeat;
      }

      public Duration getTimeout() {
        return timeout;
      }

      public void setTimeout(Duration timeout) {
        this.timeout = timeout;
      }

      public Duration getReconnect() {
        return reconnect;
      }

      public void setReconnect(Duration reconnect) {
        this.reconnect = reconnect;
      }

      public int getWriterThreads() {
        return writerThreads;
      }

      public void setWriterThreads(int writerThreads) {
        if (writerThreads < 1) {
          throw new IllegalArgumentException(
              "baton.engine.events.stream.writer-threads must be at least 1");
        }
        this.writerThreads = writerThreads;
      }
    }
  }

  /** The AMQP way in: a durable queue of the same JSON as {@code POST /api/messages}. */
  public static class Amqp {

    /** Consume the queue at all (the broker is {@code spring.rabbitmq.*}). */
    private boolean enabled = true;

    /** The queue Baton consumes, declared durable with the dead-letter queue below. */
    private String queue = "baton.messages";

    /** Where malformed or refused messages go (declared durable; default exchange). */
    private String deadLetterQueue = "baton.messages.dead";

    /** The engine user AMQP messages correlate as (need not exist as a person). */
    private String runAsUser = "baton-amqp";

    /** The groups (Baton roles) of that user: what the engine lets AMQP messages do. */
    private List<String> runAsGroups = new ArrayList<>(List.of("operator"));

    /** The wait before a message that failed for a transient reason is requeued. */
    private Duration requeueDelay = Duration.ofSeconds(1);

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public String getQueue() {
      return queue;
    }

    public void setQueue(String queue) {
      this.queue = queue;
    }

    public String getDeadLetterQueue() {
      return deadLetterQueue;
    }

    public void setDeadLetterQueue(String deadLetterQueue) {
      this.deadLetterQueue = deadLetterQueue;
    }

    public String getRunAsUser() {
      return runAsUser;
    }

    public void setRunAsUser(String runAsUser) {
      this.runAsUser = runAsUser;
    }

    public List<String> getRunAsGroups() {
      return runAsGroups;
    }

    public void setRunAsGroups(List<String> runAsGroups) {
      this.runAsGroups = runAsGroups;
    }

    public Duration getRequeueDelay() {
      return requeueDelay;
    }

    public void setRequeueDelay(Duration requeueDelay) {
      this.requeueDelay = requeueDelay;
    }
  }

  /** Starting instances through Baton's API. */
  public static class Commits {

    /**
     * Starts and external-task outcomes (complete, failure, BPMN error) arriving together that
     * share one commit, each in its own savepoint; every caller is answered after the commit. 1:
     * each call commits alone.
     */
    private int callsPerTransaction = 32;

    /** Shared transactions open at once (calls arriving meanwhile wait for the next). */
    private int concurrentTransactions = 2;

    /**
     * The longest a call waits for a shared transaction to take it (past it, it runs in one of its
     * own), and the longest a shared transaction keeps taking calls before it commits.
     */
    private Duration maxWait = Duration.ofMillis(50);

    public Duration getMaxWait() {
      return maxWait;
    }

    public void setMaxWait(Duration maxWait) {
      this.maxWait = maxWait;
    }

    public int getCallsPerTransaction() {
      return callsPerTransaction;
    }

    public void setCallsPerTransaction(int callsPerTransaction) {
      if (callsPerTransaction < 1) {
        throw new IllegalArgumentException(
            "baton.engine.commits.calls-per-transaction must be at least 1");
      }
      this.callsPerTransaction = callsPerTransaction;
    }

    public int getConcurrentTransactions() {
      return concurrentTransactions;
    }

    public void setConcurrentTransactions(int concurrentTransactions) {
      if (concurrentTransactions < 1) {
        throw new IllegalArgumentException(
            "baton.engine.commits.concurrent-transactions must be at least 1");
      }
      this.concurrentTransactions = concurrentTransactions;
    }
  }

  public static class Jobs {

    /**
     * Jobs of different instances that share one commit, each in its own savepoint (a failing job
     * rolls back alone). 1 is Camunda's own job executor: every job commits alone.
     */
    private int perTransaction = 16;

    /**
     * The longest a finished job's work waits for its shared commit: a transaction commits after
     * {@code per-transaction} jobs or this long after it began, whichever comes first.
     */
    private Duration maxCommitDelay = Duration.ofMillis(250);

    public int getPerTransaction() {
      return perTransaction;
    }

    public void setPerTransaction(int perTransaction) {
      if (perTransaction < 1) {
        throw new IllegalArgumentException("baton.engine.jobs.per-transaction must be at least 1");
      }
      this.perTransaction = perTransaction;
    }

    public Duration getMaxCommitDelay() {
      return maxCommitDelay;
    }

    public void setMaxCommitDelay(Duration maxCommitDelay) {
      this.maxCommitDelay = maxCommitDelay;
    }
  }

  public static class Instances {

    /**
     * How long an {@code Idempotency-Key} of a start is remembered: a repeat within this time
     * returns the first instance instead of starting another.
     */
    private Duration idempotencyKeyRetention = Duration.ofHours(24);

    public Duration getIdempotencyKeyRetention() {
      return idempotencyKeyRetention;
    }

    public void setIdempotencyKeyRetention(Duration idempotencyKeyRetention) {
      this.idempotencyKeyRetention = idempotencyKeyRetention;
    }
  }

  /** Variable values and request bodies: types, classes, sizes, nesting. */
  public static class Variables {

    /**
     * Classes (fully qualified names) that {@code Object} variables may name, besides the JDK value
     * and collection types that cannot run code; empty by default.
     */
    private List<String> allowedObjectClasses = new ArrayList<>();

    /** Largest request body, in bytes (e.g. 10MB); larger ones are refused with 413. */
    private DataSize maxBodySize = DataSize.ofMegabytes(10);

    /** Largest {@code Json} variable value, in bytes of its JSON text (e.g. 1MB). */
    private DataSize maxJsonSize = DataSize.ofMegabytes(1);

    /** Deepest nesting of a JSON value, in levels of objects and arrays. */
    private int maxDepth = 100;

    public List<String> getAllowedObjectClasses() {
      return allowedObjectClasses;
    }

    public void setAllowedObjectClasses(List<String> allowedObjectClasses) {
      this.allowedObjectClasses = allowedObjectClasses;
    }

    public DataSize getMaxBodySize() {
      return maxBodySize;
    }

    public void setMaxBodySize(DataSize maxBodySize) {
      this.maxBodySize = maxBodySize;
    }

    public DataSize getMaxJsonSize() {
      return maxJsonSize;
    }

    public void setMaxJsonSize(DataSize maxJsonSize) {
      this.maxJsonSize = maxJsonSize;
    }

    public int getMaxDepth() {
      return maxDepth;
    }

    public void setMaxDepth(int maxDepth) {
      this.maxDepth = maxDepth;
    }
  }

  /** Bootstrap identities, sign-in throttling and browser headers. */
  public static class Security {

    /** Create the user demo/demo holding every role (never in production). */
    private boolean demoUser = false;

    /** Name of the administrator created at startup when {@link #adminPassword} is set. */
    private String adminUser = "admin";

    /** Password of the bootstrap administrator; required when no administrator exists yet. */
    private String adminPassword;

    /** Failed sign-ins counted per client address and per user name. */
    private final LoginThrottle loginThrottle = new LoginThrottle();

    /** Response headers for browsers. */
    private final Headers headers = new Headers();

    /**
     * How long a person's accepted password is remembered (as a keyed hash), so HTTP Basic callers
     * are not checked against the database on every call; 0 checks every call. User and group
     * changes on this node take effect at once, on other nodes within this time.
     */
    private Duration passwordCheckCache = Duration.ofSeconds(5);

    /**
     * How long the engine's authorization decisions are remembered per user, groups, permission and
     * resource; 0 asks the engine every time. Authorization changes on this node apply at once, on
     * other nodes within this time.
     */
    private Duration authorizationCache = Duration.ofSeconds(5);

    public Duration getAuthorizationCache() {
      return authorizationCache;
    }

    public void setAuthorizationCache(Duration authorizationCache) {
      this.authorizationCache = authorizationCache;
    }

    public Duration getPasswordCheckCache() {
      return passwordCheckCache;
    }

    public void setPasswordCheckCache(Duration passwordCheckCache) {
      this.passwordCheckCache = passwordCheckCache;
    }

    public LoginThrottle getLoginThrottle() {
      return loginThrottle;
    }

    public Headers getHeaders() {
      return headers;
    }

    public boolean isDemoUser() {
      return demoUser;
    }

    public void setDemoUser(boolean demoUser) {
      this.demoUser = demoUser;
    }

    public String getAdminUser() {
      return adminUser;
    }

    public void setAdminUser(String adminUser) {
      this.adminUser = adminUser;
    }

    public String getAdminPassword() {
      return adminPassword;
    }

    public void setAdminPassword(String adminPassword) {
      this.adminPassword = adminPassword;
    }
  }

  /** Refusing sign-ins after repeated failures (form login and HTTP Basic alike). */
  public static class LoginThrottle {

    /** Failures (per address, per user name) after which sign-ins are refused for a while. */
    private int maxFailures = 5;

    /** Failures are forgotten after this long without another failure. */
    private Duration window = Duration.ofMinutes(15);

    /** The first refusal lasts this long; each further failure doubles it. */
    private Duration backOff = Duration.ofSeconds(30);

    /** The longest refusal. */
    private Duration maxBackOff = Duration.ofMinutes(15);

    /** How many addresses and user names are tracked at most (protects memory). */
    private int maxTracked = 100_000;

    public int getMaxFailures() {
      return maxFailures;
    }

    public void setMaxFailures(int maxFailures) {
      this.maxFailures = maxFailures;
    }

    public Duration getWindow() {
      return window;
    }

    public void setWindow(Duration window) {
      this.window = window;
    }

    public Duration getBackOff() {
      return backOff;
    }

    public void setBackOff(Duration backOff) {
      this.backOff = backOff;
    }

    public Duration getMaxBackOff() {
      return maxBackOff;
    }

    public void setMaxBackOff(Duration maxBackOff) {
      this.maxBackOff = maxBackOff;
    }

    public int getMaxTracked() {
      return maxTracked;
    }

    public void setMaxTracked(int maxTracked) {
      this.maxTracked = maxTracked;
    }
  }

  /** Security headers; nosniff and frame options are always sent. */
  public static class Headers {

    /** Send Strict-Transport-Security on every answer (behind TLS, e.g. a terminating proxy). */
    private boolean hsts = false;

    /** Strict-Transport-Security max-age. */
    private Duration hstsMaxAge = Duration.ofDays(365);

    /** Content-Security-Policy; bpmn-js needs inline styles, nothing needs inline scripts. */
    private String contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self';"
            + " object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    /** Referrer-Policy. */
    private String referrerPolicy = "same-origin";

    public boolean isHsts() {
      return hsts;
    }

    public void setHsts(boolean hsts) {
      this.hsts = hsts;
    }

    public Duration getHstsMaxAge() {
      return hstsMaxAge;
    }

    public void setHstsMaxAge(Duration hstsMaxAge) {
      this.hstsMaxAge = hstsMaxAge;
    }

    public String getContentSecurityPolicy() {
      return contentSecurityPolicy;
    }

    public void setContentSecurityPolicy(String contentSecurityPolicy) {
      this.contentSecurityPolicy = contentSecurityPolicy;
    }

    public String getReferrerPolicy() {
      return referrerPolicy;
    }

    public void setReferrerPolicy(String referrerPolicy) {
      this.referrerPolicy = referrerPolicy;
    }
  }

  /** Demo services. */
  public static class Demo {

    /** Serve the demo order services under /demo. */
    private boolean enabled = false;

    /** Payments above this amount are declined (a business rejection). */
    private long paymentLimit = 10_000;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public long getPaymentLimit() {
      return paymentLimit;
    }

    public void setPaymentLimit(long paymentLimit) {
      this.paymentLimit = paymentLimit;
    }
  }

  /** Worker registry settings. */
  public static class Workers {

    /** Added to a worker's own long-poll timeout to decide it is STALE. */
    private Duration staleMargin = Duration.ofSeconds(10);

    /** A fixed window instead of long-poll timeout plus margin; unset by default. */
    private Duration staleAfter;

    /** How often this node adds what it saw to the registry table. */
    private Duration flushInterval = Duration.ofSeconds(5);

    /** How many distinct worker ids this node tracks at most (protects memory from id churn). */
    private int maxTracked = 10_000;

    /** How often the queue and worker gauges are recomputed. */
    private Duration metricsRefresh = Duration.ofSeconds(10);

    public Duration getStaleMargin() {
      return staleMargin;
    }

    public void setStaleMargin(Duration staleMargin) {
      this.staleMargin = staleMargin;
    }

    public Duration getStaleAfter() {
      return staleAfter;
    }

    public void setStaleAfter(Duration staleAfter) {
      this.staleAfter = staleAfter;
    }

    public Duration getFlushInterval() {
      return flushInterval;
    }

    public void setFlushInterval(Duration flushInterval) {
      this.flushInterval = flushInterval;
    }

    public int getMaxTracked() {
      return maxTracked;
    }

    public void setMaxTracked(int maxTracked) {
      this.maxTracked = maxTracked;
    }

    public Duration getMetricsRefresh() {
      return metricsRefresh;
    }

    public void setMetricsRefresh(Duration metricsRefresh) {
      this.metricsRefresh = metricsRefresh;
    }
  }

  /** Deployment checks. */
  public static class Deployments {

    /** Largest BPMN file accepted, in bytes (e.g. 5MB). */
    private DataSize maxSize = DataSize.ofMegabytes(5);

    public DataSize getMaxSize() {
      return maxSize;
    }

    public void setMaxSize(DataSize maxSize) {
      this.maxSize = maxSize;
    }
  }

  /**
   * What a model may make the engine do. Expressions always stay within Baton's closed language
   * (service-adapters: adapters/rules/ExpressionVocabulary); the switches below let in what runs
   * arbitrary code, for an administrator who trusts everyone who can deploy.
   */
  public static class Models {

    /** Let scripts through: script tasks, script listeners, script mappings and conditions. */
    private boolean scripts = false;

    /** Let Java classes through: camunda:class and variableMappingClass anywhere. */
    private boolean javaClasses = false;

    /** Let CMMN case definitions be parsed and deployed at all. */
    private boolean cmmn = false;

    /** DMN expression languages accepted (names as in expressionLanguage, case-insensitive). */
    private Set<String> dmnLanguages = new LinkedHashSet<>(List.of("feel"));

    /** Shortest period of a repeating timer (timeCycle), at deploy and at run time. */
    private Duration minTimerCycle = Duration.ofSeconds(1);

    /** Deepest element nesting accepted in a model file, in levels (real diagrams use under 10). */
    private int maxXmlDepth = 100;

    public boolean isScripts() {
      return scripts;
    }

    public void setScripts(boolean scripts) {
      this.scripts = scripts;
    }

    public boolean isJavaClasses() {
      return javaClasses;
    }

    public void setJavaClasses(boolean javaClasses) {
      this.javaClasses = javaClasses;
    }

    public boolean isCmmn() {
      return cmmn;
    }

    public void setCmmn(boolean cmmn) {
      this.cmmn = cmmn;
    }

    public Set<String> getDmnLanguages() {
      return dmnLanguages;
    }

    public void setDmnLanguages(Set<String> dmnLanguages) {
      this.dmnLanguages = dmnLanguages;
    }

    public Duration getMinTimerCycle() {
      return minTimerCycle;
    }

    public void setMinTimerCycle(Duration minTimerCycle) {
      this.minTimerCycle = minTimerCycle;
    }

    public int getMaxXmlDepth() {
      return maxXmlDepth;
    }

    public void setMaxXmlDepth(int maxXmlDepth) {
      this.maxXmlDepth = maxXmlDepth;
    }
  }

  /** History records the console does not read; off by default because they cost throughput. */
  public static class History {

    /** Job log: {@code failures} (failed attempts only) or {@code all} (also created/succeeded). */
    private LogRows jobLog = LogRows.FAILURES;

    /**
     * External-task log: {@code failures} (failures reported by workers only) or {@code all} (also
     * created, completed and deleted).
     */
    private LogRows externalTaskLog = LogRows.FAILURES;

    /** A history row for every change of every variable (the last value is always kept). */
    private boolean variableDetails = false;

    public LogRows getJobLog() {
      return jobLog;
    }

    public void setJobLog(LogRows jobLog) {
      this.jobLog = jobLog;
    }

    public LogRows getExternalTaskLog() {
      return externalTaskLog;
    }

    public void setExternalTaskLog(LogRows externalTaskLog) {
      this.externalTaskLog = externalTaskLog;
    }

    public boolean isVariableDetails() {
      return variableDetails;
    }

    public void setVariableDetails(boolean variableDetails) {
      this.variableDetails = variableDetails;
    }

    /** How much of a log to write. */
    public enum LogRows {
      FAILURES,
      ALL
    }
  }

  /**
   * Process events (instance started, step completed, incident created/resolved, instance ended):
   * written to {@code baton_event_outbox} in the engine's own transaction, published from there.
   */
  public static class Events {

    /** Write process events to the outbox at all (off: no row, nothing to publish). */
    private boolean enabled = true;

    /** How long a published row is kept (with its published time); 0 deletes it once confirmed. */
    private Duration retention = Duration.ZERO;

    /** Publishing to RabbitMQ. */
    private final Amqp amqp = new Amqp();

    /** Sending events to registered webhooks (HTTP POST). */
    private final Webhooks webhooks = new Webhooks();

    public Webhooks getWebhooks() {
      return webhooks;
    }

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public Duration getRetention() {
      return retention;
    }

    public void setRetention(Duration retention) {
      this.retention = retention;
    }

    public Amqp getAmqp() {
      return amqp;
    }

    /** The console's live event stream ({@code GET /api/events/stream}). */
    private final Stream stream = new Stream();

    public Stream getStream() {
      return stream;
    }

    /** Server-sent events of work committed on this node, to operators' and admins' consoles. */
    public static class Stream {

      /** Serve the stream at all (off: 404, and committed work costs it nothing). */
      private boolean enabled = true;

      /** Connections at once on this node; one more is refused with 429. */
      private int maxSubscribers = 100;

      /** Events queued per connection; a connection that falls this far behind is dropped. */
      private int queueCapacity = 1000;

      /** Interval of the heartbeat comment that keeps idle connections open. */
      private Duration heartbeat = Duration.ofSeconds(15);

      /** How long one connection lasts before the server ends it (the browser reconnects). */
      private Duration timeout = Duration.ofMinutes(30);

      /** The reconnection delay the stream asks browsers to wait after it ended. */
      private Duration reconnect = Duration.ofSeconds(3);

      /** Threads writing to connections (never the engine's threads). */
      private int writerThreads = 4;

      public boolean isEnabled() {
        return enabled;
      }

      public void setEnabled(boolean enabled) {
        this.enabled = enabled;
      }

      public int getMaxSubscribers() {
        return maxSubscribers;
      }

      public void setMaxSubscribers(int maxSubscribers) {
        this.maxSubscribers = maxSubscribers;
      }

      public int getQueueCapacity() {
        return queueCapacity;
      }

      public void setQueueCapacity(int queueCapacity) {
        if (queueCapacity < 1) {
          throw new IllegalArgumentException(
              "baton.engine.events.stream.queue-capacity must be at least 1");
        }
        this.queueCapacity = queueCapacity;
      }

      public Duration getHeartbeat() {
        return heartbeat;
      }

      public void setHeartbeat(Duration heartbeat) {
        if (heartbeat.isNegative() || heartbeat.isZero()) {
          throw new IllegalArgumentException(
              "baton.engine.events.stream.heartbeat must be positive");
        }
        this.heartbeat = heartbeat;
      }

      public Duration getTimeout() {
        return timeout;
      }

      public void setTimeout(Duration timeout) {
        this.timeout = timeout;
      }

      public Duration getReconnect() {
        return reconnect;
      }

      public void setReconnect(Duration reconnect) {
        this.reconnect = reconnect;
      }

      public int getWriterThreads() {
        return writerThreads;
      }

      public void setWriterThreads(int writerThreads) {
        if (writerThreads < 1) {
          throw new IllegalArgumentException(
              "baton.engine.events.stream.writer-threads must be at least 1");
        }
        this.writerThreads = writerThreads;
      }
    }

    /** The RabbitMQ publisher (connection settings are Spring's {@code spring.rabbitmq.*}). */
    public static class Amqp {

      /** Publish outbox rows to RabbitMQ (off: rows stay pending until a node publishes). */
      private boolean enabled = true;

      /** Topic exchange (declared durable) the events go to, routing key {@code <key>.<type>}. */
      private String exchange = "baton.events";

      /** Rows read, sent and confirmed per round, in sequence order. */
      private int batchSize = 200;

      /** Longest wait for the broker to confirm a round's messages before it counts as failed. */
      private Duration confirmTimeout = Duration.ofSeconds(10);

      /** Longest pause between rounds when idle (a commit with new rows wakes it at once). */
      private Duration pollInterval = Duration.ofSeconds(1);

      /**
       * How long the publisher lingers after a commit woke it, so the commits of that time go out
       * in one round (one publisher transaction per linger under load, not one per engine commit);
       * adds at most this to an event's latency.
       */
      private Duration linger = Duration.ofMillis(50);

      /** First pause after a failed round (broker down); doubles per failure up to max-back-off. */
      private Duration backOff = Duration.ofSeconds(1);

      /** Longest pause between rounds while the broker keeps failing. */
      private Duration maxBackOff = Duration.ofSeconds(30);

      public boolean isEnabled() {
        return enabled;
      }

      public void setEnabled(boolean enabled) {
        this.enabled = enabled;
      }

      public String getExchange() {
        return exchange;
      }

      public void setExchange(String exchange) {
        this.exchange = exchange;
      }

      public int getBatchSize() {
        return batchSize;
      }

      public void setBatchSize(int batchSize) {
        if (batchSize < 1) {
          throw new IllegalArgumentException(
              "baton.engine.events.amqp.batch-size must be at least 1");
        }
        this.batchSize = batchSize;
      }

      public Duration getConfirmTimeout() {
        return confirmTimeout;
      }

      public void setConfirmTimeout(Duration confirmTimeout) {
        this.confirmTimeout = confirmTimeout;
      }

      public Duration getPollInterval() {
        return pollInterval;
      }

      public void setPollInterval(Duration pollInterval) {
        this.pollInterval = pollInterval;
      }

      public Duration getLinger() {
        return linger;
      }

      public void setLinger(Duration linger) {
        this.linger = linger;
      }

      public Duration getBackOff() {
        return backOff;
      }

      public void setBackOff(Duration backOff) {
        this.backOff = backOff;
      }

      public Duration getMaxBackOff() {
        return maxBackOff;
      }

      public void setMaxBackOff(Duration maxBackOff) {
        this.maxBackOff = maxBackOff;
      }
    }

    /** The webhook sender; receivers get the AMQP message's JSON, signed with their secret. */
    public static class Webhooks {

      /** Fan events out to registered webhooks and send them (off: no delivery is created). */
      private boolean enabled = true;

      /** Longest wait for a receiver to accept the connection. */
      private Duration connectTimeout = Duration.ofSeconds(2);

      /** Longest wait for a receiver's answer once the request is sent. */
      private Duration readTimeout = Duration.ofSeconds(10);

      /**
       * Wait before the second attempt of a delivery; doubles per failed attempt up to
       * max-back-off.
       */
      private Duration backOff = Duration.ofSeconds(1);

      /** Longest wait between two attempts of a delivery. */
      private Duration maxBackOff = Duration.ofMinutes(10);

      /** Attempts of a delivery before it is FAILED (an operator may retry it). */
      private int maxAttempts = 12;

      /** Longest pause of the sender when idle (new deliveries wake it at once). */
      private Duration pollInterval = Duration.ofSeconds(1);

      /** Deliveries claimed per pass of the sender. */
      private int batchSize = 50;

      /** Requests the sender of one node has in flight at most. */
      private int concurrency = 4;

      /** How often a node re-reads the registered webhooks (changes made on it apply at once). */
      private Duration refreshInterval = Duration.ofSeconds(5);

      public boolean isEnabled() {
        return enabled;
      }

      public void setEnabled(boolean enabled) {
        this.enabled = enabled;
      }

      public Duration getConnectTimeout() {
        return connectTimeout;
      }

      public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
      }

      public Duration getReadTimeout() {
        return readTimeout;
      }

      public void setReadTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
      }

      public Duration getBackOff() {
        return backOff;
      }

      public void setBackOff(Duration backOff) {
        this.backOff = backOff;
      }

      public Duration getMaxBackOff() {
        return maxBackOff;
      }

      public void setMaxBackOff(Duration maxBackOff) {
        this.maxBackOff = maxBackOff;
      }

      public int getMaxAttempts() {
        return maxAttempts;
      }

      public void setMaxAttempts(int maxAttempts) {
        if (maxAttempts < 1) {
          throw new IllegalArgumentException(
              "baton.engine.events.webhooks.max-attempts must be at least 1");
        }
        this.maxAttempts = maxAttempts;
      }

      public Duration getPollInterval() {
        return pollInterval;
      }

      public void setPollInterval(Duration pollInterval) {
        this.pollInterval = pollInterval;
      }

      public int getBatchSize() {
        return batchSize;
      }

      public void setBatchSize(int batchSize) {
        if (batchSize < 1) {
          throw new IllegalArgumentException(
              "baton.engine.events.webhooks.batch-size must be at least 1");
        }
        this.batchSize = batchSize;
      }

      public int getConcurrency() {
        return concurrency;
      }

      public void setConcurrency(int concurrency) {
        if (concurrency < 1) {
          throw new IllegalArgumentException(
              "baton.engine.events.webhooks.concurrency must be at least 1");
        }
        this.concurrency = concurrency;
      }

      public Duration getRefreshInterval() {
        return refreshInterval;
      }

      public void setRefreshInterval(Duration refreshInterval) {
        this.refreshInterval = refreshInterval;
      }
    }
  }
}
