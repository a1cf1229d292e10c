/**
 * The dialer docs cannot drift from the code. docs/outcome-models.md's tables are checked against OUTCOME_PRESETS
 * and the hourly curve; docs/audit-log.md's record types and fields against what a real run writes;
 * docs/campaigns.md's configuration table against the schema and its defaults, its error messages against
 * parseCampaignConfig. The example campaign in docs/campaigns.md is run as shown: its output must be the page's,
 * and the audit-log excerpt and jq transcripts must come from the log it writes.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as dialsim from '../../src/index.js';
import { knownKeysAt } from '../../src/core/schema-keys.js';
import { MemoryAuditSink, NULL_AUDIT_SINK, type AuditRecord } from '../../src/dialer/audit-log.js';
import {
  agentsSchema,
  campaignConfigSchema,
  leadSchema,
  pacingSchema,
  parseCampaignConfig,
  parseLead,
  retrySchema,
} from '../../src/dialer/campaign-config.js';
import { ANSWER_FACTOR_BY_LOCAL_HOUR, OUTCOME_PRESETS } from '../../src/dialer/outcome-model.js';
import { simulateCampaign } from '../../src/dialer/simulate-campaign.js';
import { InMemoryRegistry } from '../../src/resolve/registry.js';
import { scratchDir } from '../support/scratch-dir.js';

/** The record types docs/audit-log.md documents. A type the simulator starts writing fails until it is added here and there. */
const DOCUMENTED_RECORD_TYPES = ['header', 'attempt', 'transition', 'dnc-request', 'disclosure', 'identification-message'] as const;
type UndocumentedRecordType = Exclude<AuditRecord['type'], (typeof DOCUMENTED_RECORD_TYPES)[number]>;
// Fails to compile, naming the type, when the AuditRecord union has a type the list above lacks.
const everyTypeListed: [UndocumentedRecordType] extends [never] ? true : UndocumentedRecordType = true;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const readDoc = (name: string) => readFileSync(join(root, 'docs', name), 'utf8');

