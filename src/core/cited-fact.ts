import { z } from 'zod';

/**
 * A fact of the law as dialsim encodes it, with its provenance: the value, the citation a reader looks it up by, how
 * sure it is and where it was read. Every jurisdiction's data (the state table, Canada's and FINRA's facts) is made of
 * these, so docs and training can show the mark beside the fact.
 */

/**
 * How sure the fact is, as ../shared/rules.md and jurisdictions.md mark it: P primary source (statute, regulator),
 * S secondary only (law-firm alert, a repository quoting the statute), U unconfirmed (one weak source, conflicting
 * sources, or memory; encoded with the stricter reading).
 */
export const CONFIDENCE = ['P', 'S', 'U'] as const;
export type Confidence = (typeof CONFIDENCE)[number];

/** The schema of a cited fact whose value has the schema `value`. */
export function citedFactSchema<T extends z.ZodType>(value: T) {
  return z.strictObject({
    value,
    citation: z.string().min(1),
    confidence: z.enum(CONFIDENCE),
    /** Where the fact was read, as ../shared names it. */
    source: z.string().min(1),
    /** Why the fact reads as it does where sources conflict or are silent (the stricter reading, a decision). */
    note: z.string().min(1).optional(),
  });
}

export interface CitedFact<T> {
  readonly value: T;
  readonly citation: string;
  readonly confidence: Confidence;
  readonly source: string;
  readonly note?: string;
}
