import type { BatonApi } from './api/client';
import type { Route } from './router';

/** The header navigation's entries; a screen belongs to one (`js-nav-<section>`). */
export type Section = 'dashboard' | 'processes' | 'modeler' | 'instances' | 'incidents' | 'batches' | 'workers' | 'deployments' | 'users' | 'system';

/** A console screen, reached at one or more hash routes. */
export interface Screen {
  /** The navigation entry highlighted while this screen shows. */
  section: Section;
  /** Page title. */
  title: string;
  /** Whether this screen shows `route`. */
  matches(route: Route): boolean;
  /** Renders into `container`. */
  mount(container: HTMLElement, api: BatonApi, route: Route): MountedScreen;
}

export interface MountedScreen {
  /** Stops timers and pending requests. */
  unmount(): void;
  /**
   * Shows another route of the same screen in place (other filters, another page), keeping
   * what should survive it (e.g. a running retry batch). Without it the screen is mounted anew.
   */
  update?(route: Route): void;
  /**
   * Asked before the address moves to another screen: `true` to go, or a promise that settles
   * with the user's answer (e.g. unsaved edits). Without it the screen is always left.
   */
  confirmLeave?(): true | Promise<boolean>;
}
