import { describeError } from '../api/client';
import { h } from '../ui/dom';
import { openDiagram, type DiagramView } from './diagram';

/**
 * A diagram with zoom buttons: the bpmn-js container `js-diagram`, "Loading diagram…" while
 * bpmn-js loads, and import errors in words (`js-diagram-error`), never swallowed. A page with two
 * diagrams gives each its own prefix (`js-source` → `js-source-diagram`, `js-source-zoom-in`, …).
 */
export class DiagramPanel {
  readonly element: HTMLElement;
  private readonly canvas: HTMLElement;
  private readonly status = h('p', { className: 'diagram-status muted' }, 'Loading diagram…');
  private readonly error: HTMLElement;
  private view: DiagramView | undefined;
  private destroyed = false;

  constructor(prefix = 'js') {
    const hook = (name: string) => ({ id: `${prefix}-${name}`, 'data-testid': `${prefix}-${name}` });
    this.canvas = h('div', { className: 'diagram-canvas', attrs: hook('diagram') });
    this.error = h('div', { className: 'alert alert-error', attrs: { ...hook('diagram-error'), role: 'alert' } });
    this.error.hidden = true;
    const zoom = (how: 'in' | 'out' | 'fit', label: string, text: string) => {
      const button = h('button', { className: 'button button-small', title: label, attrs: { type: 'button', ...hook(`zoom-${how}`), 'aria-label': label } }, text);
      button.addEventListener('click', () => this.view?.zoom(how));
      return button;
    };
    this.element = h(
      'div',
      { className: 'diagram-panel' },
      this.error,
      h('div', { className: 'diagram-frame' }, this.canvas, this.status, h('div', { className: 'diagram-zoom' }, zoom('in', 'Zoom in', '+'), zoom('out', 'Zoom out', '−'), zoom('fit', 'Fit to view', 'Fit'))),
    );
  }

  /** Renders the XML; undefined when it cannot be shown (the reason is on screen). */
  async show(xml: string): Promise<DiagramView | undefined> {
    this.status.hidden = false;
    this.status.textContent = 'Loading diagram…';
    try {
      const { view, warnings } = await openDiagram(this.canvas, xml);
      if (this.destroyed) {
        view.destroy();
        return undefined;
      }
      this.view = view;
      this.status.hidden = warnings.length === 0;
      this.status.textContent = warnings.length ? `The diagram was drawn with ${warnings.length} warning(s): ${warnings.join('; ')}` : '';
      return view;
    } catch (error) {
      this.fail(describeError('Could not draw the diagram', error));
      return undefined;
    }
  }

  /** Shows why there is no diagram (e.g. the XML could not be loaded). */
  fail(message: string): void {
    this.status.hidden = true;
    this.error.textContent = message;
    this.error.hidden = false;
  }

  destroy(): void {
    this.destroyed = true;
    this.view?.destroy();
    this.view = undefined;
  }
}
