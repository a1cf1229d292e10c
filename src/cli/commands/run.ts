import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import { InputError } from '../../core/input-error.js';
import { FileAuditSink } from '../../dialer/audit-log.js';
import type { CampaignSummary } from '../../dialer/campaign-summary.js';
import { attemptsCsv } from '../../report/attempt-csv.js';
import { renderReport } from '../../report/render-report.js';
import { loadScenario, type LoadedScenario } from '../../scenario/load-scenario.js';
import { PolicyDefinitionError } from '../../core/policy-definition-error.js';
import type { PolicyPack } from '../../core/policy.js';
import { loadPolicyModules, PolicyModuleError } from '../../policy-modules/load-policy-module.js';
import { runScenario, type ScenarioResult } from '../../scenario/run-scenario.js';
import { packForScenarioFile } from '../../scenario/scenario-pack.js';
import { parsePacksOption } from '../packs-option.js';
import { failWithUsage, parseCommandArgs } from '../command-args.js';
import { write, type CliIo, type CommandDefinition, type ExitCode } from '../io.js';
import { outputPathProblem } from '../output-path.js';
import { ProgressBar } from '../progress-bar.js';
import { scenarioText, summaryTable } from '../scenario-text.js';
import { runMessages as messages } from './run-messages.js';

/** Scenario files named on the command line: files as given, folders expanded to their *.yaml files by name. */
function scenarioFiles(paths: readonly string[]): string[] {
  const files: string[] = [];
  for (const path of paths) {
    let stats;
    try {
      stats = statSync(path);
    } catch {
      throw new InputError([{ path: '', message: messages.notFound(path) }]);
    }
    if (!stats.isDirectory()) {
      files.push(path);
      continue;
    }
    const inFolder = readdirSync(path)
      .filter((name) => ['.yaml', '.yml'].includes(extname(name)))
      .sort()
      .map((name) => join(path, name));
    if (inFolder.length === 0) throw new InputError([{ path: '', message: messages.emptyFolder(path) }]);
    files.push(...inFolder);
  }
  return files;
}

/** `out.jsonl` for one scenario; `out.01-single-call.jsonl` and so on for several. */
function auditPath(base: string, scenarioFile: string, several: boolean): string {
  if (!several) return base;
  const extension = extname(base);
  const name = basename(scenarioFile, extname(scenarioFile));
  return `${base.slice(0, base.length - extension.length)}.${name}${extension}`;
}

