import { isDeepStrictEqual } from 'node:util';
import { describe, it } from 'vitest';
import { parseCheckRequest, type CheckRequestInput } from '../core/check-request.js';
import type { Decision, Exemption, Violation } from '../core/decision.js';
import { closestKey } from '../core/input-error.js';
import { ENGINE_MESSAGE_IDS, type EngineMessageId, type ExtensionNeeds, type MessageData, type Policy, type PolicyPack } from '../core/policy.js';
import { compilePack } from '../engine/compile-pack.js';
import { screen } from '../engine/screen.js';
import { packsInForce } from '../engine/packs-in-force.js';
import { aCheckRequest } from './a-check-request.js';
import { findingLines, verdictSummary } from './decision-report.js';

/**
 * A finding a case expects. `rule` defaults to the policy under test; name another rule only for the findings of
 * the pack around it (the guard that blocks when a fact the policy requires is unknown).
 */
export type ExpectedFinding<MessageId extends string = string> =
  | { readonly rule?: undefined; readonly messageId: MessageId | EngineMessageId; readonly data?: MessageData; readonly message?: string }
  | { readonly rule: string; readonly messageId: string; readonly data?: MessageData; readonly message?: string };

/** A call the policy lets through. */
export interface AllowedCase<MessageId extends string = string> {
  /** Names the vitest test; unique in the table. */
  readonly name: string;
  /** Overrides of `aCheckRequest()`'s defaults: the call to screen. */
  readonly request?: Partial<CheckRequestInput>;
  /** Every exemption the decision must report; none when left out. */
  readonly exemptions?: readonly ExpectedFinding<MessageId>[];
}

/** A call the policy blocks, with every finding the decision must report (at least one). */
export interface BlockedCase<MessageId extends string = string> extends AllowedCase<MessageId> {
  readonly findings: readonly ExpectedFinding<MessageId>[];
}

export interface PolicyTable<MessageId extends string = string> {
  readonly allowed: readonly AllowedCase<MessageId>[];
  readonly blocked: readonly BlockedCase<MessageId>[];
}

export interface TestPolicyOptions {
  /**
   * The pack to screen with; it must contain the policy. By default the policy alone, with the guard rules of the
   * built-in packs for the facts it `requires`, so only its own findings (and its guards') can appear.
   */
  readonly pack?: PolicyPack;
}

/** A mistake in a `testPolicy` table: the table, not the policy, is wrong. */
export class PolicyTableError extends Error {
  override name = 'PolicyTableError';
}

const CASE_FIELDS = { allowed: ['name', 'request', 'exemptions'], blocked: ['name', 'request', 'exemptions', 'findings'] };
const FINDING_FIELDS = ['rule', 'messageId', 'data', 'message'];

/** The pack a policy is tested in by default: itself, and the guard rules for the facts it requires. */
export function packFor(policy: Policy): PolicyPack {
  const guards = packsInForce().policies.filter((candidate) => candidate.guards !== undefined && policy.requires?.includes(candidate.guards));
  return { id: `testPolicy(${policy.id})`, title: `${policy.title} (under test)`, policies: [...guards.filter((guard) => guard.id !== policy.id), policy] };
}

/**
 * Checks a table before any case runs: both lists present and non-empty, every case named (uniquely), allowed
 * cases listing no findings and blocked ones at least one, every field known, and every message id one the rule
 * declares (or one the engine reports for it). Throws a `PolicyTableError` naming the case and the field.
 */
