import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDateUtc } from '../../src/core/instant.js';
import { parseCheckRequest } from '../../src/core/check-request.js';
import { weekdayOf, WEEKDAYS } from '../../src/core/calendar.js';
import { wallClock } from '../../src/core/clock.js';
import type { Decision } from '../../src/core/decision.js';
import type { ScreeningFacts } from '../../src/core/facts.js';
import type { PolicyPack } from '../../src/core/policy.js';
import { compilePack } from '../../src/engine/compile-pack.js';
import { evaluatePack, packBlocks, ruleBlocks } from '../../src/engine/evaluate-pack.js';
import { NEXT_ALLOWED_HORIZON_MS } from '../../src/engine/next-allowed.js';
import { packsInForce } from '../../src/engine/packs-in-force.js';
import { screen, screenWithFacts } from '../../src/engine/screen.js';
import { withoutTimeRules } from '../../src/engine/without-time-rules.js';
import { localTimeDirect } from '../../src/resolve/local-time.js';
import { directStrategy, resolveAttempt } from '../../src/resolve/resolve-attempt.js';
import { arbitraryRequest } from '../support/arbitrary-request.js';

/**
 * The engine's fast paths held to the code they replaced: the verdict-only pass to evaluatePack's verdict, the
 * candidate search to the search as first written (every candidate's facts spread, the whole pack evaluated at the
 * last), and the cached calendar helpers to their direct computation.
 */

const RUNS = 1500;
const HOUR_MS = 3_600_000;

const arbitraryPack: fc.Arbitrary<PolicyPack> = fc
  .record({
    packs: fc.subarray(['us-federal', 'us-states', 'canada', 'finra', 'canada-provinces'], { minLength: 1 }),
    skipTimeRules: fc.boolean(),
  })
  .map(({ packs, skipTimeRules }) => (skipTimeRules ? withoutTimeRules(packsInForce({ packs })) : packsInForce({ packs })));

/** Earlier calls near the request's instant, so that call caps (and their named instants) come into play. */
const withHistory = fc.tuple(arbitraryRequest, fc.array(fc.integer({ min: -30, max: 2 }), { maxLength: 5 }), fc.constantFrom(undefined, 'solar'))
  .map(([request, hoursBefore, subject]) => ({
    ...request,
    ...(subject !== undefined && { subject }),
    // Fresh copies, so that time rules alone block often enough for the search to run.
    registries: {
      national: { syncedAt: new Date(Date.parse(request.at) - 24 * HOUR_MS).toISOString(), numbers: [] },
      canada: { syncedAt: new Date(Date.parse(request.at) - 24 * HOUR_MS).toISOString(), numbers: [] },
      states: Object.fromEntries(['FL', 'TX', 'CO', 'IN', 'LA', 'MO', 'PA', 'TN', 'WY', 'OK'].map((code) => [code, { syncedAt: new Date(Date.parse(request.at) - 24 * HOUR_MS).toISOString(), numbers: [] }])),
    },
    history: hoursBefore.map((hours) => ({ at: new Date(Date.parse(request.at) + hours * HOUR_MS).toISOString() })),
  }));

/** The search as first written, with the reference local-time conversion. */
function referenceNextAllowedAt(pack: PolicyPack, facts: ScreeningFacts, decision: Decision): number | undefined {
  const compiled = compilePack(pack);
  const factsAt = (at: number): ScreeningFacts => ({
    ...facts,
    at,
    callee: { ...facts.callee, localTimes: facts.callee.localTimes.map((local) => localTimeDirect(local.zone, at)) },
  });
  const timeRules = compiled.regular.filter((entry) => entry.policy.timeRule === true);
  const byId = new Map(timeRules.map((entry) => [entry.policy.id, entry]));
  if (!decision.violations.every((found) => byId.get(found.rule)?.templates.has(found.messageId) === true)) return undefined;
  const blocking = new Set(decision.violations.map((found) => found.rule));
  const ordered = [...timeRules.filter((entry) => blocking.has(entry.policy.id)), ...timeRules.filter((entry) => !blocking.has(entry.policy.id))];
  const end = facts.at + NEXT_ALLOWED_HORIZON_MS;
  const grid = Math.floor(facts.at / 1_800_000) * 1_800_000;
  const named = timeRules.flatMap((entry) => entry.policy.changesAt?.(facts) ?? []).filter((at) => at > facts.at && at <= end);
  const candidates = [...new Set([...named, ...Array.from({ length: 14 * 48 }, (_, step) => grid + (step + 1) * 1_800_000)])].sort((a, b) => a - b);
  for (const at of candidates) {
    const later = factsAt(at);
    if (!ordered.some((entry) => ruleBlocks(entry, later))) return evaluatePack(pack, later).verdict === 'allow' ? at : undefined;
  }
  return undefined;
}

