import { statSync } from 'node:fs';
import { InputError } from '../../core/input-error.js';
import { parseInstantOrDate } from '../../core/instant.js';
import { generateDownloads } from '../../registry-store/generate-downloads.js';
import { importDownloads } from '../../registry-store/import-downloads.js';
import { describeStore, formatBytes, formatStoreDescription } from '../../registry-store/describe-store.js';
import { writeStoreAtomically } from '../../registry-store/write-store.js';
import { RegistryStore } from '../../registry-store/registry-store.js';
import { openStore } from '../../registry-store/store-copy.js';
import { failWithUsage, parseCommandArgs } from '../command-args.js';
import { write, type CliIo, type CommandDefinition, type ExitCode } from '../io.js';
import { outputPathProblem } from '../output-path.js';
import { packageVersion } from '../../core/package-version.js';
import { registryMessages as messages } from './registry-messages.js';

const OPTIONS = {
  out: { type: 'string' },
  base: { type: 'string' },
  'synced-at': { type: 'string' },
  numbers: { type: 'string' },
  seed: { type: 'string' },
  date: { type: 'string' },
  'area-codes': { type: 'string' },
  json: { type: 'boolean', default: false },
} as const;

export const registryCommand: CommandDefinition = {
  name: 'registry',
  summary: messages.summary,
  help: messages.help,
  async run(argv, io): Promise<ExitCode> {
    const parsed = await parseCommandArgs(this, argv, io, OPTIONS);
    if (typeof parsed === 'number') return parsed;
    const { values, positionals } = parsed;
    const [action, ...operands] = positionals;
    try {
      switch (action) {
        case 'import':
          return await runImport(operands, values, io);
        case 'info':
          return await runInfo(operands, values.json, io);
        case 'generate':
          return await runGenerate(values, io);
        default:
          return await failWithUsage(io, 'registry', messages.unknownAction(action));
      }
    } catch (error) {
      if (error instanceof InputError) return failWithUsage(io, 'registry', error.message);
      throw error;
    }
  },
};

type Values = { out?: string; base?: string; 'synced-at'?: string; numbers?: string; seed?: string; date?: string; 'area-codes'?: string; json: boolean };

async function runImport(files: readonly string[], values: Values, io: CliIo): Promise<ExitCode> {
  if (values.out === undefined) return failWithUsage(io, 'registry', messages.needsOut('import'));
  const problem = outputPathProblem(values.out);
  if (problem !== undefined) return failWithUsage(io, 'registry', messages.cannotWrite(values.out, problem));
  let syncedAt: number | undefined;
  if (values['synced-at'] !== undefined) {
    const parsed = parseInstantOrDate(values['synced-at']);
    if (typeof parsed !== 'number') return failWithUsage(io, 'registry', messages.badDate('--synced-at', values['synced-at']));
    syncedAt = parsed;
  }
  const base = values.base === undefined ? undefined : openStore(values.base);
  const { bytes, summary } = await importDownloads(files, { syncedAt, base, createdBy: `dialsim ${packageVersion()}` });
  writeStoreAtomically(values.out, bytes);
  // Opened afresh: with --base, the store cached under this path is the one just replaced.
  const description = describeStore(RegistryStore.open(values.out), statSync(values.out).size);
  if (summary.notAdvanced.length > 0) await write(io.stderr, `dialsim registry: ${messages.notAdvanced(summary.notAdvanced)}\n`);
  if (values.json) {
    await write(io.stdout, `${JSON.stringify({ store: values.out, ...summary, ...description })}\n`);
    return 0;
  }
  const what = [`${summary.fullLists} full list${summary.fullLists === 1 ? '' : 's'}`, ...(summary.changeLists > 0 ? [`${summary.changeLists} change list${summary.changeLists === 1 ? '' : 's'} (+${summary.added} -${summary.deleted})`] : [])].join(' and ');
  await write(io.stdout, `${messages.imported(what, values.out, description.numbers, description.areaCodes.length, formatBytes(description.bytes))}\n`);
  return 0;
}

async function runInfo(operands: readonly string[], json: boolean, io: CliIo): Promise<ExitCode> {
  const [path] = operands;
  if (path === undefined) return failWithUsage(io, 'registry', messages.noStore);
  const description = describeStore(openStore(path), statSync(path).size);
  await write(io.stdout, json ? `${JSON.stringify({ store: path, ...description })}\n` : formatStoreDescription(path, description));
  return 0;
}

async function runGenerate(values: Values, io: CliIo): Promise<ExitCode> {
  if (values.out === undefined) return failWithUsage(io, 'registry', messages.needsOut('generate'));
  const count = (option: string, value: string | undefined, fallback?: number): number | undefined => {
    if (value === undefined) return fallback;
    if (!/^\d+$/.test(value) || Number(value) <= 0) throw new InputError([{ path: '', message: messages.badNumber(option, value) }]);
    return Number(value);
  };
  const numbers = count('--numbers', values.numbers);
  if (numbers === undefined) return failWithUsage(io, 'registry', messages.badNumber('--numbers', ''));
  const date = values.date ?? '2026-11-30';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || typeof parseInstantOrDate(date) !== 'number') return failWithUsage(io, 'registry', messages.badDate('--date', date));
  let generated;
  try {
    generated = generateDownloads(values.out, { numbers, seed: count('--seed', values.seed, 1)!, date, areaCodes: count('--area-codes', values['area-codes']) });
  } catch (error) {
    if (error instanceof RangeError) return failWithUsage(io, 'registry', error.message);
    throw error;
  }
  await write(io.stdout, `${messages.generated(generated.files.length, generated.numbers, values.out)}\n`);
  return 0;
}
