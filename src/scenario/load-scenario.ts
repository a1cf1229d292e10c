import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DateTime } from 'luxon';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import type { Consent } from '../core/attempt.js';
import { closestKey, InputError, problemsFromZod, type InputProblem } from '../core/input-error.js';
import { parseInstantOrDate } from '../core/instant.js';
import type { PolicyPack } from '../core/policy.js';
import { knownKeysAt } from '../core/schema-keys.js';
import { leadFileSchema, leadSchema, parseCampaignConfig, parseLead, type Lead } from '../dialer/campaign-config.js';
import { readRegistryFile } from '../resolve/registry-file.js';
import { registryFromList } from '../resolve/resolve-attempt.js';
import { datedListCopy } from '../registry-store/dated-list-copy.js';
import { unionRegistry, type RegistryContext, type SharedRegistryCopy } from '../resolve/registry.js';
import { readLeadFile } from './lead-file.js';
import { scenarioSchema, type Moment, type Scenario } from './scenario-schema.js';
import { locatePath } from './yaml-locate.js';

/** A scenario read, validated and resolved: leads with their consents and relationships, registries loaded. */
export interface LoadedScenario {
  readonly file: string;
  readonly scenario: Scenario;
  readonly leads: readonly Lead[];
  readonly registries: RegistryContext;
  /** The SHA-256 of the scenario file's bytes (hex), for the audit log's header: which file exactly was run. */
  readonly sha256: string;
}

/**
 * The custom policy modules a scenario asks for (its `policies` field), resolved against its folder: read before the
 * scenario itself, because the rules it may name in expectations depend on them. Empty when the file cannot be
 * read or parsed; loadScenario then reports why.
 */
export function scenarioPolicyPaths(file: string): string[] {
  try {
    const policies = parseDocument(readFileSync(file, 'utf8')).get('policies');
    const paths = (policies as { toJSON?: () => unknown } | undefined)?.toJSON?.();
    return Array.isArray(paths) ? paths.filter((path): path is string => typeof path === 'string').map((path) => resolve(dirname(file), path)) : [];
  } catch {
    return [];
  }
}

/**
 * The built-in packs a scenario chooses (its `packs` field), read before the scenario itself for the same reason as
 * its policies. Undefined when it names none or the field is not a list; loadScenario reports a malformed one.
 */
export function scenarioPackIds(file: string): string[] | undefined {
  try {
    const packs = (parseDocument(readFileSync(file, 'utf8')).get('packs') as { toJSON?: () => unknown } | undefined)?.toJSON?.();
    return Array.isArray(packs) ? packs.filter((id): id is string => typeof id === 'string') : undefined;
  } catch {
    return undefined;
  }
}

/** Epoch milliseconds of a moment; a local time that does not exist (a DST gap) is an input problem. */
export function momentToEpochMs(moment: Moment): number | string {
  if (typeof moment === 'string') return parseInstantOrDate(moment) as number;
  const local = DateTime.fromISO(moment.local.replace(' ', 'T'), { zone: moment.zone });
  if (!local.isValid) return `${moment.local} is not a valid local time`;
  // luxon moves a time in a spring-forward gap to the next valid one; such a wall-clock time never happens.
  if (local.toFormat("yyyy-MM-dd'T'HH:mm") !== moment.local.replace(' ', 'T').slice(0, 16)) {
    return `${moment.local} does not exist in ${moment.zone} (the clocks skip it for daylight saving time)`;
  }
  // A time the clocks pass twice (fall back) means the earlier instant, as instantIn does in the testing kit; luxon
  // gives the later one, so look for the same wall-clock time one DST shift before it.
  for (const shift of [3_600_000, 1_800_000]) {
    const earlier = DateTime.fromMillis(local.toMillis() - shift, { zone: moment.zone });
    if (earlier.toFormat("yyyy-MM-dd'T'HH:mm:ss") === local.toFormat("yyyy-MM-dd'T'HH:mm:ss")) return earlier.toMillis();
  }
  return local.toMillis();
}

/**
 * Reads a scenario file. Every problem names the file, line and column and the field path; a lead row that fails
 * validation refuses the whole scenario (it is never dropped), and so does a reference to an unknown lead, step or
 * rule id.
 */
