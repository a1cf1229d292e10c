import { createWriteStream, renameSync, rmSync, statSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { basename, resolve } from 'node:path';
import { DIAL_METHODS, type DialMethod } from '../../core/attempt.js';
import { InputError } from '../../core/input-error.js';
import { formatInstantUtc, parseInstant } from '../../core/instant.js';
import { PolicyDefinitionError } from '../../core/policy-definition-error.js';
import type { PolicyPack } from '../../core/policy.js';
import { packsInForce } from '../../engine/packs-in-force.js';
import type { ScreenOptions } from '../../engine/screen.js';
import { loadPolicyModules, PolicyModuleError } from '../../policy-modules/load-policy-module.js';
import { parseMappingFlags, resolveFieldMapping } from '../../scrub/field-mapping.js';
import { formatOfFile, openLeadTable } from '../../scrub/lead-table.js';
import { emptyScrubSummary, SCRUB_COLUMNS, type ScrubMode } from '../../scrub/scrub-list.js';
import { scrubLeadTableOnWorkers } from '../../scrub/scrub-workers.js';
import { failWithUsage, parseCommandArgs } from '../command-args.js';
import { commandInput } from '../file-chunks.js';
import { write, type CliIo, type CommandDefinition, type ExitCode } from '../io.js';
import { loadCheckContext } from '../load-context.js';
import { outputPathProblem } from '../output-path.js';
import { parsePacksOption } from '../packs-option.js';
import { parseWorkersOption } from '../workers-option.js';
import { ProgressBar } from '../progress-bar.js';
import { scrubMessages as messages } from './scrub-messages.js';
import { scrubSummaryText } from './scrub-summary.js';

const INSTANT_PROBLEMS = {
  format: 'expected ISO-8601, e.g. 2026-03-10T15:00:00-05:00',
  'no-offset': 'it needs an offset or Z, e.g. 2026-03-10T15:00:00-05:00',
  'out-of-range': 'it is out of range',
} as const;

/** `dialsim scrub`, run for `command` (its definition, scrub.ts, which loads this module). */
export async function runScrub(command: CommandDefinition, argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const parsed = await parseCommandArgs(command, argv, io, {
    seller: { type: 'string' },
    context: { type: 'string' },
    at: { type: 'string' },
    'dnc-only': { type: 'boolean', default: false },
    method: { type: 'string', default: 'manual' },
    map: { type: 'string', multiple: true, default: [] },
    values: { type: 'string', multiple: true, default: [] },
    packs: { type: 'string' },
    policy: { type: 'string', multiple: true },
    out: { type: 'string' },
    ndjson: { type: 'boolean', default: false },
    workers: { type: 'string' },
  });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length > 1) return fail(io, messages.tooManyFiles(positionals));
  const file = positionals[0];
  if (file === undefined) return fail(io, messages.noFile);
  if (values.seller === undefined || values.seller.trim() === '') return fail(io, messages.required('--seller', messages.sellerWhat));
  if (values.context === undefined) return fail(io, messages.required('--context', messages.contextWhat));
  if (!(DIAL_METHODS as readonly string[]).includes(values.method)) return fail(io, messages.badMethod(values.method, DIAL_METHODS));
  const mode: ScrubMode = values['dnc-only'] ? 'dnc-only' : 'full';
  let at: string | undefined;
  let atSource = '--at';
  if (values.at !== undefined) {
    const instant = parseInstant(values.at);
    if (typeof instant !== 'number') return fail(io, messages.badAt(values.at, INSTANT_PROBLEMS[instant]));
    at = values.at;
  } else if (mode === 'dnc-only') {
    // The CLI's edge is the one place that reads the wall clock; the engine is given the instant.
    at = formatInstantUtc(Math.floor(Date.now() / 1000) * 1000);
    atSource = 'now, as no --at was given';
  }
  if (values.out !== undefined) {
    const problem = outputPathProblem(values.out);
    if (problem !== undefined) return fail(io, messages.badOut(values.out, problem));
    if (file !== '-' && resolve(values.out) === resolve(file)) return fail(io, messages.outIsInput(values.out));
  }
  if (file !== '-') {
    try {
      if (statSync(file).isDirectory()) return fail(io, messages.cannotRead(file, 'it is a folder, not a file'));
    } catch (error) {
      return fail(io, messages.cannotRead(file, (error as Error).message));
    }
  }

  let screenOptions: ScreenOptions;
  let mappingFlags;
  let workers: number;
  try {
    workers = parseWorkersOption(values.workers);
    mappingFlags = parseMappingFlags(values.map, values.values);
    const packs = parsePacksOption(values.packs);
    const registries = loadCheckContext(values.context);
    let custom: readonly PolicyPack[] | undefined;
    if (values.policy !== undefined) {
      custom = await loadPolicyModules(values.policy);
      packsInForce({ ...(packs && { packs }), custom });
    }
    screenOptions = { registries, ...(packs && { packs }), ...(custom && { custom }) };
  } catch (error) {
    if (error instanceof InputError || error instanceof PolicyModuleError || error instanceof PolicyDefinitionError) return fail(io, error.message);
    throw error;
  }

  const source = file === '-' ? 'stdin' : file;
  const format = file === '-' ? 'csv' : formatOfFile(file);
  const input = commandInput(file, io, { threads: workers });
  const partial = values.out === undefined ? undefined : `${values.out}.${process.pid}.partial`;
  const sink = partial === undefined ? io.stdout : createWriteStream(partial);
  // Removed only once the stream has closed: its file is opened asynchronously, and could appear after an early rm.
  const discardPartial = async () => {
    if (partial === undefined) return;
    if (!(sink as WriteStream).closed) {
      const closed = once(sink, 'close').catch(() => undefined);
      sink.end();
      await closed;
    }
    rmSync(partial, { force: true });
  };
  // Filled as the rows are screened: an error half way says how many were.
  const summary = emptyScrubSummary();
  try {
    const table = await openLeadTable(input, format, source);
    const mapping = resolveFieldMapping(table.header, mappingFlags, SCRUB_COLUMNS, `${source}:${table.headerLine}`);
    if (mode === 'full' && at === undefined && !mapping.columns.has('at')) {
      await discardPartial();
      return fail(io, messages.needsTime);
    }
    const report = [messages.mappingTitle(source, format === 'csv' ? 'CSV' : 'NDJSON'), ...mapping.lines.map((line) => `  ${line}`), ...mapping.warnings.map(messages.warning)];
    await write(io.stderr, report.map((line) => `dialsim scrub: ${line}\n`).join(''));

    // A bar on a terminal only, and never drawn over the list itself when that goes to the same terminal.
    const stderrIsTty = (io.stderr as { isTTY?: boolean }).isTTY === true;
    const bar = new ProgressBar({ ...io, isTty: stderrIsTty && (partial !== undefined || io.isTty !== true) }, basename(source));
    const size = file === '-' ? 0 : statSync(file).size;
    let workersUnavailable: string | undefined;
    try {
      await scrubLeadTableOnWorkers(
        table,
        { mapping, defaults: { seller: values.seller, at, method: values.method as DialMethod }, screen: screenOptions, mode, output: values.ndjson ? 'ndjson' : 'csv', source },
        (chunk) => write(sink, chunk),
        {
          summary,
          progress: () => {
            if (size > 0) bar.update(Math.min(1, table.bytesRead() / size));
          },
        },
        { workers, ...(values.policy && { policyModules: values.policy }), onWorkersUnavailable: (reason) => (workersUnavailable = reason) },
      );
    } finally {
      bar.done();
      // Told also when the run fails afterwards (a row the list cannot give).
      if (workersUnavailable !== undefined) await write(io.stderr, `dialsim scrub: ${messages.workerCannotStart(workersUnavailable)}\n`);
    }
    if (partial !== undefined) {
      await new Promise<void>((done, failed) => sink.end((error?: Error | null) => (error ? failed(error) : done())));
      renameSync(partial, values.out!);
    }
    await write(io.stderr, scrubSummaryText(summary, mode, at, atSource));
    return summary.errors.size > 0 ? 1 : 0;
  } catch (error) {
    await discardPartial();
    if (error instanceof InputError) {
      return fail(io, summary.rows > 0 ? `${error.message}\n${partial === undefined ? messages.writtenBefore(summary.rows) : messages.partialOutput(summary.rows)}` : error.message);
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') return fail(io, messages.cannotRead(source, (error as Error).message));
    throw error;
  }
}

function fail(io: CliIo, message: string): Promise<2> {
  return failWithUsage(io, 'scrub', message);
}
