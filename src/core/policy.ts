import type { ScreeningFacts, OptionalFact } from './facts.js';
import type { CheckRequestInput } from './check-request.js';
import { validatePolicyDefinition } from './validate-policy.js';

export { PolicyDefinitionError } from './policy-definition-error.js';
export { ENGINE_MESSAGE_IDS, type EngineMessageId } from './engine-message-ids.js';

/** Values a message template may interpolate. */
export type MessageData = Readonly<Record<string, string | number>>;

/**
 * What one policy concluded about one attempt: nothing to say, a violation, or a rule that applied but was lifted.
 * A finding may name its own `citation` when the law it rests on depends on the facts (a state rule cites the
 * statute of the state that decided); otherwise the policy's citation is reported.
 */
export type PolicyOutcome<MessageId extends string> =
  | { readonly outcome: 'pass' }
  | { readonly outcome: 'violation'; readonly messageId: MessageId; readonly data: MessageData; readonly citation?: string }
  | { readonly outcome: 'lifted'; readonly messageId: MessageId; readonly data: MessageData; readonly citation?: string };

export const pass = { outcome: 'pass' } as const;

/** Options of a finding: the citation of the law that decided, when it is not the policy's own. */
export interface FindingOptions {
  readonly citation?: string;
}

export function violation<M extends string>(messageId: M, data: MessageData = {}, options: FindingOptions = {}): PolicyOutcome<M> {
  return options.citation === undefined ? { outcome: 'violation', messageId, data } : { outcome: 'violation', messageId, data, citation: options.citation };
}

export function lifted<M extends string>(messageId: M, data: MessageData = {}, options: FindingOptions = {}): PolicyOutcome<M> {
  return options.citation === undefined ? { outcome: 'lifted', messageId, data } : { outcome: 'lifted', messageId, data, citation: options.citation };
}

/** A documented example of the rule at work, rendered into docs/rules and run by the test suite. */
export interface PolicyExample {
  readonly title: string;
  readonly request: CheckRequestInput;
  readonly verdict: 'allow' | 'block';
}

/**
 * The kinds of extension fact a policy can declare. `instant` values arrive as ISO-8601 text with an offset (or as
 * epoch milliseconds) and reach `evaluate` as epoch milliseconds.
 */
export type ExtensionKind = 'string' | 'number' | 'boolean' | 'instant' | 'instant[]';

/** The extension facts a policy reads, by name: `{ postalCode: 'string', recentCalls: 'instant[]' }`. */
export type ExtensionNeeds = Readonly<Record<string, ExtensionKind>>;

/** The value `evaluate` receives for a fact of kind `K`, already checked by the engine. */
export type ExtensionValueOf<K extends ExtensionKind> = K extends 'string'
  ? string
  : K extends 'number' | 'instant'
    ? number
    : K extends 'boolean'
      ? boolean
      : readonly number[];

/**
 * The facts `evaluate` sees: the resolved facts, plus exactly the extension facts the policy declares, checked and
 * typed (reading one it does not declare is a compile error).
 */
export type PolicyFacts<Needs extends ExtensionNeeds = ExtensionNeeds> = Omit<ScreeningFacts, 'extensions'> & {
  readonly extensions: { readonly [K in keyof Needs]: ExtensionValueOf<Needs[K]> };
};

/**
 * One compliance rule, declared the way ESLint declares a rule: metadata, message templates and pure functions
 * over resolved facts. The id is public API (scenarios, audit logs and training refer to it).
 */
export interface Policy<MessageId extends string = string, Needs extends ExtensionNeeds = ExtensionNeeds> {
  /** Dotted, lowercase, stable: `hours.federal`. */
  readonly id: string;
  readonly title: string;
  /** The regulation, as a reader would look it up: `47 CFR 64.1200(c)(1); 16 CFR 310.4(c)`. */
  readonly citation: string;
  /**
   * The citation for one attempt, where the law that reaches the call depends on the caller or the number (the TSR
   * does not reach a broker-dealer's calls); `citation` otherwise. A finding's own `citation` still wins.
   */
  citationFor?(facts: ScreeningFacts): string;
  /** One paragraph for docs and training: when the rule blocks. */
  readonly description: string;
  /** What lifts the rule, in words, for docs and training; empty when nothing does. */
  readonly exemptions: readonly string[];
  readonly messages: Readonly<Record<MessageId, string>>;
  /** Facts that must be known whenever the rule applies; when one is not, its guard rule blocks instead. */
  readonly requires?: readonly OptionalFact[];
  /** Makes this rule the one that blocks when `guards` is unknown (`timezone.unknown` guards `localTime`). */
  readonly guards?: OptionalFact;
  /** A violation ends the screening and is then the only one (nothing else is meaningful for an invalid number). */
  readonly terminal?: boolean;
  /**
   * The rule is about when a call may be placed (hours, days, frequency): the same call passes it later. A decision
   * blocked by such rules alone gets `nextAllowedAt`.
   */
  readonly timeRule?: boolean;
  /**
   * For a time rule: instants after the call at which its verdict may change besides the half hours of the clock
   * (a frequency cap's window ending after an earlier call), so the earliest lawful moment is found exactly.
   */
  changesAt?(facts: ScreeningFacts): readonly number[];
  /** Facts from the attempt's `extensions` the rule reads; when one is missing or malformed, the rule blocks. */
  readonly extensions?: Needs;
  readonly examples: readonly PolicyExample[];
  /** Whether the rule speaks to this attempt at all (purpose, callee kind, method...). */
  applies(facts: ScreeningFacts): boolean;
  evaluate(facts: PolicyFacts<Needs>): PolicyOutcome<MessageId>;
}

