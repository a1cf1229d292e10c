import { dataAttributes, html, type SafeHtml } from '../html.js';

/** Every chart draws in this coordinate box; CSS scales the SVG to its column. */
export const CHART_WIDTH = 500;
export const CHART_HEIGHT = 280;

export interface ChartFrame {
  /** What the chart shows, as a stable name for tests and styles: `data-chart="attempts-by-day"`. */
  readonly kind: string;
  /** The SVG's `<title>`, shown as a tooltip. */
  readonly title: string;
  /** The accessible name: a sentence that states the chart's main figures for a screen reader. */
  readonly label: string;
  /** The plotted counts, as `data-*` attributes on the `<svg>`. */
  readonly data: Readonly<Record<string, string | number | object>>;
  readonly body: SafeHtml;
  readonly height?: number;
}

/** Wraps a chart's drawing in an accessible `<svg>` that carries its counts. */
export function chartSvg(frame: ChartFrame): SafeHtml {
  const height = frame.height ?? CHART_HEIGHT;
  return html`<svg class="chart" viewBox="0 0 ${CHART_WIDTH} ${height}" role="img" aria-label="${frame.label}" data-chart="${frame.kind}"${dataAttributes(frame.data)}><title>${frame.title}</title>${frame.body}</svg>`;
}

/** A chart with nothing to plot: the frame, its zero counts, and a sentence saying why it is empty. */
export function emptyChart(frame: Omit<ChartFrame, 'body'> & { readonly message: string }): SafeHtml {
  const height = frame.height ?? CHART_HEIGHT;
  return chartSvg({
    ...frame,
    data: { ...frame.data, empty: 'true' },
    body: html`<rect class="empty-box" x="12" y="12" width="${CHART_WIDTH - 24}" height="${height - 24}" rx="8"></rect><text class="empty-message" x="${CHART_WIDTH / 2}" y="${height / 2}" text-anchor="middle" dominant-baseline="middle">${frame.message}</text>`,
  });
}
