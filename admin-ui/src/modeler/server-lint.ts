/**
 * The modeler's live lint: the server's house rules are the only ones, so every change asks
 * `POST /api/definitions/lint` (debounced) and the problems panel shows its answer. Only the
 * answer to the latest request is shown; an older one arriving late is dropped.
 */
import { describeError, type BatonApi } from '../api/client';
import { serverIssues } from './lint-issues';
import type { LintIssue } from './modeler';

/** How long the diagram must stay unchanged before it is sent. */
export const LINT_DELAY_MS = 400;

export interface ServerLintEvents {
  /** The diagram to check; undefined when there is none. */
  xml(): Promise<string> | undefined;
  /** The element's name, for the rows. */
  nameOf(elementId: string): string | undefined;
  onIssues(issues: LintIssue[]): void;
  /** The server could not be asked (offline, refused): the reason in words. */
  onFailure(message: string): void;
}

export class ServerLint {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private latest = 0;

  constructor(
    private readonly api: BatonApi,
    private readonly signal: AbortSignal,
    private readonly events: ServerLintEvents,
    private readonly delayMs = LINT_DELAY_MS,
  ) {}

  /** The diagram changed: check it once it has been still for a moment. */
  schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), this.delayMs);
  }

  destroy(): void {
    clearTimeout(this.timer);
    this.latest++;
  }

  private async run(): Promise<void> {
    const request = ++this.latest;
    try {
      const xml = await this.events.xml();
      if (xml === undefined || request !== this.latest) {
        return;
      }
      const { problems } = await this.api.lintXml(xml, this.signal);
      if (request === this.latest && !this.signal.aborted) {
        this.events.onIssues(serverIssues(problems, this.events.nameOf));
      }
    } catch (failure) {
      if (request === this.latest && !this.signal.aborted) {
        this.events.onFailure(describeError('Could not check the diagram on the server', failure));
      }
    }
  }
}
