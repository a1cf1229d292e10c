/**
 * Styles of the report's filing parts (the provenance block, the attempt table, the rules appendix) and the print
 * style sheet: printed to PDF, the page is a plain document on white, the filter form and the card chrome gone,
 * table headers repeated on every page, rows and rule pages never split across pages, and each link's target
 * readable as text.
 */
export const FILING_CSS = `
.provenance { margin-top: 18px; }
.facts { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 8px 18px; margin: 0 0 12px; }
.facts dt { font-size: 12px; color: var(--muted); }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.hash { font-size: 12px; overflow-wrap: anywhere; }
.packs, .registry-copies { border: 1px solid var(--line); margin-bottom: 12px; }
.attempt-table { margin-top: 22px; }
.attempt-filter { display: flex; flex-wrap: wrap; align-items: center; gap: 10px 18px; margin: 0 0 10px; font-size: 14px; }
.attempt-filter select { font: inherit; padding: 3px 6px; margin-left: 6px; }
/* A long table scrolls in its own box on screen, its header kept in view; printed, it runs over as many pages as it needs. */
.attempts-scroll { max-height: 640px; overflow: auto; border: 1px solid var(--line); }
.attempts { font-size: 13px; }
.attempts thead th { position: sticky; top: 0; z-index: 1; }
.attempts td { padding: 6px 10px; }
.rule-list { list-style: none; margin: 0; padding: 0; }
.rule-list li + li { margin-top: 2px; }
.citation { color: var(--muted); font-size: 12px; }
.rules-appendix { padding: 20px 28px; }
.rules-appendix h2 { margin-bottom: 6px; }
.rule-page { border-top: 1px solid var(--line); padding: 14px 0 4px; }
.rule-page h3 { text-transform: none; letter-spacing: 0; color: var(--ink); font-size: 17px; margin: 0 0 8px; }
.rule-page h4 { margin: 12px 0 4px; font-size: 14px; }
.rule-page p, .rule-page ul { margin: 0; }
.rule-page:target { background: #fff8c5; }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body { background: #ffffff; font-size: 11px; }
  code { font-size: 10px; }
  main { max-width: none; padding: 0; }
  .card, .scenario, .rules-appendix { border: 0; border-radius: 0; box-shadow: none; padding: 0; margin-bottom: 18px; }
  .scenario { border-top: 3px solid var(--pass-ink); padding-top: 8px; break-before: page; }
  .scenario:first-of-type { break-before: auto; }
  .attempt-filter { display: none; }
  .table-wrap, .attempts-scroll { overflow: visible; max-height: none; border: 0; }
  .attempts thead th { position: static; }
  table { font-size: 10px; }
  thead { display: table-header-group; }
  tr, .rule-page, .provenance { break-inside: avoid; }
  .rules-appendix { break-before: page; }
  a { color: inherit; text-decoration: none; }
  .badge, tr.failed td, .ok, .ko { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