/**
 * Requests that time rules alone block, more often than not: telemarketing by hand to a residence with fresh copies,
 * at any hour of the nights around the changes of clocks, to numbers of one zone, of two (208, 850), of a fixed
 * statutory clock (601, Mississippi), of Sunday hours (214, Texas), of banned days (504, Louisiana; 801, Utah's
 * holidays), of Canada (416, 604); sometimes with the zone given, with earlier calls, or as a broker-dealer.
 */
const timeRulesAlone = fc
  .record({
    start: fc.constantFrom('2026-03-06T00:00:00Z', '2026-10-30T00:00:00Z', '2025-11-01T00:00:00Z', '2026-12-23T00:00:00Z', '2026-07-02T00:00:00Z'),
    minutes: fc.integer({ min: 0, max: 4 * 24 * 60 }),
    seconds: fc.constantFrom(0, 0, 0, 1, 59, 59.5),
    areaCode: fc.constantFrom('208', '850', '601', '214', '504', '801', '416', '604', '212', '907', '808', '928'),
    timeZone: fc.option(fc.constantFrom('America/Denver', 'America/Chicago', 'America/Los_Angeles'), { nil: undefined, freq: 6 }),
    brokerDealer: fc.boolean(),
    hoursBefore: fc.array(fc.integer({ min: -30, max: 2 }), { maxLength: 4 }),
    lastTransactionDays: fc.option(fc.integer({ min: -3, max: 600 }), { nil: undefined }),
  })
  .map(({ start, minutes, seconds, areaCode, timeZone, brokerDealer, hoursBefore, lastTransactionDays }) => {
    const atMs = Date.parse(start) + minutes * 60_000 + seconds * 1000;
    const fresh = new Date(atMs - 24 * HOUR_MS).toISOString();
    return {
      at: new Date(atMs).toISOString(),
      to: `+1${areaCode}5550123`,
      method: 'manual' as const,
      caller: { seller: 'acme', ...(brokerDealer && { kind: 'broker-dealer' as const }) },
      callee: { lineType: 'landline' as const, ...(timeZone !== undefined && { timeZone }) },
      ...(lastTransactionDays !== undefined && { relationship: { lastTransactionAt: new Date(atMs - lastTransactionDays * 24 * HOUR_MS).toISOString() } }),
      history: hoursBefore.map((hours) => ({ at: new Date(atMs + hours * HOUR_MS).toISOString() })),
      registries: {
        national: { syncedAt: fresh, numbers: [] },
        canada: { syncedAt: fresh, numbers: [] },
        states: Object.fromEntries(['FL', 'TX', 'ID', 'OR', 'LA', 'MS', 'UT', 'NY', 'AK', 'HI', 'AZ'].map((code) => [code, { syncedAt: fresh, numbers: [] }])),
      },
    };
  });

