/** User-facing text of `dialsim check`, kept together so wording can be reviewed (and translated) in one place. */
export const checkMessages = {
  summary: 'Screen one call attempt (or a stream of them) against the compliance policies',
  help: `Usage: dialsim check [--json | --ndjson [--workers N]] [--context FILE] [--packs ID,...] [--policy MODULE]... [FILE|-]

Screens a call attempt before it is dialed and prints the decision: allow or block, with every violated rule,
its citation and a message with the concrete values, and every exemption that lifted a rule.

Input is read from FILE, or from standard input when FILE is "-" or absent.

Options:
  --json            Read ONE JSON request, print ONE JSON decision.
  --ndjson          Read one JSON request per line, print one JSON decision per line in the same order.
                    A malformed line prints {"line": N, "error": "..."} in its place and the stream goes on.
  --workers N       --ndjson only: screen on N threads (default: the machine's cores, at most 8;
                    1: in this thread). The output is the same, in the same order; the registries
                    are shared, not copied.
  --context FILE    A JSON document {"registries": {...}} shared by every request (national, state and DNCL
                    copies with their syncedAt, internal list; a "numbers" list may instead be "file": "path",
                    one number per line).
                    A request's own registry entries are added to the context's.
  --packs ID,...    The built-in packs to screen with, for every request that names no "packs" of its own
                    (default: all). number.invalid, jurisdiction.unsupported and dnc.internal always apply.
  --policy MODULE   A custom policy module (.js, .mjs or .ts) whose rules run after the built-in ones;
                    repeatable. Its default export is a policy, an array of policies or a pack. A rule id
                    that is already taken, or a module that cannot be loaded, exits 2.
  -h, --help        Show this help.

Without --json or --ndjson, one request is read and the decision is printed for a person.

Exit codes:
  0  evaluated (the call may be allowed or blocked: a block is a normal answer)
  1  --ndjson only: some lines were malformed (each got an error line; every other line was answered)
  2  the input is unusable: the request, the context, a policy module or the arguments are malformed
     (stderr names the field or the module)

Example:
  echo '{"at":"2026-03-10T20:30:00-07:00","to":"(303) 555-0123","method":"manual",
         "caller":{"seller":"acme"},"registries":{"national":{"syncedAt":"2026-03-01","numbers":[]}}}' \\
    | dialsim check --json

Request fields and rule ids: docs/cli.md and docs/rules.md; custom policies: docs/testing.md.
`,
  bothModes: 'choose one of --json and --ndjson',
  workerCannotStart: (reason: string) => `a worker thread could not start: ${reason}; every line was screened in this thread instead`,
  workersNeedNdjson: '--workers spreads a stream of requests over threads: it needs --ndjson',
  tooManyFiles: (files: readonly string[]) => `expected at most one input file, got ${files.length}: ${files.join(' ')}`,
  cannotRead: (file: string, reason: string) => `cannot read ${file}: ${reason}`,
  notJson: (reason: string) => `the request is not valid JSON (${reason})`,
  /** How a JSON syntax error names standard input: `(stdin:1:8)`. */
  stdinName: 'stdin',
  readingStdin: (ndjson: boolean) =>
    ndjson
      ? 'reading requests from standard input, one JSON object per line; end with Ctrl-D (or pass a FILE)'
      : 'reading a request from standard input; end it with Ctrl-D (or pass a FILE)',
  emptyInput: 'no request given: the input is empty (pass a FILE, or pipe a JSON request on standard input)',
  verdictLine: (verdict: 'allow' | 'block', e164: string | null) =>
    `${verdict === 'allow' ? 'ALLOW' : 'BLOCK'}  ${e164 ?? '(no valid number)'}`,
  localTimesLine: (pairs: string) => `  callee local time: ${pairs}`,
  violationLine: (rule: string, citation: string, message: string) => `  ✖ ${rule} [${citation}] ${message}`,
  exemptionLine: (rule: string, citation: string, reason: string) => `  ↷ ${rule} [${citation}] lifted: ${reason}`,
  ndjsonSummary: (answered: number, malformed: number) =>
    `${malformed} of ${answered + malformed} lines were malformed; each got an error line in its place`,
} as const;
