import type { CitedFact, Confidence } from '../../core/cited-fact.js';
import type { MessageData } from '../../core/policy.js';
import type { AbandonmentJurisdiction } from '../abandonment-by-jurisdiction.js';
import type { AuditRecord } from '../audit-log.js';

/**
 * A campaign-level obligation: a duty that no screening decision can carry, because it is about how the calls went
 * (how long a line rang, how soon an agent took over, what share of answers was abandoned). Each is declared like a
 * policy, with an id, a citation per jurisdiction and message templates, and checked from the audit records alone,
 * so a breach is found from what the run did, not from what it was configured to do.
 */

export const BREACH_RULE_IDS = ['abandonment.rate', 'abandonment.two-second', 'abandonment.message', 'ring.duration', 'dnc.request-honoured'] as const;
export type BreachRuleId = (typeof BREACH_RULE_IDS)[number];

/** One breach found in a run: a rule, the jurisdiction whose law it breaks, the citation and what happened. */
export interface Breach {
  readonly rule: BreachRuleId;
  readonly title: string;
  readonly jurisdiction: AbandonmentJurisdiction;
  readonly citation: string;
  /** The mark of the fact the rule stands on (P primary, S secondary, U unconfirmed), as src/core/cited-fact.ts. */
  readonly confidence: Confidence;
  readonly source: string;
  readonly note?: string;
  readonly messageId: string;
  /** The values of the first occurrence (or, for `abandonment.rate`, the worst period), for the template. */
  readonly data: MessageData;
  /** The first occurrence's message, with how many there were when more than one. */
  readonly message: string;
  /** Calls that breach it, or for `abandonment.rate` the measured periods over the cap. */
  readonly occurrences: number;
  /** The attempts that breach it, in log order, at most MAX_LISTED_ATTEMPTS; empty for `abandonment.rate`. */
  readonly attemptIds: readonly string[];
  /** When it first happened: the call's instant, or for `abandonment.rate` the first period over the cap (a day or a month). */
  readonly first: string;
}

export const MAX_LISTED_ATTEMPTS = 20;

/** A breach as a check finds it, before the monitor adds the citation and renders the message. */
export interface BreachDraft {
  readonly jurisdiction: AbandonmentJurisdiction;
  readonly messageId: string;
  readonly data: MessageData;
  readonly occurrences: number;
  readonly attemptIds: readonly string[];
  readonly first: string;
}

/**
 * What the monitor knows about the record it passes on: the callee's jurisdiction (null elsewhere) and its instant.
 * Valid during `observe` only: the monitor fills one object anew for each record.
 */
export interface RecordContext {
  readonly jurisdiction: AbandonmentJurisdiction | null;
  /** The record's `at` in epoch milliseconds. */
  readonly at: number;
}

/** The running check of one obligation over one run's records. */
export interface ObligationCheck {
  observe(record: AuditRecord, context: RecordContext): void;
  /** The breaches found so far; reading them changes nothing, so they can be read at the end of each part of a run. */
  breaches(): BreachDraft[];
}

export interface Obligation<MessageId extends string = string> {
  readonly id: BreachRuleId;
  readonly title: string;
  /** When it is breached, for docs/breaches.md. */
  readonly description: string;
  /** The law in each jurisdiction, with its mark; a jurisdiction with no source is held to the stricter reading and marked U. */
  readonly law: Readonly<Record<AbandonmentJurisdiction, CitedFact<string>>>;
  readonly messages: Readonly<Record<MessageId, string>>;
  start(): ObligationCheck;
}

/** Declares an obligation; the identity function, there for the message ids' types. */
export function defineObligation<MessageId extends string>(obligation: Obligation<MessageId>): Obligation<MessageId> {
  return obligation;
}

/**
 * Occurrences grouped by jurisdiction and message: one breach per group, worded by its first occurrence, so a run
 * with a thousand late connects reports one breach of a thousand calls rather than a thousand lines.
 */
export class Occurrences {
  readonly #groups = new Map<string, { jurisdiction: AbandonmentJurisdiction; messageId: string; data: MessageData; first: string; count: number; attemptIds: string[] }>();

  add(jurisdiction: AbandonmentJurisdiction, messageId: string, data: MessageData, attemptId: string, first: string): void {
    const key = `${jurisdiction}|${messageId}`;
    const group = this.#groups.get(key);
    if (group === undefined) {
      this.#groups.set(key, { jurisdiction, messageId, data, first, count: 1, attemptIds: [attemptId] });
      return;
    }
    group.count++;
    if (group.attemptIds.length < MAX_LISTED_ATTEMPTS) group.attemptIds.push(attemptId);
  }

  drafts(): BreachDraft[] {
    return [...this.#groups.values()].map(({ jurisdiction, messageId, data, first, count, attemptIds }) => ({ jurisdiction, messageId, data, occurrences: count, attemptIds: [...attemptIds], first }));
  }
}

/** Whole seconds between two instants, for messages ("waited 3 s"). */
export function secondsBetween(from: number, to: number): number {
  return Math.round((to - from) / 100) / 10;
}