/** The text under `heading` (a whole line, e.g. "## Example"), up to the next heading of the same or a higher level. */
function section(text: string, heading: string): string {
  const lines = text.split('\n');
  const start = lines.indexOf(heading);
  if (start < 0) throw new Error(`no heading "${heading}"`);
  const level = heading.indexOf(' ');
  let end = start + 1;
  for (let inCode = false; end < lines.length; end++) {
    const line = lines[end]!;
    if (line.startsWith('```')) inCode = !inCode;
    const hashes = /^(#+) /.exec(line)?.[1];
    if (!inCode && hashes !== undefined && hashes.length <= level) break;
  }
  return lines.slice(start + 1, end).join('\n');
}

/** The bodies of the fenced blocks with this info string (`json`, `console`...), each ending in a newline. */
function codeBlocks(text: string, info: string): string[] {
  return [...text.matchAll(/^```(\S*)\n([\s\S]*?)^```$/gm)].filter((match) => match[1] === info).map((match) => match[2]!);
}

/** Table rows whose first cell holds code spans: the spans' texts and the row's other cells (`\|` unescaped). */
function tableRows(text: string): { keys: string[]; cells: string[] }[] {
  return text.split('\n').flatMap((line) => {
    if (!line.startsWith('| ') || !line.endsWith('|')) return [];
    const [first = '', ...cells] = line
      .slice(1, -1)
      .split(/(?<!\\)\|/)
      .map((cell) => cell.trim().replace(/\\\|/g, '|'));
    const keys = [...first.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);
    return keys.length === 0 ? [] : [{ keys, cells }];
  });
}

/** JSON merge patch (RFC 7396): objects merge, `null` removes a field, anything else replaces. */
function mergePatch(target: unknown, patch: unknown): unknown {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return patch;
  const result: Record<string, unknown> = typeof target === 'object' && target !== null && !Array.isArray(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

function valueAt(value: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((current, key) => (typeof current === 'object' && current !== null ? (current as Record<string, unknown>)[key] : undefined), value);
}

/**
 * The error parseCampaignConfig gives, or undefined. Every configuration error, the outcome shares included, is
 * parseCampaignConfig's: a configuration it accepts must also start (with no leads), or this throws.
 */
function configError(config: unknown): string | undefined {
  let parsed: ReturnType<typeof parseCampaignConfig>;
  try {
    parsed = parseCampaignConfig(config);
  } catch (error) {
    if (!(error instanceof dialsim.InputError)) throw error;
    return error.message;
  }
  simulateCampaign({ config: parsed, leads: [], audit: NULL_AUDIT_SINK });
  return undefined;
}

/** Shell words: 'single-quoted' or bare, as the jq transcripts use them. */
function words(text: string): string[] {
  return [...text.matchAll(/'([^']*)'|(\S+)/g)].map((match) => match[1] ?? match[2]!);
}

interface ExampleRun {
  readonly dir: string;
  readonly output: string;
  readonly log: string;
}

let exampleRun: Promise<ExampleRun> | undefined;

/** Runs the example of docs/campaigns.md as written, `dialsim` being this package, in a fresh directory (once). */
function runCampaignsExample(): Promise<ExampleRun> {
  exampleRun ??= (async () => {
    const [code] = codeBlocks(section(readDoc('campaigns.md'), '## Example'), 'js');
    const importLine = /^import \{([^}]+)\} from 'dialsim';$/m;
    if (code === undefined || !importLine.test(code)) throw new Error("docs/campaigns.md: the example must be a ```js block starting with import { ... } from 'dialsim'");
    const body = code.replace(importLine, (_, names: string) => `const {${names}} = dialsim;`);
    const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...args: unknown[]) => Promise<void>;
    const printed: string[] = [];
    const dir = realpathSync(scratchDir('campaign-doc'));
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      await new AsyncFunction('dialsim', 'console', body)(dialsim, { log: (...args: unknown[]) => printed.push(`${args.join(' ')}\n`) });
    } finally {
      process.chdir(cwd);
    }
    return { dir, output: printed.join(''), log: readFileSync(join(dir, 'audit.ndjson'), 'utf8') };
  })();
  return exampleRun;
}

describe('docs/outcome-models.md', () => {
  const text = readDoc('outcome-models.md');
  const rounded = (value: number) => Number(value.toFixed(4));

  it.each(Object.keys(OUTCOME_PRESETS) as (keyof typeof OUTCOME_PRESETS)[])('the table of %s lists every rate at its value, rounded to 4 decimals', (name) => {
    const preset = OUTCOME_PRESETS[name];
    const expected: Record<string, number> = {
      notInService: preset.notInService,
      busy: preset.busy,
      answeringMachine: preset.answeringMachine,
      answered: preset.answered,
      noAnswer: 1 - preset.notInService - preset.busy - preset.answeringMachine - preset.answered,
      ...Object.fromEntries(Object.entries(preset.outcomes).map(([outcome, share]) => [`outcomes.${outcome}`, share])),
    };
    const rows = tableRows(section(text, `## \`${name}\``));
    expect(rows.map((row) => row.keys[0]).sort()).toEqual(Object.keys(expected).sort());
    for (const { keys, cells } of rows) {
      expect(cells[0], `${name}: ${keys[0]}`).toMatch(/^\d+(\.\d+)?$/);
      expect(Number(cells[0]), `${name}: ${keys[0]}`).toBe(rounded(expected[keys[0]!]!));
    }
  });

  it('the answer-factor table is ANSWER_FACTOR_BY_LOCAL_HOUR', () => {
    const rows = section(text, '## Answer factor by local hour')
      .split('\n')
      .filter((line) => /^\| \d\d-\d\d \|/.test(line))
      .map((line) => line.slice(1, -1).split('|').map((cell) => cell.trim()));
    expect(rows.map((cells) => cells[0])).toEqual(['00-07', '08-15', '16-23']);
    expect(rows.flatMap((cells) => cells.slice(1).map(Number))).toEqual(ANSWER_FACTOR_BY_LOCAL_HOUR);
  });

  it('the override example is a valid campaign whose shares add up', () => {
    const [overrides] = codeBlocks(section(text, '## Overriding rates'), 'json');
    const [minimal] = codeBlocks(section(readDoc('campaigns.md'), '## Configuration'), 'json');
    expect(configError(mergePatch(JSON.parse(minimal!), JSON.parse(overrides!)))).toBeUndefined();
  });
});

