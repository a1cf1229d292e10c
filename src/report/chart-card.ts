import { html, type SafeHtml } from './html.js';

export interface ChartCard {
  /** The chart's `data-chart` kind, repeated on the figure. */
  readonly kind: string;
  readonly heading: string;
  /** One line under the heading: what is counted and how. */
  readonly subtitle: string;
  readonly chart: SafeHtml;
  readonly legend?: SafeHtml;
  /** Caveats (multi-rule blocks, scripted calls outside the window). */
  readonly notes?: readonly string[];
}

/** A chart with its heading, legend and notes, as one figure of the scenario's grid. */
export function chartCard(card: ChartCard): SafeHtml {
  return html`<figure class="chart-card" data-chart-card="${card.kind}"><figcaption><h4>${card.heading}</h4><p class="subtitle">${card.subtitle}</p></figcaption>${card.chart}${card.legend}${(card.notes ?? []).map((note) => html`<p class="chart-note">${note}</p>`)}</figure>`;
}
