import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { InputError } from '../../core/input-error.js';
import { loadScenario } from '../../scenario/load-scenario.js';
import type { PolicyPack } from '../../core/policy.js';
import { PolicyDefinitionError } from '../../core/policy-definition-error.js';
import { packsInForce } from '../../engine/packs-in-force.js';
import { PolicyModuleError } from '../../policy-modules/load-policy-module.js';
import { packForScenarioFile } from '../../scenario/scenario-pack.js';
import { parsePacksOption } from '../packs-option.js';
import { parseAnswers, ruleFromMenu } from '../../training/answers.js';
import type { Drill, DrillAnswer } from '../../training/drill.js';
import { drillCard, renderCardText } from '../../training/drill-card.js';
import { generateDrills } from '../../training/generate-drills.js';
import { gradeAnswer } from '../../training/grade.js';
import { DEFAULT_DRILL_COUNT, DEFAULT_DRILL_SEED, parseDrillCount, parseDrillLevel, parseDrillSeed, RoundOptionError } from '../../training/round-options.js';
import { drillsFromScenario } from '../../training/scenario-drills.js';
import { resultsJson, scoreOf, type DrillResult, type SessionSettings } from '../../training/session.js';
import { describeRound } from '../../training/trainer-rounds.js';
import { isLoopbackHost, startTrainerServer, TRAINER_HOST, TrainerServerError } from '../../training/trainer-server.js';
import { write, type CliIo, type CommandDefinition, type ExitCode } from '../io.js';
import { parseCommandArgs } from '../command-args.js';
import { trainMessages as messages } from './train-messages.js';

export const DEFAULT_TRAINER_PORT = 4311;

class UsageError extends Error {}

function wholeNumber(text: string, min: number, max: number, message: string): number {
  if (!/^-?\d+$/.test(text.trim())) throw new UsageError(message);
  const value = Number(text);
  if (value < min || value > max) throw new UsageError(message);
  return value;
}

interface Session {
  readonly drills: Drill[];
  readonly settings: SessionSettings;
  readonly description: string;
  /** The arguments that hand out the same set again. */
  readonly again: string;
  /** The rules that generate and grade the drills. */
  readonly pack: PolicyPack;
}

async function buildSession(values: { level?: string; count?: string; seed?: string; from?: string; packs?: string }): Promise<Session> {
  if (values.level !== undefined && values.from !== undefined) throw new UsageError(messages.levelWithFrom);
  const count = values.count === undefined ? null : parseDrillCount(values.count, '--count');
  const packs = parsePacksOption(values.packs);
  const packsFlag = values.packs === undefined ? '' : ` --packs ${values.packs}`;
  if (values.from !== undefined) {
    // The scenario's own packs and policies, as `dialsim run` screens it: its expectations may name its own rules.
    const pack = await packForScenarioFile(values.from, { ...(packs && { packs }) });
    const all = drillsFromScenario(loadScenario(values.from, { pack }), { pack });
    if (all.length === 0) throw new UsageError(messages.noDialSteps(values.from));
    const drills = count === null ? all : all.slice(0, count);
    return {
      drills,
      settings: { seed: null, level: null, count: drills.length, from: values.from },
      description: `${drills.length} drill${drills.length === 1 ? '' : 's'} from ${values.from}`,
      again: `--from ${values.from}${count === null ? '' : ` --count ${count}`}${packsFlag}`,
      pack,
    };
  }
  const level = parseDrillLevel(values.level ?? 'single');
  const seed = values.seed === undefined ? DEFAULT_DRILL_SEED : parseDrillSeed(values.seed, '--seed');
  const total = count ?? DEFAULT_DRILL_COUNT;
  const pack = packsInForce({ ...(packs && { packs }) });
  const drills = generateDrills({ seed, level, count: total, pack });
  return {
    drills,
    settings: { seed, level, count: total, from: null },
    description: describeRound({ level, count: total, seed }),
    again: `--seed ${seed} --level ${level} --count ${total}${packsFlag}`,
    pack,
  };
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
  return text;
}

function stdinIsTty(io: CliIo): boolean {
  return (io.stdin as { isTTY?: boolean }).isTTY === true;
}