export function loadScenario(file: string, options: { pack: PolicyPack }): LoadedScenario {
  let text: string;
  let sha256: string;
  try {
    const bytes = readFileSync(file);
    sha256 = createHash('sha256').update(bytes).digest('hex');
    text = bytes.toString('utf8');
  } catch (error) {
    throw new InputError([{ path: '', message: `cannot read scenario: ${(error as Error).message}` }], { source: file });
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    throw new InputError(
      document.errors.map((error) => {
        const position = lineCounter.linePos(error.pos[0]);
        return { path: '', message: `YAML syntax error: ${error.message.split('\n')[0]}`, location: `${file}:${position.line}:${position.col}` };
      }),
    );
  }
  const where = (path: readonly PropertyKey[]) => {
    const position = locatePath(document, path, lineCounter);
    return position === null ? file : `${file}:${position.line}:${position.column}`;
  };

  const raw = document.toJS() as unknown;
  const parsed = scenarioSchema.safeParse(raw);
  if (!parsed.success) {
    const detailed = scenarioSchema.safeParse(raw, { reportInput: true }).error!;
    const problems = problemsFromZod(new z.ZodError(unwrapUnionIssues(detailed.issues)), scenarioKeysAt).map((problem) => ({
      ...problem,
      location: where(problem.keys ?? []),
    }));
    throw new InputError(problems);
  }
  const scenario = parsed.data;
  const problems: InputProblem[] = [];
  const base = dirname(file);

  // Where each lead was written: its YAML entry, or its CSV line, so a duplicate id is reported where it is.
  const sources = Array.isArray(scenario.leads)
    ? scenario.leads.map((lead, index) => ({ lead: parseLead(lead, `${where(['leads', index])}: leads[${index}]`), location: where(['leads', index, 'id']) }))
    : readLeadFile(scenario.leads, resolve(base, scenario.leads.file), where, problems);
  // When the lead file has problems, references to its leads cannot be checked: a lead on a refused row is not unknown.
  const leadsComplete = problems.length === 0;
  const leads = sources.map((source) => source.lead);
  const leadIds = new Map<string, number>();
  sources.forEach(({ lead, location }, index) => {
    const first = leadIds.get(lead.id);
    if (first === undefined) leadIds.set(lead.id, index);
    else {
      const path = Array.isArray(scenario.leads) ? `leads[${index}].id` : 'id';
      problems.push({ path, message: `lead id "${lead.id}" appears twice (first at ${sources[first]!.location})`, location });
    }
  });
  const knownLead = (leadId: string, path: (string | number)[]) => {
    if (leadIds.has(leadId)) return true;
    if (!leadsComplete) return false;
    problems.push({ path: path.join('.').replace(/\.(\d+)/g, '[$1]'), message: `unknown lead "${leadId}" (the scenario's leads are ${[...leadIds.keys()].slice(0, 8).join(', ')}${leadIds.size > 8 ? ', ...' : ''})`, location: where(path) });
    return false;
  };

  const withFacts = leads.map((lead) => ({ ...lead, consents: [...lead.consents] as Consent[], relationship: { ...lead.relationship } }));
  scenario.consents?.forEach((consent, index) => {
    if (!knownLead(consent.lead, ['consents', index, 'lead'])) return;
    withFacts[leadIds.get(consent.lead)!]!.consents.push({
      kind: consent.kind,
      seller: consent.seller ?? scenario.seller,
      grantedAt: parseInstantOrDate(consent.grantedAt) as number,
      revokedAt: consent.revokedAt == null ? null : (parseInstantOrDate(consent.revokedAt) as number),
    });
  });
  scenario.relationships?.forEach((relationship, index) => {
    if (!knownLead(relationship.lead, ['relationships', index, 'lead'])) return;
    const lead = withFacts[leadIds.get(relationship.lead)!]!;
    lead.relationship = {
      lastTransactionAt: relationship.lastTransactionAt == null ? null : (parseInstantOrDate(relationship.lastTransactionAt) as number),
      lastInquiryAt: relationship.lastInquiryAt == null ? null : (parseInstantOrDate(relationship.lastInquiryAt) as number),
      ...(relationship.personal !== undefined && { personal: relationship.personal }),
    };
  });

  const stepIds = new Set<string>();
  let previousStepAt = Number.NEGATIVE_INFINITY;
  scenario.steps?.forEach((step, index) => {
    knownLead(step.lead, ['steps', index, 'lead']);
    const at = momentToEpochMs(step.at);
    if (typeof at === 'string') problems.push({ path: `steps[${index}].at`, message: at, location: where(['steps', index, 'at']) });
    // Steps run in file order; one that goes back in time would see the effects of later ones (a do-not-call request).
    else if (at < previousStepAt) {
      problems.push({ path: `steps[${index}].at`, message: 'is earlier than the step before it: list steps in time order', location: where(['steps', index, 'at']) });
    } else previousStepAt = at;
    if (step.id !== undefined) {
      if (stepIds.has(step.id)) problems.push({ path: `steps[${index}].id`, message: `step id "${step.id}" appears twice`, location: where(['steps', index, 'id']) });
      stepIds.add(step.id);
    }
  });
  if (scenario.campaign && scenario.dialer === undefined) {
    problems.push({ path: 'campaign', message: 'a campaign run needs a dialer (mode and agents)', location: where(['campaign']) });
  }
  if (scenario.campaign && scenario.dialer !== undefined) problems.push(...campaignProblems(scenario, where));
  const ruleIds = new Set(options.pack.policies.map((policy) => policy.id));
  const knownRule = (rule: string, path: (string | number)[]) => {
    if (ruleIds.has(rule)) return;
    const suggestion = closestKey(rule, [...ruleIds]);
    const hint = suggestion === undefined ? `known: ${[...ruleIds].join(', ')}` : `did you mean "${suggestion}"?`;
    problems.push({ path: path.join('.').replace(/\.(\d+)/g, '[$1]'), message: `unknown rule id "${rule}" (${hint})`, location: where(path) });
  };
  scenario.expect.forEach((expectation, index) => {
    if (expectation.type === 'decision') {
      if (expectation.step === undefined && expectation.lead === undefined) {
        problems.push({ path: `expect[${index}]`, message: 'a decision expectation names a step or a lead', location: where(['expect', index]) });
      }
      if (expectation.step !== undefined && !stepIds.has(expectation.step)) {
        problems.push({ path: `expect[${index}].step`, message: `unknown step id "${expectation.step}"`, location: where(['expect', index, 'step']) });
      }
      if (expectation.lead !== undefined) knownLead(expectation.lead, ['expect', index, 'lead']);
      expectation.rules?.forEach((rule, ruleIndex) => knownRule(rule, ['expect', index, 'rules', ruleIndex]));
      expectation.exemptions?.forEach((rule, ruleIndex) => knownRule(rule, ['expect', index, 'exemptions', ruleIndex]));
    }
    if (expectation.type === 'count' && expectation.rule !== undefined) knownRule(expectation.rule, ['expect', index, 'rule']);
  });

  const registries = loadRegistries(scenario, base, where, problems);
  if (problems.length > 0) throw new InputError(problems);
  return { file, scenario, leads: withFacts, registries, sha256 };
}

