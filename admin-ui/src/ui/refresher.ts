import { isAbort } from '../api/client';

/**
 * Runs a load now and again `intervalMs` after each one finishes (never two at once), until
 * stopped; stopping aborts the load in flight. Without an interval it loads only on demand.
 */
export class Refresher {
  private pending: AbortController | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;

  constructor(
    private readonly load: (signal: AbortSignal) => Promise<void>,
    private readonly intervalMs?: number,
  ) {}

  /** Loads now unless a load is running; restarts the interval. */
  async now(): Promise<void> {
    if (this.pending || this.stopped) {
      return;
    }
    clearTimeout(this.timer);
    const controller = new AbortController();
    this.pending = controller;
    try {
      await this.load(controller.signal);
    } catch (error) {
      if (!isAbort(error)) {
        // loads show their own errors; one that escapes must not end the refresh cycle
        console.error(error);
      }
    } finally {
      if (this.pending === controller) {
        this.pending = undefined;
      }
    }
    if (!this.stopped && this.intervalMs !== undefined) {
      this.timer = setTimeout(() => void this.now(), this.intervalMs);
    }
  }

  /** Aborts the load in flight and starts a new one (e.g. filters changed). */
  async restart(): Promise<void> {
    this.pending?.abort();
    this.pending = undefined;
    await this.now();
  }

  get busy(): boolean {
    return this.pending !== undefined;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.pending?.abort();
    this.pending = undefined;
  }
}
