import { SCRUB_FIELD_NAMES } from '../../scrub/scrub-fields.js';

/** User-facing text of `dialsim scrub`, kept together so wording can be reviewed (and translated) in one place. */
export const scrubMessages = {
  summary: 'Scrub a lead list (CSV or NDJSON) against the registries: every row out, with its verdict and reasons',
  help: `Usage: dialsim scrub FILE|- --seller NAME --context FILE [--at INSTANT] [--dnc-only]
                     [--method manual|autodialer|prerecorded] [--map FIELD=COLUMN,...] [--values FIELD=CELL:VALUE,...]
                     [--packs ID,...] [--policy MODULE]... [--out FILE] [--ndjson] [--workers N]

Screens every row of a lead list as \`dialsim check\` screens one request, and writes every row, in order, with
all its columns, followed by the verdict (allow, block or error), the rules that block with their messages and
citations, the candidate time zones and states, and nextAllowedAt where only the clock blocks.

The list is CSV with a header row (as CRM exports write it: quoted cells, line breaks inside cells, CRLF, a
byte-order mark), or NDJSON when FILE ends in .ndjson or .jsonl (one flat object a line). Standard input ("-")
is read as CSV.

Options:
  --seller NAME       The seller on whose behalf the list is called (required).
  --context FILE      The registries to scrub against, as for dialsim check --context (required).
  --at INSTANT        When the calls would be placed, ISO-8601 with an offset or Z. Required for a full
                      screening unless an "at" column gives each row's; with --dnc-only it defaults to now.
  --dnc-only          Skip the time-of-day, day and frequency rules (a list scrubbed before it has call times).
                      Registry freshness, relationships and consents are still judged at --at.
  --method METHOD     manual (default), autodialer or prerecorded; a "method" column overrides it per row.
  --map FIELD=COLUMN  Which column gives a field, when its name is not a common one; comma-separated, repeatable:
                      --map phone="Phone Number",lineType=Mobile?
  --values FIELD=CELL:VALUE,...
                      How a column's cells read as the field's values; repeatable, one field each:
                      --values lineType=yes:mobile,no:landline
  --packs ID,...      The built-in packs to screen with (default: all), as for dialsim check.
  --policy MODULE     A custom policy module, as for dialsim check; repeatable.
  --out FILE          Write the scrubbed list to FILE (written beside it, then renamed) instead of stdout.
  --ndjson            Write one JSON object a row instead of CSV.
  --workers N         Screen on N threads (default: the machine's cores, at most 8; 1: in this thread).
                      The output and the summary are the same; the registries are shared, not copied.
  -h, --help          Show this help.

Fields: ${SCRUB_FIELD_NAMES.join(', ')} (phone required). Columns are matched to fields by common names
(Phone Number, Mobile, State, Line Type...); the mapping is printed on standard error.

CSV output is safe to open in a spreadsheet: a cell starting with = + - @ (or a tab or carriage return) gets a
leading ' so it is read as text. Programs should read --ndjson, which is never altered.

Exit codes:
  0  every row was screened (rows may be blocked: a block is a normal answer)
  1  some rows could not be screened (each is in the output with its error and row number)
  2  the list or the arguments are unusable (a header without a phone column, a missing file...)

Walk-through: docs/scrub.md.
`,
  tooManyFiles: (files: readonly string[]) => `expected one lead list, got ${files.length}: ${files.join(' ')}`,
  workerCannotStart: (reason: string) => `a worker thread could not start: ${reason}; every row was screened in this thread instead`,
  noFile: 'no lead list given: pass a FILE, or "-" to read CSV from standard input',
  required: (flag: string, what: string) => `${flag} is required: ${what}`,
  sellerWhat: 'the seller on whose behalf the list is called, e.g. --seller acme',
  contextWhat: 'the registries to scrub against (docs/cli.md, --context), e.g. --context registries.json',
  badAt: (text: string, reason: string) => `--at "${text}" is not an instant: ${reason}`,
  badMethod: (text: string, methods: readonly string[]) => `--method "${text}": expected one of ${methods.join('|')}`,
  needsTime:
    'a full screening needs the time of the calls: give --at INSTANT (or an "at" column), or scrub with --dnc-only, which skips the time-of-day, day and frequency rules',
  badOut: (path: string, reason: string) => `cannot write --out ${path}: ${reason}`,
  outIsInput: (path: string) => `--out ${path} is the lead list itself: write the scrubbed list to another file`,
  cannotRead: (file: string, reason: string) => `cannot read ${file}: ${reason}`,
  mappingTitle: (source: string, format: string) => `${source} (${format}): columns read as fields`,
  warning: (text: string) => `warning: ${text}`,
  writtenBefore: (rows: number) => `${rows} rows were screened and written before it`,
  partialOutput: (rows: number) => `${rows} rows were screened before the list became unreadable; nothing was written to --out`,
  modeLine: (mode: 'full' | 'dnc-only') =>
    mode === 'full' ? 'full screening (every rule, time rules included)' : 'dnc-only: NOT a full screening (time-of-day, day and frequency rules skipped)',
} as const;
