import { createInterface } from 'node:readline';
import { InputError } from '../../core/input-error.js';
import { loadScenario } from '../../scenario/load-scenario.js';
import { runScenario } from '../../scenario/run-scenario.js';
import type { PolicyPack } from '../../core/policy.js';
import { PolicyDefinitionError } from '../../core/policy-definition-error.js';
import { PolicyModuleError } from '../../policy-modules/load-policy-module.js';
import { packForScenarioFile } from '../../scenario/scenario-pack.js';
import { parsePacksOption } from '../packs-option.js';
import { renderCardText, requestCard } from '../../training/drill-card.js';
import { scenarioAttempts, type ScenarioAttempt } from '../../training/scenario-drills.js';
import { write, type CliIo, type CommandDefinition, type ExitCode } from '../io.js';
import { failWithUsage, parseCommandArgs } from '../command-args.js';
import { walkthroughMessages as messages } from './walkthrough-messages.js';

const DEFAULT_CAMPAIGN_LIMIT = 20;

function titleOf(pack: PolicyPack, rule: string): string {
  return pack.policies.find((policy) => policy.id === rule)?.title ?? rule;
}

function indent(text: string, spaces: number): string {
  return text.split('\n').map((line) => `${' '.repeat(spaces)}${line}`).join('\n');
}

/** One attempt: the card, the decision with every rule and exemption explained, the lifecycle states in order. */
function attemptText(pack: PolicyPack, attempt: ScenarioAttempt, index: number, total: number): string {
  const { record, path } = attempt.observed;
  const card = requestCard(attempt.name, attempt.request, attempt.floorZone, { e164: record.to, timeZones: record.callee.timeZones, localTimes: record.localTimes, states: record.callee.states });
  const lines = [
    messages.attemptHeading(index, total, attempt.name, record.at),
    messages.situation,
    indent(renderCardText(card), 1),
    messages.decision(record.verdict, record.to),
  ];
  if (record.violations.length === 0 && record.exemptions.length === 0) lines.push(messages.noFindings);
  for (const violation of record.violations) lines.push(messages.violation(violation, titleOf(pack, violation.rule)));
  for (const exemption of record.exemptions) lines.push(messages.exemption(exemption, titleOf(pack, exemption.rule)));
  lines.push(messages.lifecycle(['queued', 'screening', ...path]));
  return `${lines.join('\n')}\n`;
}

export const walkthroughCommand: CommandDefinition = {
  name: 'walkthrough',
  summary: messages.summary,
  help: messages.help,
  async run(argv, io): Promise<ExitCode> {
    const parsed = await parseCommandArgs(this, argv, io, {
      'no-pause': { type: 'boolean', default: false },
      limit: { type: 'string' },
      packs: { type: 'string' },
    });
    if (typeof parsed === 'number') return parsed;
    const { values, positionals } = parsed;
    if (positionals.length === 0) return fail(io, messages.noScenario);
    if (positionals.length > 1) return fail(io, messages.tooManyScenarios(positionals));
    let limit = DEFAULT_CAMPAIGN_LIMIT;
    if (values.limit !== undefined) {
      if (!/^\d+$/.test(values.limit)) return fail(io, messages.badLimit(values.limit));
      limit = Number(values.limit);
    }
    const file = positionals[0]!;
    let loaded;
    let pack: PolicyPack;
    try {
      const packs = parsePacksOption(values.packs);
      // The scenario's own packs and policies, as `dialsim run` screens it: its expectations may name its own rules.
      pack = await packForScenarioFile(file, { ...(packs && { packs }) });
      loaded = loadScenario(file, { pack });
    } catch (error) {
      if (error instanceof InputError || error instanceof PolicyModuleError || error instanceof PolicyDefinitionError) return fail(io, error.message);
      throw error;
    }
    const result = runScenario(loaded, { pack });
    const attempts = scenarioAttempts(loaded, result);
    const scripted = attempts.filter((attempt) => attempt.step !== null);
    const campaign = attempts.filter((attempt) => attempt.step === null);
    const shown = [...scripted, ...campaign.slice(0, limit)];

    const pause = !values['no-pause'] && (io.stdin as { isTTY?: boolean }).isTTY === true;
    const reader = pause ? createInterface({ input: io.stdin, terminal: false }) : null;
    const lines = reader?.[Symbol.asyncIterator]();
    const waitForEnter = async () => {
      if (lines === undefined) return;
      await write(io.stdout, messages.pause);
      await lines.next();
    };

    try {
      await write(io.stdout, messages.title(file, result.title, loaded.scenario.seller));
      if (result.notes !== undefined) await write(io.stdout, `${messages.notes(result.notes)}\n`);
      let number = 0;
      const byObserved = new Map(shown.map((attempt) => [attempt.observed, attempt]));
      for (const outcome of result.steps) {
        const { step } = outcome;
        if (step.type === 'dnc-request') await write(io.stdout, `${messages.dncStep(outcome.at, step.lead)}\n`);
        else if (step.type === 'consent') await write(io.stdout, `${messages.consentStep(outcome.at, step.lead, step.action, step.kind)}\n`);
        else if (outcome.attempt !== undefined) {
          await write(io.stdout, attemptText(pack, byObserved.get(outcome.attempt)!, ++number, shown.length));
          if (number < shown.length) await waitForEnter();
        }
      }
      for (const attempt of campaign.slice(0, limit)) {
        await write(io.stdout, attemptText(pack, attempt, ++number, shown.length));
        if (number < shown.length) await waitForEnter();
      }
      const note = messages.campaignNote(Math.min(limit, campaign.length), campaign.length);
      await write(io.stdout, `${note === '' ? '' : `${note}\n`}${messages.end(shown.length)}\n`);
    } finally {
      reader?.close();
    }
    return 0;
  },
};

function fail(io: CliIo, message: string): Promise<2> {
  return failWithUsage(io, 'walkthrough', message);
}
