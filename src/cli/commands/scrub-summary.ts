import type { ScrubMode, ScrubSummary } from '../../scrub/scrub-list.js';
import { scrubMessages } from './scrub-messages.js';

const count = (entries: Iterable<[string, number]>) =>
  [...entries]
    .sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b))
    .map(([name, n]) => `${name} ${n}`)
    .join(', ');

/**
 * The summary printed when a scrub ends, one fact a line: the mode and instant first (so a dnc-only list is never
 * taken for a full screening), then rows in, callable, blocked by rule, errors by kind, duplicates.
 */
export function scrubSummaryText(summary: ScrubSummary, mode: ScrubMode, at: string | undefined, atSource: string): string {
  const errors = [...summary.errors.values()].reduce((sum, n) => sum + n, 0);
  const lines = [
    `summary`,
    `  mode        ${scrubMessages.modeLine(mode)}`,
    `  judged at   ${at === undefined ? 'each row\'s "at" column' : `${at} (${atSource})`}`,
    `  rows        ${summary.rows} in, ${summary.rows} out`,
    `  callable    ${summary.callable}`,
    `  blocked     ${summary.blocked}${summary.blocked === 0 ? '' : ` (${count(summary.blockedByRule)})`}`,
    `  errors      ${errors}${errors === 0 ? '' : ` (${count(summary.errors)})`}`,
    `  duplicates  ${summary.duplicates}${summary.duplicates === 0 ? '' : ' (screened and written; scrub_duplicate_of names the first row)'}`,
  ];
  if (summary.firstErrors.length > 0) lines.push(...summary.firstErrors.map((error) => `  ✖ ${error}`));
  if (errors > summary.firstErrors.length) lines.push(`  ... and ${errors - summary.firstErrors.length} more rows with errors (see their error in the output)`);
  return lines.map((line) => `dialsim scrub: ${line}\n`).join('');
}