/**
 * Asks for each answer at the terminal: d, or n and then a rule id or menu number; then shows the choice and asks to
 * confirm it (Enter or y) or change it (c). Null when input ends.
 */
async function askInteractively({ drills, pack }: Session, io: CliIo, out: NodeJS.WritableStream, onGraded: (result: DrillResult) => Promise<void>): Promise<DrillResult[] | null> {
  const reader = createInterface({ input: io.stdin, crlfDelay: Infinity, terminal: false });
  const lines = reader[Symbol.asyncIterator]();
  const ask = async (prompt: string): Promise<string | null> => {
    await write(out, prompt);
    const next = await lines.next();
    return next.done ? null : String(next.value).trim();
  };
  const ruleIds = pack.policies.map((policy) => policy.id);
  /** True to grade the answer, false to choose again, null when input ends. */
  const confirm = async (answer: DrillAnswer): Promise<boolean | null> => {
    for (;;) {
      const reply = await ask(messages.promptConfirm(answer));
      if (reply === null) return null;
      if (/^(y(es)?)?$/i.test(reply)) return true;
      if (/^c(hange)?$/i.test(reply)) return false;
      await write(out, `${messages.repromptConfirm}\n`);
    }
  };
  const results: DrillResult[] = [];
  try {
    for (const [index, drill] of drills.entries()) {
      await write(out, `${messages.drillHeading(index + 1, drills.length, drill.id)}\n${renderCardText(drillCard(drill, pack))}\n`);
      let answer: DrillAnswer | null = null;
      while (answer === null) {
        const verdict = await ask(messages.promptVerdict);
        if (verdict === null) return null;
        let chosen: DrillAnswer | null = null;
        if (/^d(ial)?$/i.test(verdict)) chosen = { kind: 'dial' };
        else if (/^n(o)?$/i.test(verdict)) {
          await write(out, `${messages.menu(pack.policies)}\n`);
          for (;;) {
            const choice = await ask(messages.promptRule);
            if (choice === null) return null;
            const rule = ruleFromMenu(choice, ruleIds);
            if (rule !== null) {
              chosen = { kind: 'block', rule };
              break;
            }
            await write(out, `${messages.repromptRule}\n`);
          }
        } else await write(out, `${messages.repromptVerdict}\n`);
        if (chosen === null) continue;
        // Nothing is graded until the trainee confirms: a slip of the key costs a keystroke, not the drill.
        const confirmed = await confirm(chosen);
        if (confirmed === null) return null;
        if (confirmed) answer = chosen;
      }
      const result = { drill, grade: gradeAnswer(drill, answer, pack) };
      results.push(result);
      await onGraded(result);
    }
    return results;
  } finally {
    reader.close();
  }
}

async function printReview(out: NodeJS.WritableStream, results: readonly DrillResult[], pack: PolicyPack): Promise<void> {
  await write(out, `${messages.score(scoreOf(results))}\n`);
  const mistakes = results.filter((result) => !result.grade.correct);
  if (mistakes.length === 0) {
    await write(out, `${messages.noMistakes}\n`);
    return;
  }
  let text = messages.reviewHeading(mistakes.length);
  for (const { drill, grade } of mistakes) {
    text += `${messages.reviewItem(drill.id, grade.answer, grade)}\n${renderCardText(drillCard(drill, pack))}\n${messages.feedback(grade)}\n`;
  }
  await write(out, text);
}

