import type { ScreeningFacts, OptionalFact } from './facts.js';
import type { CheckRequestInput } from './check-request.js';

/** Values a message template may interpolate. */
export type MessageData = Readonly<Record<string, string | number>>;

/** What one policy concluded about one attempt: nothing to say, a violation, or a rule that applied but was lifted. */
export type PolicyOutcome<MessageId extends string> =
  | { readonly outcome: 'pass' }
  | { readonly outcome: 'violation'; readonly messageId: MessageId; readonly data: MessageData }
  | { readonly outcome: 'lifted'; readonly messageId: MessageId; readonly data: MessageData };

export const pass = { outcome: 'pass' } as const;

export function violation<M extends string>(messageId: M, data: MessageData = {}): PolicyOutcome<M> {
  return { outcome: 'violation', messageId, data };
}

export function lifted<M extends string>(messageId: M, data: MessageData = {}): PolicyOutcome<M> {
  return { outcome: 'lifted', messageId, data };
}

/** A documented example of the rule at work, rendered into docs/rules and run by the test suite. */
export interface PolicyExample {
  readonly title: string;
  readonly request: CheckRequestInput;
  readonly verdict: 'allow' | 'block';
}

/**
 * One compliance rule, declared the way ESLint declares a rule: metadata, message templates and pure functions
 * over resolved facts. The id is public API (scenarios, audit logs and training refer to it).
 */
export interface Policy<MessageId extends string = string> {
  /** Dotted, lowercase, stable: `hours.federal`. */
  readonly id: string;
  readonly title: string;
  /** The regulation, as a reader would look it up: `47 CFR 64.1200(c)(1); 16 CFR 310.4(c)`. */
  readonly citation: string;
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
  readonly examples: readonly PolicyExample[];
  /** Whether the rule speaks to this attempt at all (purpose, callee kind, method...). */
  applies(facts: ScreeningFacts): boolean;
  evaluate(facts: ScreeningFacts): PolicyOutcome<MessageId>;
}

/**
 * Declares a policy; the message ids its `evaluate` may return are checked against its `messages` at compile time.
 * @example
 * export const quietSundays = definePolicy({ id: 'acme.quiet-sundays', ..., messages: { sunday: 'No calls on Sunday' }, ... });
 */
export function definePolicy<const MessageId extends string>(policy: Policy<MessageId>): Policy<MessageId> {
  return policy;
}

/** A named, ordered set of policies that the engine runs together. */
export interface PolicyPack {
  readonly id: string;
  readonly title: string;
  readonly policies: readonly Policy[];
}