/**
 * What `definePolicy` takes: a `Policy` whose docs fields (`description`, `exemptions`, `examples`) and `applies`
 * may be left out. `evaluate` may return only the message ids declared in `messages`.
 */
export interface PolicyDefinition<MessageId extends string, Needs extends ExtensionNeeds> {
  readonly id: string;
  readonly title: string;
  readonly citation: string;
  citationFor?(facts: ScreeningFacts): string;
  readonly description?: string;
  readonly exemptions?: readonly string[];
  readonly messages: Readonly<Record<MessageId, string>>;
  readonly requires?: readonly OptionalFact[];
  readonly guards?: OptionalFact;
  readonly terminal?: boolean;
  readonly timeRule?: boolean;
  changesAt?(facts: ScreeningFacts): readonly number[];
  readonly extensions?: Needs;
  readonly examples?: readonly PolicyExample[];
  applies?(facts: ScreeningFacts): boolean;
  evaluate(facts: PolicyFacts<Needs>): PolicyOutcome<NoInfer<MessageId>>;
}

/**
 * Declares a policy. The message ids `evaluate` returns are checked against `messages`, and the extension facts it
 * reads against `extensions`, at compile time; the shape is checked again at run time (for JavaScript modules), and
 * a mistake throws a `PolicyDefinitionError` naming the policy and the field.
 * @example
 * export const noSundays = definePolicy({
 *   id: 'acme.no-sundays', title: 'No calls on Sundays', citation: 'Acme calling policy §3', requires: ['localTime'],
 *   messages: { sunday: 'it is Sunday in {zone}' },
 *   evaluate: (facts) => {
 *     const sunday = facts.callee.localTimes.find((local) => new Date(local.iso.slice(0, 10)).getUTCDay() === 0);
 *     return sunday === undefined ? pass : violation('sunday', { zone: sunday.zone });
 *   },
 * });
 */
export function definePolicy<const MessageId extends string, const Needs extends ExtensionNeeds = {}>(
  definition: PolicyDefinition<MessageId, Needs>,
): Policy<MessageId, Needs> {
  return validatePolicyDefinition(definition, 'definePolicy') as Policy<MessageId, Needs>;
}

/**
 * A named, ordered set of policies that the engine runs together. A pack says what it covers: the countries whose
 * numbers its rules speak to (`regions`, libphonenumber region codes) and, where it is narrower, which callers
 * (`applies`); its rules are not consulted for any other attempt. A company's own pack usually covers everything.
 */
export interface PolicyPack {
  readonly id: string;
  readonly title: string;
  readonly policies: readonly Policy[];
  /** Bumped whenever a rule or a data row of the pack changes meaning; recorded with decisions. */
  readonly version?: string;
  /**
   * The data of the law the pack's rules read (the state table, Canada's facts...), as plain values: hashed into the
   * pack's derived version (`packVersion`), so a changed row changes the version an audit log records.
   */
  readonly citedFacts?: unknown;
  /**
   * The countries (libphonenumber regions: US, PR, CA...) whose numbers the pack covers. A number is in a supported
   * jurisdiction when some pack in force covers its region. Absent: the pack covers every number.
   */
  readonly regions?: readonly string[];
  /** Narrows the pack to some attempts beyond `regions` (FINRA's rules speak only to broker-dealers' calls). */
  applies?(facts: ScreeningFacts): boolean;
  /**
   * False for a pack that only adds rules to calls another pack's jurisdiction covers (FINRA's to the US federal
   * pack's): its regions limit its own rules but do not make a number supported. True when absent.
   */
  readonly supportsRegions?: boolean;
  /** Set by `combinePacks`: the packs this one was made of, each keeping its own coverage. */
  readonly members?: readonly PolicyPack[];
}
