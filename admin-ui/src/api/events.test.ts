import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { listChanges } from '../instances/instances-page';
import type { InstanceSummary } from './types';
import { coalesce, parseEvent, streamUrl, watchEvents, type EventSourceLike, type ProcessEvent } from './events';

/** An EventSource the test drives: it opens, fails and delivers messages on demand. */
class FakeSource implements EventSourceLike {
  readyState = 0;
  closed = false;
  onopen: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  private readonly listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();

  constructor(readonly url: string) {}

  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  close(): void {
    this.closed = true;
    this.readyState = 2;
  }

  open(): void {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }

  fail(): void {
    this.readyState = 0;
    this.onerror?.(new Event('error'));
  }

  deliver(event: Partial<ProcessEvent> & { type: ProcessEvent['type'] }): void {
    const data = JSON.stringify({ eventId: `e-${Math.random()}`, processDefinitionKey: 'order', processInstanceId: 'i-1', occurredAt: '2026-12-02T12:00:00Z', data: {}, ...event });
    (this.listeners.get(event.type) ?? []).forEach((listener) => listener({ data } as MessageEvent<string>));
  }
}

function event(type: ProcessEvent['type'], processInstanceId: string): ProcessEvent {
  return { eventId: 'e', type, processDefinitionKey: 'order', processInstanceId, businessKey: null, activityId: null, occurredAt: '2026-12-02T12:00:00Z', data: {} };
}

describe('live events', () => {
  let source: FakeSource | undefined;
  const open = (url: string) => (source = new FakeSource(url));

  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('should ask the stream only for the filtered process and instance', () => {
    expect(streamUrl({})).toBe('api/events/stream');
    expect(streamUrl({ processKey: 'order fulfil', instanceId: 'i-1' })).toBe('api/events/stream?processKey=order+fulfil&instanceId=i-1');
    expect(streamUrl({ processKey: '', instanceId: undefined })).toBe('api/events/stream');
  });

  it('should read process events and ignore anything else', () => {
    expect(parseEvent('{"eventId":"e-1","type":"instance.ended","data":{}}')?.type).toBe('instance.ended');
    expect(parseEvent('not json')).toBeUndefined();
    expect(parseEvent('{"type":"instance.ended"}')).toBeUndefined();
    expect(parseEvent('null')).toBeUndefined();
  });

  it('should gather a burst into one action, and still act once per window while events keep coming', () => {
    // given
    const action = vi.fn();
    const gathered = coalesce(action, 300);

    // when three calls come 100 ms apart
    gathered.call();
    vi.advanceTimersByTime(100);
    gathered.call();
    vi.advanceTimersByTime(100);
    gathered.call();
    vi.advanceTimersByTime(99);

    // then nothing yet, and one action 300 ms after the first
    expect(action).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(action).toHaveBeenCalledTimes(1);

    // and a call every 50 ms for 3 s acts about once per 300 ms, not never
    for (let i = 0; i < 60; i++) {
      gathered.call();
      vi.advanceTimersByTime(50);
    }
    expect(action.mock.calls.length).toBeGreaterThanOrEqual(9);
    expect(action.mock.calls.length).toBeLessThanOrEqual(11);
  });

  it('should reload once per burst of relevant events and never for others', () => {
    // given a page of instance i-1
    const changed = vi.fn();
    watchEvents({ filter: { instanceId: 'i-1' }, relevant: (e) => e.processInstanceId === 'i-1', changed, open });

    // when a burst of its events and one of another instance arrive
    source!.deliver({ type: 'step.completed', processInstanceId: 'i-1' });
    source!.deliver({ type: 'step.completed', processInstanceId: 'i-2' });
    source!.deliver({ type: 'instance.ended', processInstanceId: 'i-1' });
    vi.advanceTimersByTime(300);

    // then one reload
    expect(source!.url).toBe('api/events/stream?instanceId=i-1');
    expect(changed).toHaveBeenCalledTimes(1);

    // and an unrelated event alone reloads nothing
    source!.deliver({ type: 'instance.started', processInstanceId: 'i-2' });
    vi.advanceTimersByTime(1000);
    expect(changed).toHaveBeenCalledTimes(1);
  });

  it('should show live while open, not while reconnecting, and stop everything when closed', () => {
    // given
    const changed = vi.fn();
    const status = vi.fn();
    const live = watchEvents({ filter: {}, relevant: () => true, changed, status, open });

    // when the stream opens, drops, and the page is left with a reload pending
    source!.open();
    expect(status).toHaveBeenLastCalledWith(true);
    source!.fail();
    expect(status).toHaveBeenLastCalledWith(false);
    source!.deliver({ type: 'instance.ended' });
    live.close();
    vi.advanceTimersByTime(1000);

    // then the source is closed and the pending reload never runs
    expect(source!.closed).toBe(true);
    expect(status).toHaveBeenLastCalledWith(false);
    expect(changed).not.toHaveBeenCalled();
  });

  it('should do nothing without EventSource', () => {
    vi.stubGlobal('EventSource', undefined);
    try {
      const live = watchEvents({ filter: {}, relevant: () => true, changed: vi.fn() });
      expect(() => live.close()).not.toThrow();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('should let the instances list reload for starts, ends and incidents, and for steps of rows it shows', () => {
    const shown = [{ id: 'i-1' }] as InstanceSummary[];
    expect(listChanges(event('instance.started', 'i-9'), shown)).toBe(true);
    expect(listChanges(event('incident.created', 'i-9'), shown)).toBe(true);
    expect(listChanges(event('instance.ended', 'i-9'), shown)).toBe(true);
    expect(listChanges(event('step.completed', 'i-1'), shown)).toBe(true);
    expect(listChanges(event('step.completed', 'i-9'), shown)).toBe(false);
  });
});