describe('docs/audit-log.md', () => {
  const text = readDoc('audit-log.md');

  /** A small run that writes every record type: a blocked mobile lead, a consented one, and abandoned and do-not-call calls. */
  function recordsOfASmallRun(): AuditRecord[] {
    const config = parseCampaignConfig({
      seed: 3,
      seller: 'acme',
      start: '2026-03-02T08:00:00-05:00',
      days: 2,
      mode: 'predictive',
      agents: { count: 1, shift: { start: '09:00', end: '17:00', timeZone: 'America/New_York' } },
      pacing: { maxLinesPerAgent: 3, adaptive: false },
      outcomeModel: { preset: 'field-study', overrides: { notInService: 0, answered: 1, outcomes: { meeting: 0, callback: 0, doNotCall: 0.5, rejected: 0.5 } } },
    });
    const leads = [
      parseLead({ id: 'mobile', phone: '+12125550100', lineType: 'mobile' }, 'leads[0]'),
      parseLead({ id: 'consented', phone: '+12125550101', lineType: 'mobile', consents: [{ kind: 'prior-express-written', seller: 'acme', grantedAt: '2026-01-05' }] }, 'leads[1]'),
      ...Array.from({ length: 12 }, (_, index) => parseLead({ id: `L${index}`, phone: `+1212555${1000 + index}`, lineType: 'landline' }, `leads[${index + 2}]`)),
    ];
    const audit = new MemoryAuditSink();
    simulateCampaign({ config, leads, audit, registries: { national: { syncedAt: Date.parse('2026-03-01T00:00:00Z'), numbers: new InMemoryRegistry() } } });
    return audit.records();
  }
  const records = recordsOfASmallRun();

  it('documents exactly the record types a run writes', () => {
    expect(everyTypeListed).toBe(true);
    expect([...new Set(records.map((record) => record.type))].sort()).toEqual([...DOCUMENTED_RECORD_TYPES].sort());
  });

  it.each(DOCUMENTED_RECORD_TYPES)('%s: its table lists the fields a run writes, in the order written', (type) => {
    const record = records.find((candidate) => candidate.type === type)!;
    const rows = tableRows(section(text, `### \`${type}\``));
    expect(rows.map((row) => row.keys[0])).toEqual(Object.keys(record));
  });

  it.each(['callee', 'registries'] as const)('the attempt facts: the %s table lists its fields, in the order written', (field) => {
    const attempts = records.filter((record) => record.type === 'attempt');
    const values = attempts.flatMap((attempt) => [attempt[field]].flat());
    const fields = [...new Set(values.flatMap((value) => Object.keys(value)))];
    const rows = tableRows(section(text, `### \`${field}\``)).map((row) => row.keys[0]!);
    // `state` is written for state lists only, after `list`.
    expect(rows).toEqual(field === 'registries' ? ['list', 'state', ...fields.filter((key) => key !== 'list' && key !== 'state')] : fields);
    for (const value of values) expect(rows.filter((key) => key in value)).toEqual(Object.keys(value));
  });

  it('the consents table lists the fields of both forms of a consent status', () => {
    const statuses = records.flatMap((record) => (record.type === 'attempt' ? Object.values(record.consents) : []));
    const fields = [...new Set(statuses.flatMap((status) => Object.keys(status)))].sort();
    expect(fields).toContain('grantedAt');
    expect(tableRows(section(text, '### `consents`')).map((row) => row.keys[0]).sort()).toEqual(fields);
  });

  it('the re-derivation example runs on the campaigns.md example log and finds every decision explained', async () => {
    const { dir } = await runCampaignsExample();
    const [code] = codeBlocks(section(text, '## Re-deriving a decision'), 'js');
    const body = code!
      .replace(/^import \{([^}]+)\} from 'dialsim';$/m, (_, names: string) => `const {${names}} = dialsim;`)
      .replace(/^import \{([^}]+)\} from 'node:fs';$/m, (_, names: string) => `const {${names}} = fs;`);
    const printed: string[] = [];
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      new Function('dialsim', 'fs', 'console', body)(dialsim, await import('node:fs'), { log: (line: string) => printed.push(line) });
    } finally {
      process.chdir(cwd);
    }
    expect(printed).toEqual(['0 decisions the log cannot explain']);
  });

  it('the violations and exemptions table lists their fields, in the order written', () => {
    const attempts = records.filter((record) => record.type === 'attempt');
    const violation = attempts.flatMap((attempt) => attempt.violations)[0]!;
    const exemption = attempts.flatMap((attempt) => attempt.exemptions)[0]!;
    const fields = [...new Set([...Object.keys(violation), ...Object.keys(exemption)])];
    expect(tableRows(section(text, '## Violations and exemptions')).map((row) => row.keys[0])).toEqual(fields);
  });

  it('the excerpt blocks are runs of consecutive lines of the campaigns.md example log', async () => {
    const { log } = await runCampaignsExample();
    const blocks = codeBlocks(section(text, '## Excerpt'), 'json');
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) expect(`\n${log}`.includes(`\n${block}`), block.slice(0, 120)).toBe(true);
  });

  it('instants and attempt ids in the example log have the documented form', async () => {
    const lines = (await runCampaignsExample()).log.trimEnd().split('\n');
    const records = lines.map((line) => JSON.parse(line) as AuditRecord);
    // Whole seconds, no fraction: the form that sorts as text and that jq's fromdateiso8601 reads.
    expect(records[0]!.type).toBe('header');
    expect(records.slice(1).filter((record) => record.type === 'header')).toEqual([]);
    const calls = records.filter((record) => record.type !== 'header');
    expect(calls.filter((record) => !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(record.at))).toEqual([]);
    const localTimes = records.flatMap((record) => (record.type === 'attempt' ? record.localTimes : []));
    expect(localTimes.length).toBeGreaterThan(0);
    expect(localTimes.filter((time) => !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/.test(time))).toEqual([]);
    // A campaign's records all belong to a call; only a scenario's dnc-request step has a null attemptId.
    expect(calls.filter((record) => record.attemptId === null || !/^A\d{7,}$/.test(record.attemptId))).toEqual([]);
    expect(calls.filter((record) => Object.keys(record).slice(0, 2).join() !== 'type,attemptId')).toEqual([]);
  });

  const jqInstalled = spawnSync('jq', ['--version']).status === 0;
  it.skipIf(!jqInstalled)('every jq command prints what the doc shows (on the campaigns.md example log)', async () => {
    const { dir } = await runCampaignsExample();
    const transcripts = codeBlocks(section(text, '## Reading it with jq'), 'console');
    expect(transcripts.length).toBeGreaterThan(3);
    for (const transcript of transcripts) {
      const [command = '', ...output] = transcript.trimEnd().split('\n');
      const args = words(command);
      expect(args.slice(0, 2), command).toEqual(['$', 'jq']);
      const result = spawnSync('jq', args.slice(2), { cwd: dir, encoding: 'utf8' });
      expect(result.stderr, command).toBe('');
      expect(result.stdout, command).toBe(output.map((line) => `${line}\n`).join(''));
    }
  });
});

