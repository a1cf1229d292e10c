import { formatCount, formatShare } from '../format.js';
import { html, type SafeHtml } from '../html.js';
import { CHART_HEIGHT, CHART_WIDTH, chartSvg, emptyChart } from './chart-frame.js';

export interface FunnelStage {
  readonly key: string;
  readonly label: string;
  readonly count: number;
  readonly colour: string;
}

export interface FunnelPart {
  readonly key: string;
  readonly label: string;
  readonly count: number;
  readonly colour: string;
}

export interface FunnelChartOptions {
  readonly kind: string;
  readonly title: string;
  readonly label: string;
  /** Widest first; every bar is drawn against the first stage. */
  readonly stages: readonly FunnelStage[];
  /** A breakdown drawn as one bar under the funnel, e.g. how the answered calls ended. */
  readonly breakdown: { readonly title: string; readonly parts: readonly FunnelPart[]; readonly emptyMessage: string };
  readonly emptyMessage: string;
  readonly data?: Readonly<Record<string, string | number | object>>;
}

const LABEL_WIDTH = 112;
const VALUE_WIDTH = 112;
const ROW_HEIGHT = 28;
const ROW_GAP = 10;
const TOP = 16;

/**
 * Horizontal bars, one per stage, each as long as its share of the first stage and labelled with its count and
 * that share; under them one bar split into the breakdown's parts. Each stage carries its key and count, and
 * each part of the breakdown its key and count.
 */
export function funnelChart(options: FunnelChartOptions): SafeHtml {
  const { stages, breakdown } = options;
  const whole = stages[0]?.count ?? 0;
  const data = { ...options.data, ...Object.fromEntries(stages.map((stage) => [stage.key, stage.count])), breakdown: Object.fromEntries(breakdown.parts.map((part) => [part.key, part.count])) };
  if (whole === 0) return emptyChart({ kind: options.kind, title: options.title, label: `${options.label} ${options.emptyMessage}`, data, message: options.emptyMessage });

  const barLeft = LABEL_WIDTH + 8;
  const barSpace = CHART_WIDTH - barLeft - VALUE_WIDTH;
  const rows = stages.map((stage, index) => {
    const y = TOP + index * (ROW_HEIGHT + ROW_GAP);
    const width = stage.count === 0 ? 0 : Math.max(2, (barSpace * stage.count) / whole);
    return html`<g class="stage" data-stage="${stage.key}" data-count="${stage.count}"><title>${`${stage.label}: ${formatCount(stage.count)} (${formatShare(stage.count, whole)} of ${stages[0]!.label.toLowerCase()})`}</title><text class="stage-label" x="${LABEL_WIDTH}" y="${y + ROW_HEIGHT / 2}" text-anchor="end" dominant-baseline="middle">${stage.label}</text><rect class="stage-track" x="${barLeft}" y="${y}" width="${barSpace}" height="${ROW_HEIGHT}" rx="3"></rect><rect x="${barLeft}" y="${y}" width="${width}" height="${ROW_HEIGHT}" rx="3" fill="${stage.colour}"></rect><text class="stage-value" x="${barLeft + width + 8}" y="${y + ROW_HEIGHT / 2}" dominant-baseline="middle">${formatCount(stage.count)} <tspan class="stage-share" dx="2">${formatShare(stage.count, whole)}</tspan></text></g>`;
  });

  const breakdownTop = TOP + stages.length * (ROW_HEIGHT + ROW_GAP) + 22;
  const partsTotal = breakdown.parts.reduce((sum, part) => sum + part.count, 0);
  const breakdownWidth = CHART_WIDTH - barLeft - 12;
  let offset = 0;
  const parts =
    partsTotal === 0
      ? html`<text class="empty-message small" x="${barLeft}" y="${breakdownTop + 14}" dominant-baseline="middle">${breakdown.emptyMessage}</text>`
      : breakdown.parts.map((part) => {
          if (part.count === 0) return null;
          const x = barLeft + (breakdownWidth * offset) / partsTotal;
          const width = (breakdownWidth * part.count) / partsTotal;
          offset += part.count;
          const text = `${formatCount(part.count)}`;
          const label = width >= text.length * 8 + 8 ? html`<text class="part-label" x="${x + width / 2}" y="${breakdownTop + 14}" text-anchor="middle" dominant-baseline="middle">${text}</text>` : null;
          return html`<g class="part" data-part="${part.key}" data-count="${part.count}"><title>${`${part.label}: ${formatCount(part.count)} (${formatShare(part.count, partsTotal)})`}</title><rect x="${x}" y="${breakdownTop}" width="${width}" height="28" fill="${part.colour}"></rect>${label}</g>`;
        });

  return chartSvg({
    kind: options.kind,
    title: options.title,
    label: options.label,
    data,
    body: html`${rows}<text class="stage-label" x="${LABEL_WIDTH}" y="${breakdownTop + 14}" text-anchor="end" dominant-baseline="middle">${breakdown.title}</text>${parts}`,
    height: CHART_HEIGHT,
  });
}
