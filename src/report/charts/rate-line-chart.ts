import { formatCount, formatDay, formatDayWithYear, formatPercent, spansYears } from '../format.js';
import { formatNumber, html, type SafeHtml } from '../html.js';
import { CHART_HEIGHT, CHART_WIDTH, chartSvg, emptyChart } from './chart-frame.js';
import { niceAxis, scale } from './scale.js';

export interface RatePoint {
  /** A UTC day, `2026-03-02`. */
  readonly day: string;
  readonly answered: number;
  readonly abandoned: number;
  /** abandoned / answered, 0 when nothing was answered. */
  readonly rate: number;
}

export interface RateLineChartOptions {
  readonly kind: string;
  readonly title: string;
  readonly label: string;
  readonly points: readonly RatePoint[];
  /** The limit drawn as a dashed line (0.03 is 3%). */
  readonly cap: number;
  readonly capLabel: string;
  readonly lineColour: string;
  readonly capColour: string;
  readonly emptyMessage: string;
  readonly data?: Readonly<Record<string, string | number | object>>;
}

const MARGIN = { top: 34, right: 20, bottom: 42, left: 46 };
const DAY_MS = 86_400_000;

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;

/**
 * A rate per day against a dashed limit, days placed on a continuous axis (a day missing from the points leaves
 * a gap in spacing, not in the line). Points above the limit are drawn larger and in the limit's colour. Each
 * point carries its day, answered and abandoned counts and its rate.
 */
export function rateLineChart(options: RateLineChartOptions): SafeHtml {
  const { points, cap } = options;
  const overCap = points.filter((point) => point.rate > cap).length;
  const maxRate = Math.max(0, ...points.map((point) => point.rate));
  const data = { ...options.data, cap, points: points.length, overCap, maxRate: maxRate.toFixed(6) };
  if (points.length === 0) return emptyChart({ kind: options.kind, title: options.title, label: `${options.label} ${options.emptyMessage}`, data, message: options.emptyMessage });

  const plot = { left: MARGIN.left, right: CHART_WIDTH - MARGIN.right, top: MARGIN.top, bottom: CHART_HEIGHT - MARGIN.bottom };
  const axis = niceAxis(Math.max(cap * 1.5, maxRate * 1.1), { count: 5 });
  const y = scale(axis, plot.bottom, plot.top);
  const first = dayNumber(points[0]!.day);
  const span = dayNumber(points.at(-1)!.day) - first;
  const x = (day: string) => (span === 0 ? (plot.left + plot.right) / 2 : plot.left + ((plot.right - plot.left) * (dayNumber(day) - first)) / span);
  const digits = axis.max < 0.05 ? 1 : 0;

  const grid = axis.ticks.map(
    (tick) =>
      html`<g class="tick"><line class="grid" x1="${plot.left}" x2="${plot.right}" y1="${y(tick)}" y2="${y(tick)}"></line><text class="tick-label" x="${plot.left - 6}" y="${y(tick)}" text-anchor="end" dominant-baseline="middle">${formatPercent(tick, digits)}</text></g>`,
  );
  // Labels left to right wherever they have room; the last day always gets one, in place of a neighbour too close.
  const shortYear = spansYears(points.map((point) => point.day));
  const spacing = shortYear ? 68 : 46;
  const labelled: RatePoint[] = [];
  for (const point of points) {
    const previous = labelled.at(-1);
    if (previous === undefined || x(point.day) - x(previous.day) >= spacing) labelled.push(point);
    else if (point === points.at(-1)) labelled[labelled.length - 1] = point;
  }
  const dayLabels = labelled.map((point) => html`<text class="tick-label" x="${x(point.day)}" y="${plot.bottom + 16}" text-anchor="middle">${formatDay(point.day, { shortYear })}</text>`);
  const coordinates = points.map((point) => `${formatNumber(x(point.day))},${formatNumber(y(point.rate))}`);
  const area =
    points.length > 1
      ? html`<polygon class="rate-area" points="${`${formatNumber(x(points[0]!.day))},${plot.bottom} ${coordinates.join(' ')} ${formatNumber(x(points.at(-1)!.day))},${plot.bottom}`}" fill="${options.lineColour}"></polygon><polyline class="rate-line" points="${coordinates.join(' ')}" stroke="${options.lineColour}"></polyline>`
      : null;
  const radius = points.length > 60 ? 2 : 3.5;
  const markers = points.map((point) => {
    const over = point.rate > cap;
    return html`<circle class="${over ? 'point over-cap' : 'point'}" cx="${x(point.day)}" cy="${y(point.rate)}" r="${over ? radius + 1.5 : radius}" fill="${over ? options.capColour : options.lineColour}" data-day="${point.day}" data-answered="${point.answered}" data-abandoned="${point.abandoned}" data-rate="${point.rate.toFixed(6)}"><title>${`${formatDayWithYear(point.day)}: ${formatPercent(point.rate)} (${formatCount(point.abandoned)} abandoned of ${formatCount(point.answered)} live answers in the 30 days ending that day)`}</title></circle>`;
  });
  const capY = y(cap);

  return chartSvg({
    kind: options.kind,
    title: options.title,
    label: options.label,
    data,
    body: html`${grid}<line class="axis" x1="${plot.left}" x2="${plot.right}" y1="${plot.bottom}" y2="${plot.bottom}"></line>${area}<line class="cap-line" x1="${plot.left}" x2="${plot.right}" y1="${capY}" y2="${capY}" stroke="${options.capColour}" data-cap="${cap}"></line><text class="cap-label" x="${plot.right}" y="${capY - 6}" text-anchor="end" fill="${options.capColour}">${options.capLabel}</text>${markers}${dayLabels}<text class="axis-label" x="${(plot.left + plot.right) / 2}" y="${CHART_HEIGHT - 8}" text-anchor="middle">Day the 30-day window ends (UTC)</text><text class="axis-label" x="4" y="${plot.top - 16}">Abandoned / live answers</text>`,
  });
}
