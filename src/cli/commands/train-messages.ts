import type { DrillAnswer } from '../../training/drill.js';
import type { Grade, RuleFeedback } from '../../training/grade.js';
import type { Score } from '../../training/session.js';

/** User-facing text of `dialsim train`, kept together so wording can be reviewed (and translated) in one place. */

function ruleLines(rule: RuleFeedback, lifted: boolean): string[] {
  return [
    `     ${lifted ? '↷' : '✖'} ${rule.rule}${lifted ? ' (lifted)' : ''}: ${rule.title}`,
    `         Citation: ${rule.citation}`,
    `         Why: ${rule.why}`,
    `         Read: ${rule.read}`,
  ];
}

/** The rule the trainee named, which does not block the call, and why not. */
function chosenLines(rule: RuleFeedback): string[] {
  return [
    `     ○ ${rule.rule} (your answer) does not block this call: ${rule.title}`,
    `         Citation: ${rule.citation}`,
    `         Why not: ${rule.why}`,
    `         Read: ${rule.read}`,
  ];
}

function answerText(answer: DrillAnswer): string {
  return answer.kind === 'dial' ? 'dial' : `don't dial (${answer.rule})`;
}

export const trainMessages = {
  summary: 'Train sales staff: drills generated from the policies, graded by the engine (terminal or --web)',
  help: `Usage: dialsim train [--level single|interacting|edge] [--count N] [--seed N] [--from SCENARIO]
                     [--answers FILE] [--json] [--web [--port N] [--host ADDRESS]]

Presents call situations ("it is 20:55 in Boise, the lead is a mobile number, you are on the predictive
dialer") and asks: dial or not, and if not, which rule? The engine grades every answer by screening the
drill's facts; the feedback gives each blocking rule with its title, citation, one sentence why and the
command that prints its page (dialsim rules ID), for an allowed call any exemption that applied, and for
a rule named that does not block the call, why it does not. Any rule that blocks the call is a correct
"which rule?" answer.

Drills:
  --level LEVEL   single (one rule decides), interacting (two or more rules or exemptions), or
                  edge (DST weekends, multi-zone area codes, limits passed by a minute or a week).
                  Default: single.
  --count N       How many drills (1 to 10000). Default: 10, or every dial step with --from.
  --seed N        The seed: the same seed, level and count give the same drills. Default: 1.
  --from FILE     Draw the drills from a scenario file instead: each scripted dial step is one drill.

Answering:
  (terminal)      Type d to dial, or n and then the rule id or its number in the menu; then press
                  Enter to confirm the answer, or c to change it.
  --packs ID,...  The built-in packs that generate and grade the drills (default: all; with --from, the
                  scenario's own "packs" when it names them).
  --answers FILE  Answers from a file, one per line in drill order: "dial" or "block <rule-id>".
                  Blank lines and lines starting with # are skipped.
                  When standard input is not a terminal, answers are read from it in the same format.
  --json          Print the results as JSON (drills, answers, correct, score) instead of text.

Web:
  --web           Serve the trainer page on http://127.0.0.1:4311/ until Ctrl-C.
  --port N        The port for --web (0 picks a free one). Default: 4311.
  --host ADDRESS  The address for --web to listen on. Default: 127.0.0.1 (this machine only).
                  --host 0.0.0.0 serves a room of trainees; anyone on that network can reach it.

  -h, --help      Show this help.

Exit codes:
  0  the session ran (whatever the score)
  2  the input is unusable: an unknown level, a count outside 1 to 10000, a malformed answers line, a scenario
     that does not load, a port in use

Docs: docs/training.md.
`,
  badPort: (port: string) => `--port must be a whole number from 0 to 65535, got "${port}"`,
  portWithoutWeb: '--port only applies with --web',
  hostWithoutWeb: '--host only applies with --web',
  emptyHost: '--host needs an address, such as 0.0.0.0 or 192.168.1.20',
  openHostWarning: (host: string) =>
    `warning: the trainer listens on ${host}, not on loopback: anyone who can reach this machine on that network can open it and see the drills. Use it on a network you trust, and stop it (Ctrl-C) when the session ends.`,
  levelWithFrom: 'choose either --level (generated drills) or --from (drills from a scenario), not both',
  answersWithWeb: '--answers and --json apply to the terminal trainer, not --web',
  unexpectedArguments: (args: readonly string[]) => `unexpected argument${args.length === 1 ? '' : 's'}: ${args.join(' ')}`,
  noDialSteps: (file: string) => `${file} has no scripted dial steps to turn into drills`,
  cannotReadAnswers: (file: string, reason: string) => `cannot read the answers file ${file}: ${reason}`,
  malformedAnswer: (source: string, line: number, text: string, reason: string) => `${source}:${line}: "${text}": ${reason}`,
  answerCount: (source: string, answers: number, drills: number) =>
    `${source} has ${answers} answer${answers === 1 ? '' : 's'} for ${drills} drill${drills === 1 ? '' : 's'}; give exactly one answer per drill`,
  stdinSource: 'standard input',
  portInUse: (port: number, host = '127.0.0.1') =>
    `port ${port} on ${host} is already in use (another trainer?). Pick another with --port N, or --port 0 for a free one`,
  serverFailed: (reason: string) => `cannot start the web trainer: ${reason}`,
  serving: (url: string, description: string) => `dialsim trainer: ${description}\nOpen ${url} in a browser. Press Ctrl-C to stop.\n`,
  stopped: 'dialsim trainer: stopped.\n',
  inputEnded: 'standard input ended before every drill was answered',

  header: (description: string, again: string | null) =>
    `dialsim train: ${description}${again === null ? '' : `\nThe same set again: dialsim train ${again}`}\n`,
  drillHeading: (index: number, total: number, id: string) => `\nDrill ${index} of ${total} (${id})`,
  menu: (rules: readonly { id: string; title: string }[]) =>
    rules.map((rule, index) => `  ${String(index + 1).padStart(2)}. ${rule.id.padEnd(32)} ${rule.title}`).join('\n'),
  promptVerdict: 'Dial or not? [d = dial, n = don\'t dial] ',
  promptRule: 'Which rule stops the call? (number or rule id) ',
  repromptVerdict: '  Type d to dial or n for don\'t dial.',
  promptConfirm: (answer: DrillAnswer) => `  Your answer: ${answerText(answer)}. Press Enter to confirm, or c to change it: `,
  repromptConfirm: '  Press Enter (or y) to confirm the answer, or type c to change it.',
  repromptRule: '  Type a number from the menu or a rule id.',
  yourAnswer: (answer: DrillAnswer) => `  Your answer: ${answerText(answer)}`,
  feedback: (grade: Grade): string => {
    const rules = grade.violations.map((rule) => rule.rule);
    let headline: string;
    if (grade.correct) {
      headline = grade.verdict === 'allow' ? '  ✔ Right: this call may be dialed.' : `  ✔ Right: don't dial. ${(grade.answer as { rule: string }).rule} blocks this call.`;
    } else if (!grade.verdictCorrect) {
      headline =
        grade.verdict === 'allow'
          ? `  ✖ Wrong: this call may be dialed; no rule blocks it${grade.answer.kind === 'block' ? `, ${grade.answer.rule} included` : ''}.`
          : `  ✖ Wrong: don't dial this call. Blocked by ${rules.join(', ')}.`;
    } else {
      headline = `  ✖ Wrong rule: the call is blocked, but not by ${(grade.answer as { rule: string }).rule}. Blocked by ${rules.join(', ')}.`;
    }
    const lines = [
      headline,
      ...(grade.chosen === undefined ? [] : chosenLines(grade.chosen)),
      ...grade.violations.flatMap((rule) => ruleLines(rule, false)),
      ...grade.exemptions.flatMap((rule) => ruleLines(rule, true)),
    ];
    if (grade.contrast) {
      const then = grade.contrast.verdict === 'allow' ? 'allow the call' : `block it (${grade.contrast.rules.join(', ')})`;
      lines.push(`     Edge: with ${grade.contrast.text}, the engine would ${then}.`);
    }
    return lines.join('\n');
  },
  score: (score: Score) => `\nScore: ${score.correct} of ${score.total} right (${score.percent}%)`,
  noMistakes: 'No mistakes to review.',
  reviewHeading: (count: number) => `\nReview of ${count} mistake${count === 1 ? '' : 's'}:`,
  reviewItem: (id: string, answer: DrillAnswer, grade: Grade) => {
    const expected = grade.verdict === 'allow' ? 'dial' : `don't dial (${grade.violations.map((rule) => rule.rule).join(' or ')})`;
    return `\n- ${id}: you said ${answerText(answer)}; the answer is ${expected}.`;
  },
} as const;
