import { formatCount } from '../format.js';
import { html, type SafeHtml } from '../html.js';
import { CHART_HEIGHT, CHART_WIDTH, chartSvg, emptyChart } from './chart-frame.js';
import { niceAxis, scale } from './scale.js';

export interface BarSeries {
  readonly key: string;
  readonly label: string;
  readonly colour: string;
}

export interface BarCategory {
  /** The category as data (`2026-03-02`, `8`). */
  readonly key: string;
  /** The category as the axis shows it (`Mar 2`, `08`). */
  readonly label: string;
  /** Its count in each series; a missing series is 0. */
  readonly values: Readonly<Record<string, number>>;
  /** The tooltip heading (`Mon Mar 2`); the label by default. */
  readonly tooltip?: string;
}

export interface StackedBarChartOptions {
  readonly kind: string;
  readonly title: string;
  readonly label: string;
  /** Bottom to top. */
  readonly series: readonly BarSeries[];
  readonly categories: readonly BarCategory[];
  readonly xAxisLabel: string;
  readonly yAxisLabel: string;
  /** What a counted thing is called in tooltips, singular and plural (`['attempt', 'attempts']`). */
  readonly unit: readonly [string, string];
  /** A shaded run of categories, from index `from` up to (not including) index `to`. */
  readonly band?: { readonly from: number; readonly to: number; readonly label: string; readonly colour: string };
  readonly emptyMessage: string;
  /** The least room between two category labels, in chart units: about the widest label. */
  readonly labelSpacing?: number;
  /** Extra `data-*` attributes for the `<svg>`. */
  readonly data?: Readonly<Record<string, string | number | object>>;
}

const MARGIN = { top: 34, right: 8, bottom: 42, left: 46 };

/**
 * Vertical bars, one per category, each stacked from its series in order. The `<svg>` carries the total and each
 * series' total; each bar carries its category and total, and each segment its series and count.
 */
export function stackedBarChart(options: StackedBarChartOptions): SafeHtml {
  const { series, categories } = options;
  const totalOf = (category: BarCategory) => series.reduce((sum, { key }) => sum + (category.values[key] ?? 0), 0);
  const seriesTotals = Object.fromEntries(series.map(({ key }) => [key, categories.reduce((sum, category) => sum + (category.values[key] ?? 0), 0)]));
  const total = categories.reduce((sum, category) => sum + totalOf(category), 0);
  const data = { ...options.data, total, seriesTotals, categories: categories.length };
  if (total === 0) return emptyChart({ kind: options.kind, title: options.title, label: `${options.label} ${options.emptyMessage}`, data, message: options.emptyMessage });

  const plot = { left: MARGIN.left, right: CHART_WIDTH - MARGIN.right, top: MARGIN.top, bottom: CHART_HEIGHT - MARGIN.bottom };
  const axis = niceAxis(Math.max(...categories.map(totalOf)), { integer: true });
  const y = scale(axis, plot.bottom, plot.top);
  const slot = (plot.right - plot.left) / categories.length;
  const barWidth = Math.min(40, Math.max(1, slot * 0.74));
  const labelEvery = Math.max(1, Math.ceil(categories.length / Math.floor((plot.right - plot.left) / (options.labelSpacing ?? 34))));

  const grid = axis.ticks.map(
    (tick) =>
      html`<g class="tick"><line class="grid" x1="${plot.left}" x2="${plot.right}" y1="${y(tick)}" y2="${y(tick)}"></line><text class="tick-label" x="${plot.left - 6}" y="${y(tick)}" text-anchor="end" dominant-baseline="middle">${formatCount(tick)}</text></g>`,
  );
  const band =
    options.band &&
    html`<g class="band"><rect x="${plot.left + options.band.from * slot}" y="${plot.top}" width="${(options.band.to - options.band.from) * slot}" height="${plot.bottom - plot.top}" fill="${options.band.colour}"></rect><text class="band-label" x="${plot.left + ((options.band.from + options.band.to) / 2) * slot}" y="${plot.top - 8}" text-anchor="middle">${options.band.label}</text></g>`;

  const bars = categories.map((category, index) => {
    const x = plot.left + index * slot + (slot - barWidth) / 2;
    const categoryTotal = totalOf(category);
    let stacked = 0;
    const segments = series.map(({ key, colour }) => {
      const count = category.values[key] ?? 0;
      if (count === 0) return null;
      const top = y(stacked + count);
      const height = y(stacked) - top;
      stacked += count;
      return html`<rect class="segment" x="${x}" y="${top}" width="${barWidth}" height="${height}" fill="${colour}" data-series="${key}" data-count="${count}"></rect>`;
    });
    const breakdown = series
      .filter(({ key }) => (category.values[key] ?? 0) > 0)
      .map(({ key, label }) => `${label}: ${formatCount(category.values[key]!)}`)
      .join('; ');
    const tooltip = `${category.tooltip ?? category.label}: ${formatCount(categoryTotal)} ${options.unit[categoryTotal === 1 ? 0 : 1]}${breakdown === '' ? '' : ` (${breakdown})`}`;
    const tickLabel =
      index % labelEvery === 0
        ? html`<text class="tick-label" x="${x + barWidth / 2}" y="${plot.bottom + 16}" text-anchor="middle">${category.label}</text>`
        : null;
    return html`<g class="bar" data-category="${category.key}" data-total="${categoryTotal}"><title>${tooltip}</title>${segments}</g>${tickLabel}`;
  });

  return chartSvg({
    kind: options.kind,
    title: options.title,
    label: options.label,
    data,
    body: html`${band}${grid}<line class="axis" x1="${plot.left}" x2="${plot.right}" y1="${plot.bottom}" y2="${plot.bottom}"></line>${bars}<text class="axis-label" x="${(plot.left + plot.right) / 2}" y="${CHART_HEIGHT - 8}" text-anchor="middle">${options.xAxisLabel}</text><text class="axis-label" x="4" y="${plot.top - 16}">${options.yAxisLabel}</text>`,
  });
}
