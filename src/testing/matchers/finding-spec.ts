import type { MessageData } from '../../core/policy.js';

/** What a matcher asks of a finding besides its rule id; each field left out is not checked. */
export interface FindingSpec {
  readonly messageId?: string;
  /** Compared with equality: every key, no more, no fewer. */
  readonly data?: MessageData;
}

interface Finding {
  readonly rule: string;
  readonly messageId: string;
  readonly data: MessageData;
}

export type Equals = (a: unknown, b: unknown) => boolean;

export function matchesSpec(finding: Finding, ruleId: string, spec: FindingSpec, equals: Equals): boolean {
  return (
    finding.rule === ruleId &&
    (spec.messageId === undefined || finding.messageId === spec.messageId) &&
    (spec.data === undefined || equals(finding.data, spec.data))
  );
}

/** `hours.federal with messageId "afterWindow" and data {"localTime":"21:30"}`. */
export function describeSpec(ruleId: string, spec: FindingSpec): string {
  const parts = [spec.messageId === undefined ? undefined : `messageId "${spec.messageId}"`, spec.data === undefined ? undefined : `data ${JSON.stringify(spec.data)}`];
  const details = parts.filter((part) => part !== undefined);
  return details.length === 0 ? ruleId : `${ruleId} with ${details.join(' and ')}`;
}

/** A finding cut down to what the spec checks, so the diff shows only what matters. */
export function project(finding: Finding, spec: FindingSpec): Record<string, unknown> {
  return {
    rule: finding.rule,
    ...(spec.messageId !== undefined && { messageId: finding.messageId }),
    ...(spec.data !== undefined && { data: finding.data }),
  };
}

/**
 * The findings a passing decision would have, for the diff: the actual ones with the first finding of the rule
 * replaced by the expected one (or the expected one added); with `only`, the expected one alone.
 */
export function expectedFindings(actual: readonly Finding[], ruleId: string, spec: FindingSpec, only: boolean): Record<string, unknown>[] {
  const wanted = { rule: ruleId, ...spec };
  if (only) return [wanted];
  const projected = actual.map((finding) => project(finding, spec));
  const index = actual.findIndex((finding) => finding.rule === ruleId);
  if (index === -1) return [...projected, wanted];
  projected[index] = wanted;
  return projected;
}
