import { subdivisionName } from '../src/core/jurisdiction-codes.js';
import { STATE_TABLE } from '../policies/us-states/state-table.js';
import { CONFIDENCE, LAW_FIELDS, WEEKDAYS, type LawField, type StateHours, type StateLawVersion, type StateRow } from '../policies/us-states/state-row.js';

/**
 * docs/rules/states.md, rendered from the state table (policies/us-states/states/*.ts) so the page cannot drift from
 * the rows the rules read: one section per state, each version of its law, every fact with its citation, its
 * confidence mark and where it was read.
 */

export const STATES_PAGE_PATH = 'docs/rules/states.md';

export const CONFIDENCE_WORDS: Record<(typeof CONFIDENCE)[number], string> = {
  P: 'P: confirmed by a primary source (statute, regulator)',
  S: 'S: confirmed by a secondary source only',
  U: 'U: unconfirmed (one weak source, or sources conflict); encoded with the stricter reading',
};

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function hoursText(hours: StateHours): string {
  const days = WEEKDAYS.map((day) => {
    const window = hours.windows[day];
    return `${day.slice(0, 3)} ${window === null ? 'none' : `${window.from}-${window.to}`}`;
  });
  const same = new Set(WEEKDAYS.map((day) => JSON.stringify(hours.windows[day]))).size === 1;
  const windows = same && hours.windows.monday !== null ? `every day ${hours.windows.monday.from}-${hours.windows.monday.to}` : days.join(', ');
  const methods = hours.methods === undefined ? '' : ` (${hours.methods.join(' and ')} calls only)`;
  const clock = hours.clock === undefined ? ' (callee local time)' : ` (${hours.clock.name}, a fixed clock)`;
  return `${windows}${clock}${methods}`;
}

const FIELD_LABELS: Record<LawField, string> = { hours: 'hours', bannedDays: 'banned days', frequencyCap: 'call cap', dncList: 'do-not-call list' };

function factRows(version: StateLawVersion): string[] {
  const rows: string[] = [];
  const row = (field: string, value: string, fact: { citation: string; confidence: (typeof CONFIDENCE)[number]; source: string; note?: string | undefined }) =>
    rows.push(`| ${field} | ${cell(value)} | ${cell(fact.citation)} | ${fact.confidence} | ${cell(fact.source)}${fact.note ? `. Note: ${cell(fact.note)}` : ''} |`);
  row('scope', version.scope.value === 'all' ? 'every call, business lines included' : 'residential or consumer calls only', version.scope);
  for (const hours of version.hours ?? []) row('hours', hoursText(hours.value), hours);
  if (version.bannedDays) {
    const { weekdays, holidays } = version.bannedDays.value;
    const also = holidays?.alsoNamed?.length ? `, and ${holidays.alsoNamed.join(', ')}` : '';
    const parts = [...weekdays.map((day) => `${day}s`), ...(holidays ? [`legal holidays${holidays.substituteDays ? ', observed weekdays too' : ''}${also}`] : [])];
    row('banned days', parts.join('; '), version.bannedDays);
  }
  if (version.frequencyCap) {
    const cap = version.frequencyCap.value;
    row('call cap', `${cap.calls} calls in ${cap.windowHours} hours${cap.sameSubject ? ' on the same subject' : ''}${cap.methods ? ` (${cap.methods.join(' and ')} calls)` : ''}`, version.frequencyCap);
  }
  if (version.dncList) {
    const list = version.dncList.value;
    row('do-not-call list', `${list.name}; a copy at most ${list.refreshDays} days old; exemptions: ${list.exemptions.join(', ') || 'none'}`, version.dncList);
  }
  for (const field of LAW_FIELDS) {
    const repeal = version.repealed?.[field];
    if (repeal) row(FIELD_LABELS[field], 'repealed: no such rule from this date', repeal);
  }
  return rows;
}

/** One row's section: a heading, then each version of its law as a table of cited facts. */
export function stateSection(row: StateRow): string[] {
  const lines = [`## ${subdivisionName(row.state)} (${row.state})`, ''];
  for (const version of row.versions) {
    lines.push(version.effectiveFrom === null ? 'In force:' : `In force from ${version.effectiveFrom} (callee-local date):`, '');
    lines.push('| Field | Value | Citation | Confidence | Source |', '|---|---|---|---|---|', ...factRows(version), '');
  }
  return lines;
}

/** The page's markdown: pure and deterministic. */
export function renderStateTable(generatedBanner: string): string {
  const rows = [...STATE_TABLE].sort((a, b) => subdivisionName(a.state).localeCompare(subdivisionName(b.state)));
  return [
    generatedBanner,
    '',
    '# The state table',
    '',
    'What each state\'s own telemarketing law adds to the federal rules, as `hours.state`, `days.state`, ' +
      '`frequency.state` and `dnc.state` read it (pack `us-states`). A state without a row has no rule of its own ' +
      'and adds nothing. Every state of the callee counts: the area code\'s and the address\'s (`callee.state`).',
    '',
    'Decisions, applied to every row:',
    '',
    '- Where sources conflict or are silent, the stricter reading is encoded and the row says so (Louisiana\'s start, Pennsylvania\'s Sunday, Oregon\'s cap window).',
    "- Legal holidays are the date-holidays package's public holidays for the state; observances (Valentine's Day) and optional days (Christmas Eve) are not. A holiday falling on a weekend bans the weekday it is observed on too, where the row says `observed weekdays too`: the stricter reading of \"legal holiday\".",
    "- A state's do-not-call copy must be no older than its refresh period: 31 days (the federal safe harbor's) where the table names none. The exemptions listed are read as the federal registry's until the statute's own list is read; each row marks this unconfirmed.",
    '- A version applies from its date on the callee\'s local calendar; a call before it is judged by the earlier version (or none).',
    '',
    'Confidence marks:',
    '',
    ...CONFIDENCE.map((mark) => `- ${CONFIDENCE_WORDS[mark]}`),
    '',
    'Not modelled (noticed, left for later): Louisiana\'s ban during a declared state of emergency (R.S. 45:844.31); Arizona\'s ban on unsolicited sales calls to mobiles (A.R.S. §44-1278(B)(3)); Maine\'s reassigned-numbers check (LD 2234); county holidays (Mardi Gras in Mobile and Baldwin, Alabama); registration and bond duties.',
    '',
    ...rows.flatMap(stateSection),
  ].join('\n');
}