function waitForSigint(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export interface TrainCommandOptions {
  /** Resolves when `--web` should stop serving; SIGINT or SIGTERM by default. Tests pass their own. */
  readonly untilStopped?: () => Promise<void>;
}

/** `dialsim train`, with the stop signal of `--web` injectable so tests can run the server in-process. */
export function createTrainCommand(options: TrainCommandOptions = {}): CommandDefinition {
  const untilStopped = options.untilStopped ?? waitForSigint;
  return {
    name: 'train',
    summary: messages.summary,
    help: messages.help,
    async run(argv, io): Promise<ExitCode> {
      const parsed = await parseCommandArgs({ name: 'train', help: messages.help }, argv, io, {
        level: { type: 'string' },
        count: { type: 'string' },
        seed: { type: 'string' },
        from: { type: 'string' },
        answers: { type: 'string' },
        json: { type: 'boolean', default: false },
        web: { type: 'boolean', default: false },
        port: { type: 'string' },
        host: { type: 'string' },
        packs: { type: 'string' },
      });
      if (typeof parsed === 'number') return parsed;
      const { values, positionals } = parsed;
      let session: Session;
      let port = DEFAULT_TRAINER_PORT;
      try {
        if (positionals.length > 0) throw new UsageError(messages.unexpectedArguments(positionals));
        if (values.port !== undefined && !values.web) throw new UsageError(messages.portWithoutWeb);
        if (values.host !== undefined && !values.web) throw new UsageError(messages.hostWithoutWeb);
        if (values.host !== undefined && values.host.trim() === '') throw new UsageError(messages.emptyHost);
        if (values.web && (values.answers !== undefined || values.json)) throw new UsageError(messages.answersWithWeb);
        if (values.port !== undefined) port = wholeNumber(values.port, 0, 65_535, messages.badPort(values.port));
        session = await buildSession(values);
      } catch (error) {
        if (error instanceof UsageError || error instanceof RoundOptionError || error instanceof InputError || error instanceof PolicyModuleError || error instanceof PolicyDefinitionError) {
          return fail(io, error.message);
        }
        throw error;
      }

      if (values.web) {
        const host = values.host ?? TRAINER_HOST;
        let server;
        try {
          server = await startTrainerServer({ drills: session.drills, port, host, description: session.description, pack: session.pack, settings: session.settings });
        } catch (error) {
          if (error instanceof TrainerServerError) return fail(io, error.code === 'port-in-use' ? messages.portInUse(error.port, host) : messages.serverFailed(error.message));
          throw error;
        }
        if (!isLoopbackHost(host)) await write(io.stderr, `dialsim train: ${messages.openHostWarning(host)}\n`);
        await write(io.stdout, messages.serving(server.url, session.description));
        await untilStopped();
        await server.close();
        await write(io.stdout, messages.stopped);
        return 0;
      }

      // Scripted: every answer is read and checked before any drill is graded, so a bad line costs nothing.
      const { pack } = session;
      const ruleIds = pack.policies.map((policy) => policy.id);
      let results: DrillResult[];
      const scripted = values.answers !== undefined || !stdinIsTty(io);
      const out = values.json ? io.stderr : io.stdout;
      if (scripted) {
        const source = values.answers ?? messages.stdinSource;
        let text: string;
        try {
          text = values.answers === undefined ? await readAll(io.stdin) : await readFile(values.answers, 'utf8');
        } catch (error) {
          return fail(io, messages.cannotReadAnswers(source, (error as Error).message));
        }
        const answers = parseAnswers(text, ruleIds);
        if (!answers.ok) return fail(io, messages.malformedAnswer(source, answers.problem.line, answers.problem.text, answers.problem.reason));
        if (answers.answers.length !== session.drills.length) return fail(io, messages.answerCount(source, answers.answers.length, session.drills.length));
        results = session.drills.map((drill, index) => ({ drill, grade: gradeAnswer(drill, answers.answers[index]!, pack) }));
        if (!values.json) {
          let text = messages.header(session.description, session.again);
          results.forEach(({ drill, grade }, index) => {
            text += `${messages.drillHeading(index + 1, results.length, drill.id)}\n${renderCardText(drillCard(drill, pack))}\n${messages.yourAnswer(grade.answer)}\n${messages.feedback(grade)}\n`;
          });
          await write(io.stdout, text);
        }
      } else {
        await write(out, messages.header(session.description, session.again));
        const interactive = await askInteractively(session, io, out, async ({ grade }) => write(out, `${messages.feedback(grade)}\n`));
        if (interactive === null) return fail(io, messages.inputEnded);
        results = interactive;
      }
      if (values.json) {
        await write(io.stdout, `${JSON.stringify(resultsJson(session.settings, results, pack), null, 2)}\n`);
      } else {
        await printReview(io.stdout, results, pack);
      }
      return 0;
    },
  };
}

export const trainCommand = createTrainCommand();

async function fail(io: CliIo, message: string): Promise<2> {
  await write(io.stderr, message.split('\n').map((line) => (line === '' ? '\n' : `dialsim train: ${line}\n`)).join(''));
  return 2;
}
