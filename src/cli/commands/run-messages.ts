/** User-facing text of `dialsim run`. */
export const runMessages = {
  summary: 'Run scenario files: a timeline, a summary, pass/fail on their expectations and the compliance breaches found',
  help: `Usage: dialsim run [options] <file|dir>...

Runs each scenario (YAML, see docs/scenarios.md): its scripted steps and its campaign, every attempt screened
by the compliance policies first. Prints a timeline, a summary and each expectation with expected against
actual. Every run also checks the campaign-level obligations on its own (abandonment cap, 2-second rule,
identification message, ring time, do-not-call requests) and lists each breach with its rule id and citation
(docs/breaches.md); a scenario expects one with a "type: breach" expectation. A scenario passes when every
expectation held and every breach was expected. A folder runs every *.yaml file in it, in name order.

Options:
  --json            Print the results as JSON instead of text.
  --audit FILE      Write the audit log (one JSON object per line, docs/audit-log.md). With several
                    scenarios, one file each: FILE with the scenario's name before the extension.
  --report FILE     Write a self-contained HTML report: provenance, an attempt table with filters,
                    charts and the rules cited (docs/report.md).
  --attempts-csv FILE
                    Write every attempt of every scenario as CSV: lead, number, local time, method,
                    verdict, rules, citations, outcome (cells that look like formulas are neutralised).
  --seed N          Run with seed N instead of each scenario's own.
  --packs ID,...    The built-in packs for scenarios that name no "packs" of their own (default: all).
  --policy MODULE   Also screen with the custom policies in MODULE (JavaScript or TypeScript; repeatable).
                    A scenario can name its own in \`policies:\`, relative to the scenario file.
  -h, --help        Show this help.

Exit codes:
  0  every expectation held and every breach was expected
  1  some expectation failed (each is shown with expected and actual), or a breach no expectation names
  2  a scenario or an argument is unusable (the message names the file, line and field)

Example:
  dialsim run scenarios/
  dialsim run scenarios/01-single-call.yaml --audit out.jsonl --report report.html --attempts-csv attempts.csv
`,
  noInput: 'name one or more scenario files or folders, e.g. dialsim run scenarios/',
  notFound: (path: string) => `no such file or folder: ${path}`,
  emptyFolder: (path: string) => `no scenario files (*.yaml, *.yml) in ${path}`,
  badSeed: (text: string) => `--seed expects a whole number, got "${text}"`,
  wrote: (what: string, path: string) => `wrote ${what} to ${path}`,
  cannotWrite: (option: string, path: string, reason: string) => `cannot write ${option} ${path}: ${reason}`,
} as const;