/** The campaign configuration a scenario's campaign run uses (`seed` may be overridden at run time). */
export function campaignInputOf(scenario: Scenario, seed: number): Record<string, unknown> {
  return {
    seed,
    seller: scenario.seller,
    callerKind: scenario.callerKind,
    ...(scenario.firmContact !== undefined && { firmContact: scenario.firmContact }),
    purpose: scenario.purpose,
    start: scenario.clock.start,
    days: scenario.clock.days,
    ...scenario.dialer,
    ...(scenario.outcomeModel !== undefined && { outcomeModel: scenario.outcomeModel }),
  };
}

const DIALER_FIELDS = new Set(['mode', 'agents', 'pacing', 'retry', 'batchSize', 'filters']);

/**
 * Checks the campaign configuration when the scenario loads, so what only the whole configuration can tell (a
 * broker-dealer without firmContact, outcome shares that do not add up) refuses the scenario before any step runs,
 * with the line of the field, instead of failing halfway through the run.
 */
function campaignProblems(scenario: Scenario, where: (path: readonly PropertyKey[]) => string): InputProblem[] {
  try {
    parseCampaignConfig(campaignInputOf(scenario, scenario.seed));
    return [];
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return error.problems.map((problem) => {
      // Outcome-model share problems carry no path; the rest name a configuration field, under `dialer` here.
      const field = problem.path === '' ? 'outcomeModel' : problem.path.split(/[.[]/)[0]!;
      const keys = DIALER_FIELDS.has(field) ? ['dialer', field] : [field];
      return { ...problem, path: DIALER_FIELDS.has(field) ? `dialer.${problem.path}` : problem.path, location: where(keys) };
    });
  }
}

/**
 * zod reports a union that fails as one issue at the union's path ("leads: expected a list of leads or { file }"),
 * which hides the real problem (`leads[3].phnoe`) inside the branch the input was written for. When exactly one
 * branch accepts the input's type, its own issues are reported instead, at their full paths.
 */
function unwrapUnionIssues(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  return issues.flatMap((issue) => {
    if (issue.code !== 'invalid_union') return [issue];
    const typeMatches = issue.errors.filter((branch) => !branch.some((inner) => inner.code === 'invalid_type' && inner.path.length === 0));
    if (typeMatches.length !== 1) return [issue];
    return unwrapUnionIssues(typeMatches[0]!.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] })));
  });
}