export function validatePolicyTable(policy: Policy, table: PolicyTable, pack: PolicyPack): void {
  const fail = (problem: string): never => {
    throw new PolicyTableError(`testPolicy(${policy.id}): ${problem}`);
  };
  if (typeof table !== 'object' || table === null || !Array.isArray(table.allowed) || !Array.isArray(table.blocked)) {
    fail('the table needs an "allowed" and a "blocked" array of cases');
  }
  const unknownTableKeys = Object.keys(table).filter((key) => key !== 'allowed' && key !== 'blocked');
  if (unknownTableKeys.length > 0) fail(`unknown field "${unknownTableKeys[0]}" in the table (it has "allowed" and "blocked")`);
  if (table.allowed.length === 0) fail('"allowed" is empty: add at least one call the rule lets through');
  if (table.blocked.length === 0) fail('"blocked" is empty: a table without a blocked case cannot fail; add at least one call the rule blocks');

  const names = new Map<string, string>();
  for (const kind of ['allowed', 'blocked'] as const) {
    table[kind].forEach((entry: AllowedCase | BlockedCase, index) => {
      const where = `${kind}[${index}]`;
      if (typeof entry !== 'object' || entry === null) fail(`${where} is not a case object`);
      if (typeof entry.name !== 'string' || entry.name.trim() === '') fail(`${where} has no name: every case needs one, it names the test`);
      const label = `${where} "${entry.name}"`;
      const earlier = names.get(entry.name);
      if (earlier !== undefined) fail(`${label}: ${earlier} already has this name; case names must be unique`);
      names.set(entry.name, where);
      for (const key of Object.keys(entry)) {
        if (!CASE_FIELDS[kind].includes(key)) {
          if (kind === 'allowed' && key === 'findings') fail(`${label}: an allowed case may not list findings; move it to "blocked"`);
          const suggestion = closestKey(key, CASE_FIELDS[kind]);
          fail(`${label}: unknown field "${key}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`);
        }
      }
      if (kind === 'blocked') {
        const findings = (entry as BlockedCase).findings;
        if (!Array.isArray(findings) || findings.length === 0) fail(`${label}: a blocked case must list at least one finding`);
        findings.forEach((finding, position) => checkFinding(finding, `${label}: findings[${position}]`));
      }
      if (entry.exemptions !== undefined) {
        if (!Array.isArray(entry.exemptions)) fail(`${label}: exemptions must be an array of findings`);
        entry.exemptions.forEach((finding, position) => checkFinding(finding, `${label}: exemptions[${position}]`));
      }
    });
  }

  function checkFinding(finding: ExpectedFinding, where: string): void {
    if (typeof finding !== 'object' || finding === null) fail(`${where} is not a finding object`);
    for (const key of Object.keys(finding)) {
      if (!FINDING_FIELDS.includes(key)) {
        const suggestion = closestKey(key, FINDING_FIELDS);
        fail(`${where}: unknown field "${key}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`);
      }
    }
    const ruleId = finding.rule ?? policy.id;
    const rule = pack.policies.find((candidate) => candidate.id === ruleId);
    if (rule === undefined) fail(`${where}: rule "${ruleId}" is not in the pack the cases run in (${pack.policies.map((candidate) => candidate.id).join(', ')})`);
    const known = [...Object.keys(rule!.messages), ...ENGINE_MESSAGE_IDS];
    if (typeof finding.messageId !== 'string' || !known.includes(finding.messageId)) {
      const suggestion = typeof finding.messageId === 'string' ? closestKey(finding.messageId, known) : undefined;
      fail(
        `${where}: messageId ${JSON.stringify(finding.messageId)} is not a message of ${ruleId}` +
          `${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; its messages: ${Object.keys(rule!.messages).join(', ')}`,
      );
    }
  }
}

type Found = Violation | Exemption;

/** The finding cut down to the fields the expectation states, so the comparison and the diff show only those. */
function projected(found: readonly Found[], expected: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  return found.map((finding, index) => {
    const wanted = expected[index];
    return {
      rule: finding.rule,
      messageId: finding.messageId,
      ...(wanted?.data !== undefined && { data: finding.data }),
      ...(wanted?.message !== undefined && { message: 'message' in finding ? finding.message : finding.reason }),
    };
  });
}

function normalised(expected: readonly ExpectedFinding[], policyId: string): Record<string, unknown>[] {
  return expected.map(({ rule, ...rest }) => ({
    rule: rule ?? policyId,
    ...Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined)),
  }));
}

