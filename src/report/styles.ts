/**
 * The report's style sheet, inlined in the page. System fonts only: the file must render the same with no
 * network. Text colours keep a contrast of at least 4.5:1 on their backgrounds.
 */
export const REPORT_CSS = `
:root {
  --ink: #1f2328; --muted: #57606a; --line: #d8dee4; --soft: #f6f8fa; --page: #eef1f5; --card: #ffffff;
  --pass-ink: #116329; --pass-bg: #dafbe1; --fail-ink: #a40e26; --fail-bg: #ffebe9; --accent: #2f6db5;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: var(--page); color: var(--ink);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif;
}
main { max-width: 1240px; margin: 0 auto; padding: 28px 24px 48px; }
h1 { font-size: 28px; line-height: 1.2; margin: 0 0 4px; }
h2 { font-size: 22px; line-height: 1.25; margin: 0; display: flex; align-items: center; gap: 12px; }
h3 { font-size: 13px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); margin: 26px 0 10px; }
h4 { font-size: 15px; margin: 0; }
code { font: 13px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; }
a { color: var(--accent); }
.muted { color: var(--muted); }
.report-head { display: flex; flex-wrap: wrap; align-items: flex-end; justify-content: space-between; gap: 12px; margin-bottom: 18px; }
.report-head p { margin: 0; color: var(--muted); }
.totals { display: flex; gap: 8px; flex-wrap: wrap; }
.card, .scenario { background: var(--card); border: 1px solid var(--line); border-radius: 12px; box-shadow: 0 1px 2px rgba(31, 35, 40, .06); }
.card { padding: 8px 4px; margin-bottom: 28px; overflow-x: auto; }
.scenario { padding: 24px 28px 28px; margin-bottom: 28px; border-top: 6px solid var(--pass-ink); }
.scenario.is-failed { border-top-color: var(--fail-ink); }
.scenario-head { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 12px; }
.index { display: inline-grid; place-items: center; min-width: 32px; height: 32px; border-radius: 16px; background: var(--soft); border: 1px solid var(--line); font-size: 15px; color: var(--muted); }
.meta { display: flex; flex-wrap: wrap; gap: 6px 22px; margin: 10px 0 0; font-size: 14px; }
.notes { white-space: pre-line; margin: 14px 0 0; padding: 12px 16px; background: var(--soft); border-left: 4px solid var(--accent); border-radius: 0 8px 8px 0; }
.badge { display: inline-block; padding: 3px 12px; border-radius: 999px; font-size: 13px; font-weight: 600; white-space: nowrap; }
.badge.pass { color: var(--pass-ink); background: var(--pass-bg); }
.badge.fail { color: var(--fail-ink); background: var(--fail-bg); }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; padding: 8px 12px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); background: var(--soft); }
tbody tr:last-child td { border-bottom: 0; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.nowrap { white-space: nowrap; }
caption { caption-side: top; text-align: left; padding: 0 0 8px; color: var(--muted); font-size: 14px; }
.summary td { vertical-align: middle; }
.table-wrap { overflow-x: auto; }
.expectations { border: 1px solid var(--line); border-radius: 8px; border-collapse: separate; border-spacing: 0; overflow: hidden; }
.expectations td code { white-space: pre-wrap; word-break: break-word; }
tr.failed td { background: var(--fail-bg); }
tr.failed td:first-child { box-shadow: inset 4px 0 0 var(--fail-ink); }
.ok { color: var(--pass-ink); font-weight: 600; white-space: nowrap; }
.ko { color: var(--fail-ink); font-weight: 600; white-space: nowrap; }
.tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(128px, 1fr)); gap: 10px; margin: 0; }
.tile { background: var(--soft); border: 1px solid var(--line); border-radius: 8px; padding: 8px 12px; }
.tile dt { font-size: 12px; color: var(--muted); }
.tile dd { margin: 2px 0 0; font-size: 22px; font-weight: 600; font-variant-numeric: tabular-nums; }
.rule-chips { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; margin: 12px 0 0; font-size: 14px; }
.chips-label { color: var(--muted); margin-right: 4px; }
.chip { display: inline-flex; align-items: center; gap: 6px; padding: 2px 10px; border: 1px solid var(--line); border-radius: 999px; }
.steps { margin-top: 22px; }
.steps summary { cursor: pointer; font-size: 13px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); font-weight: 700; margin-bottom: 10px; }
.steps table { border: 1px solid var(--line); }
.path { color: var(--muted); font-size: 13px; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(440px, 100%), 1fr)); gap: 18px; }
.chart-card { margin: 0; padding: 16px 16px 12px; border: 1px solid var(--line); border-radius: 10px; background: var(--card); break-inside: avoid; min-width: 0; }
.chart-card figcaption { margin-bottom: 6px; }
.subtitle { margin: 2px 0 0; font-size: 13px; color: var(--muted); }
.chart-note { margin: 6px 0 0; font-size: 13px; color: var(--muted); }
svg.chart { display: block; width: 100%; height: auto; overflow: visible; font-family: inherit; }
svg.chart text { font-size: 12px; fill: var(--muted); }
svg.chart .axis-label { font-size: 12px; fill: var(--ink); }
svg.chart .band-label { font-size: 12px; fill: #1e6b3a; font-weight: 600; }
svg.chart .grid { stroke: #e6e9ed; stroke-width: 1; }
svg.chart .axis { stroke: #8c959f; stroke-width: 1; }
svg.chart .segment { stroke: #ffffff; stroke-width: .6; }
svg.chart .bar:hover .segment { opacity: .85; }
svg.chart .cap-line { stroke-width: 2; stroke-dasharray: 7 5; }
svg.chart .cap-label { font-weight: 700; fill: #b3261e; }
svg.chart .rate-line { fill: none; stroke-width: 2; stroke-linejoin: round; }
svg.chart .rate-area { opacity: .1; }
svg.chart .point { stroke: #ffffff; stroke-width: 1; }
svg.chart .empty-box { fill: var(--soft); stroke: var(--line); stroke-dasharray: 6 5; }
svg.chart .empty-message { font-size: 15px; fill: var(--muted); }
svg.chart .empty-message.small { font-size: 13px; }
svg.chart .stage-label { font-size: 13px; fill: var(--ink); }
svg.chart .stage-track { fill: var(--soft); }
svg.chart .stage-value { font-size: 13px; font-weight: 700; fill: var(--ink); }
svg.chart .stage-share { font-weight: 400; fill: var(--muted); }
svg.chart .part rect { stroke: #ffffff; stroke-width: 1; }
svg.chart .part-label { font-size: 12px; font-weight: 700; fill: #ffffff; }
svg.chart .gauge-value { font-size: 40px; font-weight: 700; fill: var(--ink); }
svg.chart .gauge-value.over-cap { fill: var(--fail-ink); }
svg.chart .gauge-caption { font-size: 14px; }
svg.chart .gauge-track { fill: var(--soft); stroke: var(--line); }
.legend { list-style: none; display: flex; flex-wrap: wrap; gap: 4px 16px; margin: 8px 0 0; padding: 0; font-size: 13px; }
.legend li { display: inline-flex; align-items: center; gap: 6px; }
.legend-count { color: var(--muted); font-variant-numeric: tabular-nums; }
.key { display: inline-block; flex: none; }
.key-swatch { width: 12px; height: 12px; border-radius: 3px; background: var(--key); }
.key-dash { width: 20px; height: 0; border-top: 2px dashed var(--key); }
.key-band { width: 16px; height: 12px; background: var(--key); border: 1px solid #9fc9ab; }
footer { color: var(--muted); font-size: 13px; text-align: center; margin-top: 8px; }
@media (max-width: 560px) { main { padding: 16px 10px; } .scenario { padding: 16px; } .charts { grid-template-columns: 1fr; } }
@media print { body { background: #ffffff; } .scenario, .card { box-shadow: none; } .chart-card, tr { break-inside: avoid; } }
`;
