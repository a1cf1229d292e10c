import { createHash } from 'node:crypto';
import type { PolicyPack } from '../core/policy.js';

/**
 * A pack's version, derived from what it says rather than kept by hand: `sha256:` and the first 16 hex digits of the
 * SHA-256 of its id, each rule's id, title, citation, description, exemptions and message templates, and its cited
 * facts (`citedFacts`: the state table, Canada's facts...). A changed state-table row, citation or wording gives a
 * new version, and a rebuilt install of the same rules gives the same one, so an audit log's header says exactly
 * which law it was screened under. A hand-kept number can be forgotten; a hash cannot. Code (a rule's `evaluate`)
 * is not hashed: the compiled text differs between the TypeScript source and the build, and would make the same
 * rules two versions.
 * @example
 * packVersion(usStatesPack); // 'sha256:3f1c…' (16 hex digits)
 */
export function packVersion(pack: PolicyPack): string {
  const content = {
    id: pack.id,
    rules: pack.policies.map((policy) => ({
      id: policy.id,
      title: policy.title,
      citation: policy.citation,
      description: policy.description,
      exemptions: policy.exemptions,
      messages: policy.messages,
    })),
    citedFacts: pack.citedFacts ?? null,
  };
  return `sha256:${createHash('sha256').update(canonicalJson(content)).digest('hex').slice(0, 16)}`;
}

/** JSON with object keys sorted at every level, so the hash does not depend on the order keys were written in. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, entry: unknown) => {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return entry;
    if (entry instanceof Map) return Object.fromEntries([...entry.entries()].sort(([a], [b]) => (String(a) < String(b) ? -1 : 1)));
    return Object.fromEntries(Object.entries(entry).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  });
}
