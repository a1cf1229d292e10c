import { formatCount } from './format.js';
import { html, type SafeHtml } from './html.js';

export interface LegendItem {
  readonly label: string;
  readonly colour: string;
  readonly count?: number;
  /** How the key is drawn: a filled square (default), a dashed line, or a shaded band. */
  readonly mark?: 'swatch' | 'dash' | 'band';
  /** A `data-legend` value for tests. */
  readonly key?: string;
}

/** A chart's key as an HTML list under the SVG, so long rule ids wrap instead of overflowing the drawing. */
export function legend(items: readonly LegendItem[]): SafeHtml {
  return html`<ul class="legend">${items.map(
    (item) =>
      html`<li${item.key === undefined ? null : html` data-legend="${item.key}"`}><span class="key key-${item.mark ?? 'swatch'}" style="--key: ${item.colour}" aria-hidden="true"></span>${item.label}${item.count === undefined ? null : html` <span class="legend-count">${formatCount(item.count)}</span>`}</li>`,
  )}</ul>`;
}
