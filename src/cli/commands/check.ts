import { StringDecoder } from 'node:string_decoder';
import { InputError } from '../../core/input-error.js';
import { PolicyDefinitionError } from '../../core/policy-definition-error.js';
import { packsInForce } from '../../engine/packs-in-force.js';
import { loadPolicyModules, PolicyModuleError } from '../../policy-modules/load-policy-module.js';
import type { RegistryContext } from '../../resolve/registry.js';
import type { Decision } from '../../core/decision.js';
import { screenRequestText, type NdjsonCounts } from '../check-stream.js';
import { screenNdjson } from '../check-workers.js';
import { decisionForOutput } from '../decision-output.js';
import { failWithUsage, parseCommandArgs } from '../command-args.js';
import { write, type CliIo, type CommandDefinition, type ExitCode } from '../io.js';
import { loadCheckContext } from '../load-context.js';
import { parsePacksOption } from '../packs-option.js';
import { parseWorkersOption } from '../workers-option.js';
import type { ScreenOptions } from '../../engine/screen.js';
import type { PolicyPack } from '../../core/policy.js';
import { checkMessages as messages } from './check-messages.js';
import { commandInput, stdinIsRegularFile } from '../file-chunks.js';

/** Whether the input is a regular file (named, or standard input redirected from one): it never waits on a writer. */
function inputIsRegularFile(file: string | undefined, io: CliIo): boolean {
  return (file !== undefined && file !== '-') || stdinIsRegularFile(io);
}

async function readAll(stream: AsyncIterable<string | Buffer>): Promise<string> {
  let text = '';
  // Decodes across chunk boundaries: a character split between two chunks of a file is not corrupted.
  const decoder = new StringDecoder('utf8');
  for await (const chunk of stream) text += typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer);
  text += decoder.end();
  // A byte-order mark from a Windows editor is not part of the request.
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function humanDecision(decision: Decision): string {
  const lines = [messages.verdictLine(decision.verdict, decision.callee.e164)];
  if (decision.callee.timeZones.length > 0) {
    const pairs = decision.callee.timeZones.map((zone, index) => `${decision.callee.localTimes[index]} (${zone})`);
    lines.push(messages.localTimesLine(pairs.join(', ')));
  }
  for (const violation of decision.violations) lines.push(messages.violationLine(violation.rule, violation.citation, violation.message));
  for (const exemption of decision.exemptions) lines.push(messages.exemptionLine(exemption.rule, exemption.citation, exemption.reason));
  return `${lines.join('\n')}\n`;
}

export const checkCommand: CommandDefinition = {
  name: 'check',
  summary: messages.summary,
  help: messages.help,
  async run(argv, io): Promise<ExitCode> {
    const parsed = await parseCommandArgs(this, argv, io, {
      json: { type: 'boolean', default: false },
      ndjson: { type: 'boolean', default: false },
      context: { type: 'string' },
      policy: { type: 'string', multiple: true },
      packs: { type: 'string' },
      workers: { type: 'string' },
    });
    if (typeof parsed === 'number') return parsed;
    const { values, positionals } = parsed;
    if (values.json && values.ndjson) return fail(io, messages.bothModes);
    if (values.workers !== undefined && !values.ndjson) return fail(io, messages.workersNeedNdjson);
    if (positionals.length > 1) return fail(io, messages.tooManyFiles(positionals));

    let registries: RegistryContext | undefined;
    let packs: readonly string[] | undefined;
    let workers: number;
    try {
      packs = parsePacksOption(values.packs);
      workers = parseWorkersOption(values.workers);
      registries = values.context === undefined ? undefined : loadCheckContext(values.context);
    } catch (error) {
      if (error instanceof InputError) return fail(io, error.message);
      throw error;
    }
    let custom: readonly PolicyPack[] | undefined;
    if (values.policy !== undefined) {
      try {
        custom = await loadPolicyModules(values.policy);
        // Combined now, so that a custom rule clashing with a built-in one is refused before any request is read.
        packsInForce({ ...(packs && { packs }), custom });
      } catch (error) {
        if (error instanceof PolicyModuleError || error instanceof PolicyDefinitionError) return fail(io, error.message);
        throw error;
      }
    }
    const options: ScreenOptions = { ...(registries && { registries }), ...(packs && { packs }), ...(custom && { custom }) };
    // Bytes, not text: the workers are handed whole lines of UTF-8, and decoding is each reader's own job.
    const stream = commandInput(positionals[0], io, { threads: values.ndjson ? workers : 1 });
    // Typed at a terminal, a request looks like a hang unless something says what is awaited and how to end it.
    if (stream === io.stdin && (io.stdin as { isTTY?: boolean }).isTTY === true) {
      await write(io.stderr, `dialsim check: ${messages.readingStdin(values.ndjson)}\n`);
    }

    try {
      if (values.ndjson) {
        // Output buffers go back to the workers once written, only for the process's own output, whose write
        // callback means the bytes are out: a stream of the caller's (runCli's io) may keep the chunks it is given.
        const recycles = io.stdout === process.stdout;
        const output = (chunk: Buffer, written?: () => void) => write(io.stdout, chunk, recycles ? written : undefined);
        let workersUnavailable: string | undefined;
        let counts: NdjsonCounts;
        try {
          counts = await screenNdjson(stream, output, options, {
            workers,
            ...(values.policy && { policyModules: values.policy }),
            onWorkersUnavailable: (reason) => (workersUnavailable = reason),
            answerOnPause: !inputIsRegularFile(positionals[0], io),
          });
        } finally {
          // Told also when the run fails afterwards (an unreadable input).
          if (workersUnavailable !== undefined) await write(io.stderr, `dialsim check: ${messages.workerCannotStart(workersUnavailable)}\n`);
        }
        if (counts.malformed > 0) {
          await write(io.stderr, `dialsim check: ${messages.ndjsonSummary(counts.answered, counts.malformed)}\n`);
          return 1;
        }
        return 0;
      }
      const text = await readAll(stream);
      if (text.trim() === '') return fail(io, messages.emptyInput);
      const result = screenRequestText(text, options, positionals[0] === undefined || positionals[0] === '-' ? messages.stdinName : positionals[0]);
      if ('error' in result) return fail(io, result.error);
      await write(io.stdout, values.json ? `${JSON.stringify(decisionForOutput(result.decision))}\n` : humanDecision(result.decision));
      return 0;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') {
        return fail(io, messages.cannotRead(positionals[0] ?? '-', (error as Error).message));
      }
      throw error;
    }
  },
};

function fail(io: CliIo, message: string): Promise<2> {
  return failWithUsage(io, 'check', message);
}