describe('engine fast paths', () => {
  it('packBlocks is evaluatePack\'s verdict, at the call and at later instants', () => {
    fc.assert(
      fc.property(withHistory, arbitraryPack, fc.integer({ min: 0, max: 14 * 48 }), (request, pack, halfHours) => {
        const facts = resolveAttempt(parseCheckRequest(request), { strategy: directStrategy, supportedRegions: compilePack(pack).regions });
        const later = { ...facts, at: facts.at + halfHours * 1_800_000, callee: { ...facts.callee, localTimes: facts.callee.localTimes.map((local) => localTimeDirect(local.zone, facts.at + halfHours * 1_800_000)) } };
        for (const each of [facts, later]) expect(packBlocks(compilePack(pack), each)).toBe(evaluatePack(pack, each).verdict === 'block');
      }),
      { numRuns: RUNS },
    );
  });

  it('nextAllowedAt is the first candidate the search as first written finds, or absent where it finds none', () => {
    let found = 0;
    fc.assert(
      fc.property(withHistory, arbitraryPack, (request, pack) => {
        const attempt = parseCheckRequest(request);
        const { decision, facts } = screenWithFacts(attempt, { pack });
        const reference = decision.verdict === 'block' ? referenceNextAllowedAt(pack, facts, { ...decision, nextAllowedAt: undefined } as Decision) : undefined;
        const zone = facts.callee.localTimes[0]?.zone;
        const expected = reference === undefined ? undefined : zone === undefined ? new Date(reference).toISOString().replace('.000Z', 'Z') : localTimeDirect(zone, reference).iso;
        if (expected !== undefined) found++;
        expect(decision.nextAllowedAt).toBe(expected);
        // The decision itself is the reference evaluation's, whatever the strategy.
        const { nextAllowedAt: _, ...rest } = decision;
        expect(rest).toEqual(evaluatePack(pack, resolveAttempt(attempt, { strategy: directStrategy, supportedRegions: compilePack(pack).regions })));
      }),
      { numRuns: RUNS },
    );
    // Most arbitrary requests are blocked by a rule other than a time rule too; enough are not to exercise the search.
    expect(found).toBeGreaterThan(RUNS / 100);
  });

  it('nextAllowedAt with the rules\' jumps (blockLasts) is the half-hour search\'s answer, across changes of clocks too', () => {
    let found = 0;
    const packs = [packsInForce({ packs: ['us-federal', 'us-states', 'canada', 'finra', 'canada-provinces'] }), packsInForce({ packs: ['us-federal'] })];
    fc.assert(
      fc.property(timeRulesAlone, fc.constantFrom(...packs), (request, pack) => {
        const { decision, facts } = screenWithFacts(parseCheckRequest(request), { pack });
        const reference = decision.verdict === 'block' ? referenceNextAllowedAt(pack, facts, { ...decision, nextAllowedAt: undefined } as Decision) : undefined;
        const zone = facts.callee.localTimes[0]?.zone;
        const expected = reference === undefined ? undefined : zone === undefined ? new Date(reference).toISOString().replace('.000Z', 'Z') : localTimeDirect(zone, reference).iso;
        if (expected !== undefined) found++;
        expect(decision.nextAllowedAt).toBe(expected);
      }),
      { numRuns: 3000 },
    );
    expect(found).toBeGreaterThan(3000 / 5);
  });

  it('screen gives the same decision for the same attempt, asked twice (the caches change no answer)', () => {
    fc.assert(
      fc.property(withHistory, (request) => {
        const attempt = parseCheckRequest(request);
        expect(JSON.stringify(screen(attempt))).toBe(JSON.stringify(screen(attempt)));
      }),
      { numRuns: 300 },
    );
  });

  it('screens an attempt the same whatever was screened just before it, the same number at another time or on a business line included (the rules keep their last answers)', () => {
    fc.assert(
      fc.property(withHistory, withHistory, fc.boolean(), fc.integer({ min: -30, max: 30 }), (request, other, business, hours) => {
        const attempt = parseCheckRequest(request);
        // The same number as `request`, with another caller, method, business flag and time: what a rule's last
        // answer could wrongly be kept for.
        const near = parseCheckRequest({ ...other, to: request.to, callee: { ...other.callee, business }, at: new Date(Date.parse(request.at) + hours * HOUR_MS).toISOString() });
        const unrelated = parseCheckRequest({ ...other, to: request.to.startsWith('+1303') ? '+12125550100' : '+13035550100' });
        screen(unrelated);
        const first = JSON.stringify(screen(attempt));
        const nearFirst = JSON.stringify(screen(near));
        expect(JSON.stringify(screen(attempt))).toBe(first);
        screen(unrelated);
        expect(JSON.stringify(screen(near))).toBe(nearFirst);
      }),
      { numRuns: 1500 },
    );
  });

  it('weekdayOf, formatDateUtc and wallClock answer as their direct computation', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        const iso = new Date(ms).toISOString();
        const date = iso.slice(0, 10);
        expect(weekdayOf(date)).toBe(WEEKDAYS[(new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)))).getUTCDay() + 6) % 7]);
        expect(formatDateUtc(ms)).toBe(date);
        const local = `${iso.slice(0, 19)}-05:00`;
        expect(wallClock(local)).toBe(local.slice(17, 19) === '00' ? local.slice(11, 16) : local.slice(11, 19));
      }),
      { numRuns: 5000 },
    );
  });
});
