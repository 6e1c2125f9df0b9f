import { h } from '../ui/dom';

/**
 * The small "live" badge of a page that reloads on process events: shown while the event stream
 * is open, hidden while it reconnects (the page then relies on its polling) or is not allowed.
 */
export function liveIndicator(): { element: HTMLElement; show(live: boolean): void } {
  const element = h('span', { className: 'badge badge-live', hook: 'js-live', title: 'Updates as the engine commits work', attrs: { id: 'js-live' } }, '● live');
  element.hidden = true;
  return {
    element,
    show(live: boolean) {
      element.hidden = !live;
    },
  };
}