describe('docs/campaigns.md', () => {
  const text = readDoc('campaigns.md');
  const configRows = tableRows(section(text, '## Configuration').split('### Dialing modes')[0]!);
  const documentedPaths = configRows.map((row) => row.keys[0]!);
  const [minimalText] = codeBlocks(section(text, '## Configuration'), 'json');
  const minimal = JSON.parse(minimalText!) as unknown;

  it('documents every field of the configuration, of agents, of pacing and of retry', () => {
    const expected = [
      ...knownKeysAt(campaignConfigSchema, []),
      ...knownKeysAt(agentsSchema, []).map((key) => `agents.${key}`),
      ...knownKeysAt(pacingSchema, []).map((key) => `pacing.${key}`),
      ...knownKeysAt(retrySchema, []).map((key) => `retry.${key}`),
    ];
    expect(expected.filter((path) => !documentedPaths.includes(path))).toEqual([]);
  });

  it('documents every leaf field the schema accepts, and no field it does not', () => {
    const leaves = (path: string[]): string[] => {
      const keys = knownKeysAt(campaignConfigSchema, path);
      return keys.length === 0 ? [path.join('.')] : keys.flatMap((key) => leaves([...path, key]));
    };
    expect(leaves([]).filter((path) => !documentedPaths.includes(path)), 'fields missing from the table').toEqual([]);
    const unknown = documentedPaths.filter((path) => {
      const keys = path.split('.');
      return !knownKeysAt(campaignConfigSchema, keys.slice(0, -1)).includes(keys.at(-1)!);
    });
    expect(unknown, 'documented fields the schema does not accept').toEqual([]);
  });

  it('the minimal configuration parses, and gets the defaults the table gives', () => {
    const parsed = parseCampaignConfig(minimal);
    for (const { keys, cells } of configRows) {
      const path = keys[0]!.split('.');
      const shown = cells[1]!;
      const where = `${keys[0]}: default "${shown}"`;
      if (/^`[^`]+`$/.test(shown)) expect(valueAt(parsed, path), where).toEqual(JSON.parse(shown.slice(1, -1)));
      else if (shown === 'none') expect(valueAt(parsed, path), where).toBeUndefined();
      else if (shown === 'see below') expect(valueAt(parsed, path), where).toBeDefined();
      else if (shown === 'required') {
        const removed = mergePatch(minimal, path.reduceRight<unknown>((patch, key) => ({ [key]: patch }), null));
        expect(configError(removed), where).toBe(`${keys[0]}: required field is missing`);
      } else throw new Error(`${where}: a default is a code span, "none", "see below" or "required"`);
    }
  });

  it('shows the real error of every bad configuration it lists', () => {
    const [block] = codeBlocks(section(text, '## Configuration errors'), 'text');
    const cases: { patch: string; message: string[] }[] = [];
    for (const line of block!.trimEnd().split('\n')) {
      if (line.startsWith('  ')) cases.at(-1)!.message.push(line.slice(2));
      else cases.push({ patch: line, message: [] });
    }
    expect(cases.length).toBeGreaterThan(10);
    for (const { patch, message } of cases) expect(configError(mergePatch(minimal, JSON.parse(patch))), patch).toBe(message.join('\n'));
  });

  it('documents every lead field, and the error of a bad lead', () => {
    const leads = section(text, '## Leads');
    expect(tableRows(leads).map((row) => row.keys[0])).toEqual(knownKeysAt(leadSchema, []));
    const [shownError] = codeBlocks(leads, 'text');
    expect(() => parseLead({ id: 'L1', phone: 3035550123 }, 'leads[0]')).toThrow(shownError!.trimEnd());
  });

  it('the example runs and prints the output shown, and writes the number of log lines stated', async () => {
    const example = section(text, '## Example');
    const { output, log } = await runCampaignsExample();
    expect(output).toBe(codeBlocks(example, 'json')[0]);
    const stated = /\(([\d,]+) lines;/.exec(example)?.[1];
    expect(Number(stated?.replace(/,/g, ''))).toBe(log.trimEnd().split('\n').length);
  });

  it('the summary table covers every field of a real summary, and names no other', async () => {
    const summary = JSON.parse((await runCampaignsExample()).output) as Record<string, unknown>;
    const documented = tableRows(section(text, '## The summary')).flatMap((row) => row.keys);
    expect(documented.filter((path) => valueAt(summary, path.split('.')) === undefined), 'documented fields a summary lacks').toEqual([]);
    const missing = Object.entries(summary).flatMap(([key, value]) => {
      if (documented.includes(key)) return [];
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return [key];
      return Object.keys(value).map((inner) => `${key}.${inner}`).filter((path) => !documented.includes(path));
    });
    expect(missing, 'summary fields missing from the table').toEqual([]);
  });
});