export const runCommand: CommandDefinition = {
  name: 'run',
  summary: messages.summary,
  help: messages.help,
  async run(argv, io): Promise<ExitCode> {
    const parsed = await parseCommandArgs(this, argv, io, {
      json: { type: 'boolean', default: false },
      audit: { type: 'string' },
      report: { type: 'string' },
      'attempts-csv': { type: 'string' },
      seed: { type: 'string' },
      policy: { type: 'string', multiple: true, default: [] },
      packs: { type: 'string' },
    });
    if (typeof parsed === 'number') return parsed;
    const { values, positionals } = parsed;
    if (positionals.length === 0) return fail(io, messages.noInput);
    let seed: number | undefined;
    if (values.seed !== undefined) {
      seed = Number(values.seed);
      if (!Number.isInteger(seed)) return fail(io, messages.badSeed(values.seed));
    }

    // Every scenario is read and checked before any runs: a typo in the tenth file stops the first from running.
    const loaded: { scenario: LoadedScenario; pack: PolicyPack }[] = [];
    try {
      const packs = parsePacksOption(values.packs);
      const files = scenarioFiles(positionals);
      // So are the output paths: a report that cannot be written must not cost the whole run first.
      const outputs = [
        ...(values.audit === undefined ? [] : files.map((file) => ({ option: '--audit', path: auditPath(values.audit!, file, files.length > 1) }))),
        ...(values.report === undefined ? [] : [{ option: '--report', path: values.report }]),
        ...(values['attempts-csv'] === undefined ? [] : [{ option: '--attempts-csv', path: values['attempts-csv'] }]),
      ];
      for (const { option, path } of outputs) {
        const problem = outputPathProblem(path);
        if (problem !== undefined) return fail(io, messages.cannotWrite(option, path, problem));
      }
      const custom = await loadPolicyModules(values.policy);
      for (const file of files) {
        const pack = await packForScenarioFile(file, { ...(packs && { packs }), custom });
        loaded.push({ scenario: loadScenario(file, { pack }), pack });
      }
    } catch (error) {
      if (error instanceof InputError || error instanceof PolicyModuleError || error instanceof PolicyDefinitionError) return fail(io, error.message);
      throw error;
    }

    const several = loaded.length > 1;
    const rows: { file: string; result: ScenarioResult }[] = [];
    for (const { scenario, pack } of loaded) {
      const file = relative(process.cwd(), scenario.file) || scenario.file;
      let audit: FileAuditSink | undefined;
      if (values.audit !== undefined) {
        const path = auditPath(values.audit, scenario.file, several);
        try {
          audit = new FileAuditSink(path);
        } catch (error) {
          return failToWrite(io, error, '--audit', path);
        }
      }
      const progress = new ProgressBar(io, file);
      let result: ScenarioResult;
      try {
        result = runScenario(scenario, { pack, ...(seed !== undefined && { seed }), ...(audit && { audit }), onProgress: (share) => progress.update(share) });
      } catch (error) {
        if (error instanceof InputError) return fail(io, error.message);
        throw error;
      } finally {
        audit?.close();
        progress.done();
      }
      rows.push({ file, result });
      if (!values.json) await write(io.stdout, scenarioText(result, file));
    }

    if (values.json) {
      await write(io.stdout, `${JSON.stringify({ passed: rows.every(({ result }) => result.passed), scenarios: rows.map(({ file, result }) => resultForJson(file, result)) }, null, 2)}\n`);
    } else {
      await write(io.stdout, `\n${summaryTable(rows)}`);
    }
    if (values.report !== undefined) {
      try {
        writeFileSync(values.report, renderReport(rows.map(({ result }) => result)));
      } catch (error) {
        return failToWrite(io, error, '--report', values.report);
      }
      if (!values.json) await write(io.stdout, `${messages.wrote('the report', values.report)}\n`);
    }
    const csvPath = values['attempts-csv'];
    if (csvPath !== undefined) {
      try {
        writeFileSync(csvPath, attemptsCsv(rows.map(({ result }) => result)));
      } catch (error) {
        return failToWrite(io, error, '--attempts-csv', csvPath);
      }
      if (!values.json) await write(io.stdout, `${messages.wrote('the attempt table', csvPath)}\n`);
    }
    if (values.audit !== undefined && !values.json) {
      await write(io.stdout, `${messages.wrote(several ? 'audit logs' : 'the audit log', several ? auditPath(values.audit, '<scenario>', true) : values.audit)}\n`);
    }
    return rows.every(({ result }) => result.passed) ? 0 : 1;
  },
};

/**
 * The result for machines: everything but the per-attempt records, which the audit log holds. The breaches are the
 * whole run's (scripted steps too), so they are given once, beside the expectations, not again in the campaign.
 */
function resultForJson(file: string, result: ScenarioResult) {
  return {
    file,
    title: result.title,
    passed: result.passed,
    expectationsHeld: result.expectationsHeld,
    seed: result.seed,
    counts: result.counts,
    steps: result.steps.map(({ index, step, at, attempt }) => ({
      index,
      ...(step.id !== undefined && { id: step.id }),
      type: step.type,
      lead: step.lead,
      at,
      ...(attempt && {
        attemptId: attempt.record.attemptId,
        verdict: attempt.record.verdict,
        violations: attempt.record.violations.map(({ rule, citation, message }) => ({ rule, citation, message })),
        exemptions: attempt.record.exemptions.map(({ rule, reason }) => ({ rule, reason })),
        localTimes: attempt.record.localTimes,
        path: attempt.path,
      }),
    })),
    campaign: result.campaign === null ? null : withoutBreaches(result.campaign),
    expectations: result.expectations,
    breaches: result.breaches,
  };
}

function withoutBreaches({ breaches: _breaches, ...campaign }: CampaignSummary): Omit<CampaignSummary, 'breaches'> {
  return campaign;
}

function fail(io: CliIo, message: string): Promise<2> {
  return failWithUsage(io, 'run', message);
}

/** A file system refusal the check before the run could not foresee (a full disk, a folder removed meanwhile). */
function failToWrite(io: CliIo, error: unknown, option: string, path: string): Promise<2> {
  if (typeof (error as NodeJS.ErrnoException).code !== 'string') throw error;
  return fail(io, messages.cannotWrite(option, path, (error as Error).message));
}
