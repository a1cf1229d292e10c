import type { Exemption, Violation } from '../../core/decision.js';

/** User-facing text of `dialsim walkthrough`, kept together so wording can be reviewed (and translated) in one place. */
export const walkthroughMessages = {
  summary: 'Replay a scenario attempt by attempt: the situation, each screening decision explained, each lifecycle state',
  help: `Usage: dialsim walkthrough [--no-pause] [--limit N] SCENARIO

Runs the scenario and replays it attempt by attempt, for training: the situation as a call card, the
screening decision with each rule, its citation and its message, the exemptions that lifted a rule, and
every lifecycle state the call went through (queued → screening → dialing → ... or blocked). Consent and
do-not-call steps are shown where they happen.

On a terminal it waits for Enter after each attempt; when standard input is not a terminal it does not wait.

Options:
  --no-pause   Print everything at once.
  --limit N    Campaign attempts to replay after the scripted steps (default 20; 0 for none).
  --packs ID,...  The built-in packs, for a scenario that names no "packs" of its own (default: all).
  -h, --help   Show this help.

Exit codes:
  0  replayed
  2  the scenario does not load (stderr names the file, line and field), or the arguments are wrong

Docs: docs/training.md#walkthrough.
`,
  noScenario: 'name one scenario file, e.g. dialsim walkthrough scenarios/01-single-call.yaml',
  tooManyScenarios: (files: readonly string[]) => `expected one scenario file, got ${files.length}: ${files.join(' ')}`,
  badLimit: (text: string) => `--limit must be a whole number of at least 0, got "${text}"`,
  title: (file: string, title: string, seller: string) => `Walkthrough of ${file}\n${title} (calling for ${seller})\n`,
  notes: (notes: string) => notes.trimEnd().split('\n').map((line) => `  ${line}`).join('\n'),
  attemptHeading: (index: number, total: number, name: string, at: string) => `\n── Attempt ${index} of ${total} · ${name} · ${at} ──`,
  situation: 'Situation:',
  decision: (verdict: 'allow' | 'block', e164: string) => `Screening: ${verdict === 'allow' ? 'ALLOW' : 'BLOCK'} ${e164}`,
  noFindings: '  No rule applies against this call.',
  violation: (violation: Violation, title: string) => `  ✖ ${violation.rule}: ${title}\n      Citation: ${violation.citation}\n      Why: ${violation.message}`,
  exemption: (exemption: Exemption, title: string) => `  ↷ ${exemption.rule} (lifted): ${title}\n      Citation: ${exemption.citation}\n      Why lifted: ${exemption.reason}`,
  lifecycle: (states: readonly string[]) => `Lifecycle: ${states.join(' → ')}`,
  dncStep: (at: string, lead: string) => `\n· ${at}  ${lead} asks not to be called again: the number goes on the internal do-not-call list.`,
  consentStep: (at: string, lead: string, action: 'grant' | 'revoke', kind: string) =>
    `\n· ${at}  ${lead} ${action === 'grant' ? 'gives' : 'revokes'} ${kind} consent.`,
  campaignNote: (shown: number, total: number) =>
    total === 0 ? '' : `\nThe campaign made ${total} attempt${total === 1 ? '' : 's'}; ${shown === total ? 'all are' : `the first ${shown} are`} shown above.`,
  pause: '(Enter for the next attempt)',
  end: (attempts: number) => `\nEnd of the walkthrough: ${attempts} attempt${attempts === 1 ? '' : 's'}.`,
} as const;
