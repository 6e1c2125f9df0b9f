import type { HourlyCompletions } from '../api/client';
import { formatCount, formatHour } from '../ui/format';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 1200;
const HEIGHT = 170;
const PAD = { top: 12, right: 8, bottom: 24, left: 44 };

/** The smallest 1, 2 or 5 × 10ⁿ at or above `value` (at least 1): a y-axis top that reads well. */
export function niceCeiling(value: number): number {
  if (!(value > 1)) {
    return 1;
  }
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((factor) => factor * magnitude >= value)!;
  return step * magnitude;
}

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    element.setAttribute(name, String(value));
  }
  if (text !== undefined) {
    element.textContent = text;
  }
  return element;
}

/**
 * A bar per hour (oldest left), scaled to a round maximum, hours labelled every three bars in
 * the browser's time zone; each bar's tooltip says its hour and count. Inline SVG: a chart
 * library would weigh more than the whole console.
 */
export function completionsChart(hours: readonly HourlyCompletions[]): SVGSVGElement {
  const chart = svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'chart', role: 'img', id: 'js-completions-chart', 'data-testid': 'js-completions-chart' });
  const total = hours.reduce((sum, hour) => sum + hour.completed, 0);
  chart.setAttribute('aria-label', `Completed instances per hour over the last ${hours.length} hours: ${formatCount(total)} in all`);
  const top = niceCeiling(Math.max(0, ...hours.map((hour) => hour.completed)));
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const y = (value: number) => PAD.top + plotHeight - (value / top) * plotHeight;

  for (const value of [0, top / 2, top]) {
    chart.append(
      svg('line', { x1: PAD.left, x2: WIDTH - PAD.right, y1: y(value), y2: y(value), class: value === 0 ? 'chart-axis' : 'chart-grid' }),
      svg('text', { x: PAD.left - 6, y: y(value) + 4, 'text-anchor': 'end', class: 'chart-label' }, formatCount(value)),
    );
  }
  const slot = plotWidth / Math.max(1, hours.length);
  if (total === 0) {
    // an empty plot reads as "broken" or "still loading"; say it
    chart.append(
      svg('text', { x: PAD.left + plotWidth / 2, y: PAD.top + plotHeight / 2, 'text-anchor': 'middle', class: 'chart-empty js-chart-empty', 'data-testid': 'js-chart-empty' }, 'No data: no instance completed in the last 24 hours'),
    );
  }
  hours.forEach((hour, index) => {
    const x = PAD.left + index * slot;
    const height = (hour.completed / top) * plotHeight;
    const bar = svg('rect', {
      x: x + 1.5,
      y: PAD.top + plotHeight - height,
      width: Math.max(1, slot - 3),
      height,
      class: 'chart-bar js-chart-bar',
      'data-testid': 'js-chart-bar',
      'data-start': hour.start,
      'data-value': hour.completed,
    });
    const next = hours[index + 1]?.start ?? new Date(new Date(hour.start).getTime() + 3_600_000).toISOString();
    bar.append(svg('title', {}, `${formatHour(hour.start)}–${formatHour(next)}: ${formatCount(hour.completed)} completed`));
    // an invisible full-height target, so hovering an empty hour still shows its tooltip
    const target = svg('rect', { x, y: PAD.top, width: slot, height: plotHeight, class: 'chart-hover' });
    target.append(svg('title', {}, `${formatHour(hour.start)}–${formatHour(next)}: ${formatCount(hour.completed)} completed`));
    chart.append(target, bar);
    if (index % 3 === 0) {
      chart.append(svg('text', { x: x + slot / 2, y: HEIGHT - 6, 'text-anchor': 'middle', class: 'chart-label' }, formatHour(hour.start)));
    }
  });
  return chart;
}