/** Field names at a path, for "did you mean"; `leads` is a union (list or file), so a lead's keys are looked up directly. */
function scenarioKeysAt(path: readonly PropertyKey[]): string[] {
  if (path[0] === 'leads' && typeof path[1] === 'number') return knownKeysAt(leadSchema, path.slice(2));
  if (path[0] === 'leads') return knownKeysAt(leadFileSchema, path.slice(1));
  return knownKeysAt(scenarioSchema, path);
}

function loadRegistries(
  scenario: Scenario,
  base: string,
  where: (path: readonly PropertyKey[]) => string,
  problems: InputProblem[],
): RegistryContext {
  const collect = <T>(load: () => T, fallback: T): T => {
    try {
      return load();
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(...error.problems);
      return fallback;
    }
  };
  const registry = (source: { numbers?: string[] | undefined; file?: string | undefined }, field: string) => {
    const fromList = collect(() => registryFromList(source.numbers ?? [], `${where(['registries', field, 'numbers'])}: registries.${field}.numbers`), registryFromList([], ''));
    if (source.file === undefined) return fromList;
    return unionRegistry(fromList, collect(() => readRegistryFile(resolve(base, source.file!)), registryFromList([], '')));
  };
  const { national, internal, states, canada } = scenario.registries ?? {};
  const syncDate = (text: string | undefined) => (text === undefined ? null : (parseInstantOrDate(text) as number));
  // Where a copy came from, as the scenario says it: its own numbers (`inline`), a file, or both.
  const sourceOf = (source: { numbers?: string[] | undefined; file?: string | undefined }) =>
    [source.numbers !== undefined || source.file === undefined ? 'inline' : null, source.file ?? null].filter((part) => part !== null).join(' + ');
  const datedCopy = (copy: { syncedAt?: string | undefined; numbers?: string[] | undefined; file?: string | undefined; store?: string | undefined }, field: string): SharedRegistryCopy => {
    const listed = registry(copy, field);
    const location = copy.store === undefined ? undefined : where(['registries', ...field.split('.'), 'store']);
    // A store that cannot be opened is reported; loading goes on only to report the scenario's other problems.
    return collect(() => datedListCopy(copy, listed, { base, field, source: sourceOf(copy), ...(location !== undefined && { location }) }), { syncedAt: null, numbers: listed });
  };
  return {
    ...(national && { national: datedCopy(national, 'national') }),
    ...(internal && { internal: { numbers: registry(internal, 'internal'), source: sourceOf(internal) } }),
    ...(states && {
      states: new Map(Object.entries(states).map(([state, copy]) => [state, datedCopy(copy, `states.${state}`)])),
    }),
    ...(canada && { canada: { syncedAt: syncDate(canada.syncedAt), numbers: registry(canada, 'canada'), source: sourceOf(canada) } }),
  };
}
