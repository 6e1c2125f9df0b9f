/**
 * The live process events of `GET api/events/stream` (server-sent events, operators and admins
 * only): the console opens one `EventSource` per page that shows running work, and reloads that
 * page, debounced, when an event about what it shows arrives. The session cookie authenticates
 * it (same origin); a GET needs no CSRF token. The browser's `EventSource` reconnects by itself
 * when the server ends a stream (every 30 minutes, or on a restart).
 */

/** The event types on the wire (`event:` of each message; the server's `EventType`). */
export const EVENT_TYPES = ['instance.started', 'step.completed', 'incident.created', 'incident.resolved', 'instance.ended'] as const;

export type ProcessEventType = (typeof EVENT_TYPES)[number];

/** One process event: the `data:` of a message, the same JSON as on RabbitMQ. */
export interface ProcessEvent {
  eventId: string;
  type: ProcessEventType;
  processDefinitionKey: string | null;
  processInstanceId: string | null;
  businessKey: string | null;
  activityId: string | null;
  occurredAt: string;
  data: Record<string, unknown>;
}

/** What a page watches: the stream is asked for these only (both optional). */
export interface StreamFilter {
  processKey?: string;
  instanceId?: string;
}

/** The part of `EventSource` the console uses, so tests can pass a fake. */
export interface EventSourceLike {
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onerror: ((event: Event) => void) | null;
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  close(): void;
}

export type OpenEventSource = (url: string) => EventSourceLike;

/** How long a burst of events is gathered before the page reloads once (instance page). */
export const LIVE_DEBOUNCE_MS = 300;

const OPEN = 1;

/** `api/events/stream?processKey=…&instanceId=…`, relative like every other call of the console. */
export function streamUrl(filter: StreamFilter): string {
  const query = new URLSearchParams();
  if (filter.processKey) {
    query.set('processKey', filter.processKey);
  }
  if (filter.instanceId) {
    query.set('instanceId', filter.instanceId);
  }
  const text = query.toString();
  return `api/events/stream${text ? `?${text}` : ''}`;
}

/** Reads one message's data; `undefined` for anything that is not a process event. */
export function parseEvent(data: string): ProcessEvent | undefined {
  try {
    const value: unknown = JSON.parse(data);
    if (typeof value === 'object' && value !== null && typeof (value as ProcessEvent).eventId === 'string' && typeof (value as ProcessEvent).type === 'string') {
      return value as ProcessEvent;
    }
  } catch {
    // not JSON: ignored, like a message of a type this console does not know
  }
  return undefined;
}

/**
 * Gathers a burst of `call()`s into one `action`, `delayMs` after the first of them; calls in
 * that window join it. Unlike a debounce that waits for a pause, a steady stream of events (a
 * busy engine) still reloads the page once per window instead of never.
 */
export function coalesce(action: () => void, delayMs: number): { call(): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    call() {
      if (timer !== undefined) {
        return;
      }
      timer = setTimeout(() => {
        timer = undefined;
        action();
      }, delayMs);
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}

export interface LiveOptions {
  filter: StreamFilter;
  /** Whether an event concerns what the page shows; the page reloads only for those. */
  relevant(event: ProcessEvent): boolean;
  /** Reload the page (called at most once per window of `debounceMs`). */
  changed(): void;
  /** The stream is open (true) or not (false, e.g. reconnecting): for the "live" indicator. */
  status?(live: boolean): void;
  /** The window that gathers events into one reload; {@link LIVE_DEBOUNCE_MS} by default. */
  debounceMs?: number;
  /** Defaults to the browser's `EventSource`; absent (tests, old browsers): no stream. */
  open?: OpenEventSource;
}

/** A page's subscription; `close()` when the page is left. */
export interface LiveUpdates {
  close(): void;
}

/** Opens the stream for a page; without `EventSource` it does nothing (the page keeps polling). */
export function watchEvents(options: LiveOptions): LiveUpdates {
  const open = options.open ?? browserEventSource();
  if (!open) {
    return { close() {} };
  }
  let source: EventSourceLike;
  try {
    source = open(streamUrl(options.filter));
  } catch {
    // no stream (e.g. a browser that refuses it): the page keeps polling
    return { close() {} };
  }
  const reload = coalesce(options.changed, options.debounceMs ?? LIVE_DEBOUNCE_MS);
  let closed = false;
  source.onopen = () => options.status?.(true);
  // the browser retries by itself; until it is back the page relies on its polling
  source.onerror = () => options.status?.(source.readyState === OPEN);
  const onMessage = (message: MessageEvent<string>) => {
    const event = parseEvent(message.data);
    if (!closed && event && options.relevant(event)) {
      reload.call();
    }
  };
  EVENT_TYPES.forEach((type) => source.addEventListener(type, onMessage));
  return {
    close() {
      closed = true;
      reload.cancel();
      source.close();
      options.status?.(false);
    },
  };
}

function browserEventSource(): OpenEventSource | undefined {
  if (typeof EventSource === 'undefined') {
    return undefined;
  }
  // same origin: the session cookie goes along without withCredentials
  return (url) => new EventSource(url);
}
