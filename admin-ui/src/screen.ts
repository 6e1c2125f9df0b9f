import type { BatonApi } from './api/client';

/** A console screen, reached at `#/<path>` and listed in the header navigation. */
export interface Screen {
  /** Hash route without `#/`, e.g. `status`. */
  path: string;
  /** Navigation label and page title. */
  title: string;
  /** Renders into `container`; returns a function that stops timers and pending requests. */
  mount(container: HTMLElement, api: BatonApi): () => void;
}
