/**
 * A few DOM helpers. Data from the server always goes in as text (`textContent`, attributes),
 * never as HTML; `innerHTML` is kept for the screens' static templates.
 */

type Child = Node | string | null | undefined | false;

export interface ElementOptions {
  /** Space-separated classes. */
  className?: string;
  /** A test hook: sets `data-testid` and adds it as a class (rows, repeated buttons). */
  hook?: string;
  title?: string;
  href?: string;
  dataset?: Record<string, string>;
  attrs?: Record<string, string>;
}

/** `h('td', { className: 'num' }, '42')`. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: ElementOptions | null = null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (options) {
    const classes = [options.className, options.hook].filter(Boolean).join(' ');
    if (classes) {
      element.className = classes;
    }
    if (options.hook) {
      element.dataset.testid = options.hook;
    }
    if (options.title) {
      element.title = options.title;
    }
    if (options.href !== undefined) {
      element.setAttribute('href', options.href);
    }
    for (const [name, value] of Object.entries(options.dataset ?? {})) {
      element.dataset[name] = value;
    }
    for (const [name, value] of Object.entries(options.attrs ?? {})) {
      element.setAttribute(name, value);
    }
  }
  element.append(...children.filter((child): child is Node | string => child !== null && child !== undefined && child !== false));
  return element;
}

/** The element with this id inside `root`; a missing one is a bug in the screen's template. */
export function byId<T extends HTMLElement = HTMLElement>(root: ParentNode, id: string): T {
  const element = root.querySelector<T>(`#${id}`);
  if (!element) {
    throw new Error(`#${id} is missing`);
  }
  return element;
}

/** A `<td>` holding text. */
export function cell(text: string, className?: string, title?: string): HTMLTableCellElement {
  return h('td', { className, title }, text);
}

/** A paragraph per message in an alert; hidden when there are none. */
export function showMessages(alert: HTMLElement, messages: readonly string[]): void {
  // a 401 fails every call alike; say it once
  const shown = messages.includes('Not signed in') ? ['Not signed in'] : [...new Set(messages)];
  alert.replaceChildren(...shown.map((message) => h('p', null, message)));
  alert.hidden = shown.length === 0;
}

/**
 * `<td>` with a process name and its version (`js-process-version`): a long name is cut with an
 * ellipsis, the version always shows.
 */
export function processCell(name: string, version: number, title?: string): HTMLTableCellElement {
  return h(
    'td',
    { title: title ?? `${name} v${version}` },
    h('span', { className: 'name-version' }, h('span', { className: 'name-version-name' }, name), h('span', { className: 'name-version-version', hook: 'js-process-version' }, `v${version}`)),
  );
}
