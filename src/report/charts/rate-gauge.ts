import { formatCount, formatPercent } from '../format.js';
import { html, type SafeHtml } from '../html.js';
import { CHART_HEIGHT, CHART_WIDTH, chartSvg, emptyChart } from './chart-frame.js';
import { niceAxis, scale } from './scale.js';

export interface RateGaugeOptions {
  readonly kind: string;
  readonly title: string;
  readonly label: string;
  readonly answered: number;
  readonly abandoned: number;
  readonly cap: number;
  readonly capLabel: string;
  readonly barColour: string;
  readonly capColour: string;
  readonly emptyMessage: string;
  readonly data?: Readonly<Record<string, string | number | object>>;
}

const SIDE = 40;

/** One rate as a horizontal bar on a percentage scale, against a dashed limit: for runs too short for a series. */
export function rateGauge(options: RateGaugeOptions): SafeHtml {
  const { answered, abandoned, cap } = options;
  const rate = answered === 0 ? 0 : abandoned / answered;
  const data = { ...options.data, answered, abandoned, rate: rate.toFixed(6), cap };
  if (answered === 0) return emptyChart({ kind: options.kind, title: options.title, label: `${options.label} ${options.emptyMessage}`, data, message: options.emptyMessage });

  const axis = niceAxis(Math.max(cap * 2, rate * 1.1), { count: 5 });
  const x = scale(axis, SIDE, CHART_WIDTH - SIDE);
  const barTop = 150;
  const barHeight = 34;
  const over = rate > cap;
  const digits = axis.max < 0.05 ? 1 : 0;
  const ticks = axis.ticks.map(
    (tick) =>
      html`<g class="tick"><line class="grid" x1="${x(tick)}" x2="${x(tick)}" y1="${barTop - 12}" y2="${barTop + barHeight + 12}"></line><text class="tick-label" x="${x(tick)}" y="${barTop + barHeight + 28}" text-anchor="middle">${formatPercent(tick, digits)}</text></g>`,
  );
  const summary = `${formatCount(abandoned)} abandoned of ${formatCount(answered)} live ${answered === 1 ? 'answer' : 'answers'}`;

  return chartSvg({
    kind: options.kind,
    title: options.title,
    label: options.label,
    data,
    body: html`<text class="gauge-value${over ? ' over-cap' : ''}" x="${CHART_WIDTH / 2}" y="70" text-anchor="middle">${formatPercent(rate)}</text><text class="gauge-caption" x="${CHART_WIDTH / 2}" y="102" text-anchor="middle">${summary}</text>${ticks}<rect class="gauge-track" x="${x(0)}" y="${barTop}" width="${x(axis.max) - x(0)}" height="${barHeight}" rx="4"></rect><rect class="gauge-bar" x="${x(0)}" y="${barTop}" width="${Math.max(rate > 0 ? 2 : 0, x(rate) - x(0))}" height="${barHeight}" rx="4" fill="${over ? options.capColour : options.barColour}" data-rate="${rate.toFixed(6)}"></rect><line class="cap-line" x1="${x(cap)}" x2="${x(cap)}" y1="${barTop - 22}" y2="${barTop + barHeight + 12}" stroke="${options.capColour}" data-cap="${cap}"></line><text class="cap-label" x="${x(cap) + 6}" y="${barTop - 10}" fill="${options.capColour}">${options.capLabel}</text>`,
    height: CHART_HEIGHT,
  });
}
