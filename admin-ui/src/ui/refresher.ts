import { isAbort } from '../api/client';

/** How often the screens that watch something change reload it (dashboard, lists, instance). */
export const REFRESH_INTERVAL_MS = 10_000;

/** Why a load runs: asked for (first load, a click, changed filters) or the interval's tick. */
export interface LoadContext {
  /** The interval's tick: the screen may skip it while the user is in the middle of something. */
  background: boolean;
}

/**
 * Runs a load now and again `intervalMs` after each one finishes (never two at once), until
 * stopped; stopping aborts the load in flight. Without an interval it loads only on demand.
 * While the page is hidden (another tab, a minimised window) the interval pauses; when it shows
 * again, it loads at once and the interval resumes.
 */
export class Refresher {
  private pending: AbortController | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;
  /** A tick fell due while the page was hidden. */
  private missed = false;
  private readonly onVisibility = () => {
    if (!this.page.hidden && this.missed) {
      this.missed = false;
      void this.run(true);
    }
  };

  constructor(
    private readonly load: (signal: AbortSignal, context: LoadContext) => Promise<void>,
    private readonly intervalMs?: number,
    private readonly page: Document = document,
  ) {
    if (intervalMs !== undefined) {
      page.addEventListener('visibilitychange', this.onVisibility);
    }
  }

  /** Loads now unless a load is running; restarts the interval. */
  async now(): Promise<void> {
    await this.run(false);
  }

  /** Aborts the load in flight and starts a new one (e.g. filters changed). */
  async restart(): Promise<void> {
    this.pending?.abort();
    this.pending = undefined;
    await this.now();
  }

  /** The next tick comes after `delayMs` instead of the interval (e.g. shortly after a retry). */
  soon(delayMs: number): void {
    if (this.stopped) {
      return;
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.tick(), delayMs);
  }

  get busy(): boolean {
    return this.pending !== undefined;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.pending?.abort();
    this.pending = undefined;
    this.page.removeEventListener('visibilitychange', this.onVisibility);
  }

  private tick(): void {
    if (this.page.hidden) {
      // nobody looks: no request until the page shows again
      this.missed = true;
      return;
    }
    void this.run(true);
  }

  private async run(background: boolean): Promise<void> {
    if (this.pending || this.stopped) {
      return;
    }
    clearTimeout(this.timer);
    const controller = new AbortController();
    this.pending = controller;
    try {
      await this.load(controller.signal, { background });
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
    // an aborted load was replaced by a newer one, which sets the next tick
    if (!this.stopped && !controller.signal.aborted && this.intervalMs !== undefined) {
      this.timer = setTimeout(() => this.tick(), this.intervalMs);
    }
  }
}