/** Screens one case's request with the pack, as `dialsim check` would. */
export function screenCase(entry: AllowedCase, pack: PolicyPack): Decision {
  return screen(parseCheckRequest(aCheckRequest(entry.request)), { pack });
}

/** A case whose decision differs from its table entry; `actual` and `expected` feed vitest's diff. */
export class PolicyCaseError extends Error {
  override name = 'PolicyCaseError';
  readonly showDiff = true;

  constructor(
    message: string,
    readonly actual: unknown,
    readonly expected: unknown,
  ) {
    super(message);
  }
}

function listed(expected: readonly Record<string, unknown>[]): string {
  return expected.map((finding) => `${String(finding.rule)} (${String(finding.messageId)})`).join(', ');
}

/**
 * Runs one case and asserts it: an allowed case must be allowed, a blocked one must report exactly the listed
 * findings (in the order the pack reports them), and both exactly the listed exemptions. A failure message lists
 * every finding of the decision; the error carries both lists for the diff.
 */
export function runPolicyCase(policy: Policy, pack: PolicyPack, kind: 'allowed' | 'blocked', entry: AllowedCase | BlockedCase): void {
  const decision = screenCase(entry, pack);
  const received = [`Received: ${verdictSummary(decision)}`, ...findingLines(decision)].join('\n');
  const subject = `${policy.id}, ${kind} case "${entry.name}"`;

  const findings = normalised(kind === 'blocked' ? (entry as BlockedCase).findings : [], policy.id);
  const violations = projected(decision.violations, findings);
  if (!isDeepStrictEqual(violations, findings)) {
    const expected = findings.length === 0 ? 'allowed' : `blocked by ${listed(findings)}`;
    throw new PolicyCaseError(`${subject}: the violations are not the table's\n\nExpected: ${expected}\n${received}`, violations, findings);
  }
  const exemptions = normalised(entry.exemptions ?? [], policy.id);
  const lifted = projected(decision.exemptions, exemptions);
  if (!isDeepStrictEqual(lifted, exemptions)) {
    const expected = exemptions.length === 0 ? 'no exemption' : `exemptions ${listed(exemptions)}`;
    throw new PolicyCaseError(`${subject}: the exemptions are not the table's\n\nExpected: ${expected}\n${received}`, lifted, exemptions);
  }
}

/**
 * Tests a policy against a table of calls, the way ESLint's RuleTester tests a rule: one vitest test per case, named
 * by the case, under `describe(policy.id)`. The table is checked first (see `validatePolicyTable`).
 * @example
 * testPolicy(companyHolidays, {
 *   allowed: [{ name: 'an ordinary Tuesday', request: { at: instantIn('2026-03-10 10:00', 'America/New_York') } }],
 *   blocked: [{ name: 'Independence Day', request: { at: instantIn('2026-07-04 10:00', 'America/New_York') }, findings: [{ messageId: 'holiday' }] }],
 * });
 */
export function testPolicy<MessageId extends string>(
  policy: Policy<MessageId, ExtensionNeeds>,
  table: PolicyTable<NoInfer<MessageId>>,
  options: TestPolicyOptions = {},
): void {
  const pack = options.pack ?? packFor(policy as Policy);
  if (!pack.policies.some((candidate) => candidate.id === policy.id)) {
    throw new PolicyTableError(`testPolicy(${policy.id}): the pack ${pack.id} does not contain the policy under test`);
  }
  compilePack(pack);
  validatePolicyTable(policy as Policy, table as PolicyTable, pack);
  describe(policy.id, () => {
    describe('allowed', () => {
      for (const entry of table.allowed) it(entry.name, () => runPolicyCase(policy as Policy, pack, 'allowed', entry));
    });
    describe('blocked', () => {
      for (const entry of table.blocked) it(entry.name, () => runPolicyCase(policy as Policy, pack, 'blocked', entry));
    });
  });
}
