import { h } from './dom';
import { formatCount } from './format';

export const PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 50;

/** Reads a page size from the URL, falling back to the default for anything not offered. */
export function pageSizeOf(value: string | null): number {
  const size = Number(value);
  return (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE;
}

/** A zero-based page number from the URL; nonsense reads as the first page. */
export function pageOf(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page > 0 ? page : 0;
}

export interface PagerState {
  page: number;
  size: number;
  total: number;
  /** Items on this page. */
  shown: number;
}

/**
 * "1–50 of 1,234", previous/next and the page size: `js-total`, `js-page-info`, `js-prev-page`,
 * `js-next-page`, `js-page-size`.
 */
export class Pager {
  readonly element: HTMLElement;
  private readonly info = h('span', { className: 'pager-info', attrs: { id: 'js-page-info', 'data-testid': 'js-page-info' } });
  private readonly total = h('span', { attrs: { id: 'js-total', 'data-testid': 'js-total' } }, '0');
  private readonly previous = h('button', { className: 'button', attrs: { type: 'button', id: 'js-prev-page', 'data-testid': 'js-prev-page' } }, '‹ Previous');
  private readonly next = h('button', { className: 'button', attrs: { type: 'button', id: 'js-next-page', 'data-testid': 'js-next-page' } }, 'Next ›');
  private readonly sizeSelect = h(
    'select',
    { className: 'select', attrs: { id: 'js-page-size', 'data-testid': 'js-page-size', 'aria-label': 'Rows per page' } },
    ...PAGE_SIZES.map((size) => h('option', { attrs: { value: String(size) } }, `${size} per page`)),
  );
  private state: PagerState = { page: 0, size: DEFAULT_PAGE_SIZE, total: 0, shown: 0 };

  constructor(onChange: (page: number, size: number) => void) {
    this.element = h('div', { className: 'pager' }, this.info, h('span', { className: 'pager-buttons' }, this.sizeSelect, this.previous, this.next));
    this.previous.addEventListener('click', () => onChange(this.state.page - 1, this.state.size));
    this.next.addEventListener('click', () => onChange(this.state.page + 1, this.state.size));
    // a new size starts again at the first page: the old page number means other rows
    this.sizeSelect.addEventListener('change', () => onChange(0, Number(this.sizeSelect.value)));
    this.show(this.state);
  }

  show(state: PagerState): void {
    this.state = state;
    const first = state.page * state.size + 1;
    const last = state.page * state.size + state.shown;
    this.total.textContent = formatCount(state.total);
    this.total.dataset.total = String(state.total);
    this.info.replaceChildren(
      state.shown > 0 ? `${formatCount(first)}–${formatCount(last)} of ` : 'None of ',
      this.total,
    );
    this.sizeSelect.value = String(state.size);
    this.previous.disabled = state.page <= 0;
    this.next.disabled = last >= state.total || state.shown === 0;
  }

  /** While a page loads, nothing can be clicked twice. */
  setBusy(busy: boolean): void {
    if (busy) {
      this.previous.disabled = true;
      this.next.disabled = true;
    } else {
      this.show(this.state);
    }
  }
}
