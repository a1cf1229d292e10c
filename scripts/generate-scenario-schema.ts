import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { scenarioSchema } from '../src/scenario/scenario-schema.js';
import { repositoryRoot, runIfMain } from './script-support.js';

/**
 * Generates scenarios/schema.json from the zod schema of scenario files, so editors that read a
 * `# yaml-language-server: $schema=./schema.json` comment complete and check the files as they are typed.
 * test/scenario/scenario-schema.test.ts fails when the committed file differs from this output.
 */

export const SCENARIO_SCHEMA_COMMAND = 'npm run scenarios:schema';
export const SCENARIO_SCHEMA_PATH = 'scenarios/schema.json';
/** The first line of every scenario file: it points the YAML language server at the schema beside it. */
export const SCHEMA_COMMENT = '# yaml-language-server: $schema=./schema.json';

/**
 * Descriptions of fields whose zod schemas live with the campaign simulator (src/dialer/campaign-config.ts) and
 * carry none, by field path (`[]` is an array item). Worded as in docs/campaigns.md.
 */
const NESTED_DESCRIPTIONS: Readonly<Record<string, string>> = {
  'dialer.agents.count': 'Agents on the floor; all work the same shift.',
  'dialer.agents.shift': 'The working hours, a window within one day.',
  'dialer.agents.shift.start': 'Shift start "HH:MM", local time in `timeZone`.',
  'dialer.agents.shift.end': 'Shift end "HH:MM", after `start`; overnight shifts are not supported.',
  'dialer.agents.shift.timeZone': "The floor's IANA time zone; the shift keeps its local hours across DST changes.",
  'dialer.agents.shift.days': 'ISO weekdays the floor works, 1 (Monday) to 7 (Sunday); default Monday to Friday.',
  'dialer.agents.talkSeconds': 'Mean talk time of a connected call in seconds (each call takes 0.5 to 1.5 times this).',
  'dialer.agents.wrapUpSeconds': 'After-call work in seconds before the agent is free again.',
  'dialer.pacing.abandonCap': 'Abandoned calls as a share of live answers in any 30-day window; 0.03 is the federal limit.',
  'dialer.pacing.maxLinesPerAgent': 'The most lines dialed at once for one free agent (predictive mode).',
  'dialer.pacing.adaptive': 'Back off as the abandonment rate nears the cap; false always dials maxLinesPerAgent lines.',
  'dialer.retry.maxAttempts': 'Calls placed to a lead at most; blocked screenings do not count (no call was placed).',
  'dialer.retry.minSpacingHours': 'Hours between a call that did not reach an agent and the next attempt to that lead.',
  'dialer.retry.afterBlockMinutes': 'A lead whose screening blocked is screened again this many minutes later; one blocked only by time rules at its nextAllowedAt.',
  'dialer.retry.maxBlockedScreenings': 'Blocked screenings in a row, with no call placed between them, before the lead is set aside.',
  'dialer.filters.states': 'Keep leads whose `state` is listed (two-letter codes).',
  'dialer.filters.lineTypes': 'Keep leads whose `lineType` is listed.',
  'dialer.filters.business': 'Keep only business (true) or only residential (false) leads.',
  'dialer.filters.minNetWorth': 'Keep leads with `netWorth` at least this.',
  'dialer.filters.minIncome': 'Keep leads with `income` at least this.',
  'dialer.filters.occupations': 'Keep leads whose `occupation` is listed (exact match).',
  'dialer.filters.postalCodePrefixes': 'Keep leads whose `postalCode` starts with one of these.',
  'leads.file': 'A CSV file of leads with a header row, relative to the scenario file.',
  'leads.columns': 'The header of the column that gives a lead field, when it is not named like the field (id: "Lead ID"); columns that give no field are kept as lead attributes.',
  'leads.columns.id': 'The column that gives the lead id.',
  'leads.columns.phone': 'The column that gives the phone number.',
  'leads.columns.lineType': 'The column that gives the line type.',
  'leads.columns.business': 'The column that gives whether the line is a business line.',
  'leads.columns.timeZone': 'The column that gives the time zone.',
  'leads.columns.state': 'The column that gives the state or province.',
  'leads.columns.postalCode': 'The column that gives the postal code.',
  'leads.columns.netWorth': 'The column that gives the net worth.',
  'leads.columns.income': 'The column that gives the income.',
  'leads.columns.occupation': 'The column that gives the occupation.',
  'leads.values': 'Cell text to a field\'s value, for a column written another way (lineType: { "yes": mobile, "no": landline }); a cell not listed is an error.',
  'leads.values.id': 'Cell text to the lead id.',
  'leads.values.phone': 'Cell text to the phone number.',
  'leads.values.lineType': 'Cell text to the line type.',
  'leads.values.business': 'Cell text to whether the line is a business line.',
  'leads.values.timeZone': 'Cell text to the time zone.',
  'leads.values.state': 'Cell text to the state or province.',
  'leads.values.postalCode': 'Cell text to the postal code.',
  'leads.values.netWorth': 'Cell text to the net worth.',
  'leads.values.income': 'Cell text to the income.',
  'leads.values.occupation': 'Cell text to the occupation.',
  'leads[].id': 'A unique id, used by steps, consents, relationships and expectations.',
  'leads[].phone': 'The number to dial, any format ("(303) 555-0123", "+13035550123"); no +country prefix means US.',
  'leads[].lineType': 'mobile, landline or unknown (default); the consent rules treat unknown as mobile.',
  'leads[].business': 'A business line: the rules that protect residential subscribers do not apply.',
  'leads[].timeZone': "The zone known from the lead's address (IANA name); replaces the area code's candidate zones.",
  'leads[].state': "The state or province of the lead's address (USPS or Canadian code): a candidate state for the state and province rules, and for filters.",
  'leads[].postalCode': 'Postal code, for filters.',
  'leads[].netWorth': 'Net worth, for filters.',
  'leads[].income': 'Income, for filters.',
  'leads[].occupation': 'Occupation, for filters.',
  'leads[].consents': 'Consents on file for this lead (or use the top-level `consents`).',
  'leads[].consents[].kind': 'prior-express-written (PEWC) or prior-express (PEC).',
  'leads[].consents[].seller': 'The seller the consent was given to.',
  'leads[].consents[].grantedAt': 'When it was given (date or instant).',
  'leads[].consents[].revokedAt': 'When it was revoked (date or instant); null or absent means never.',
  'leads[].relationship': 'The lead\'s relationship with the seller (or use the top-level `relationships`).',
  'leads[].relationship.lastTransactionAt': 'Last purchase or transaction with the seller: an established business relationship for 18 months.',
  'leads[].relationship.lastInquiryAt': 'Last inquiry or application to the seller: an established business relationship for 3 months.',
  'leads[].relationship.personal': "The caller knows the lead personally (family, friend, acquaintance): lifts a broker-dealer's national-registry rules.",
  'outcomeModel.preset': 'field-study (Baylor 2011: 28% answered) or cold-calling-article (1 in 18 dials reaches a person).',
  'outcomeModel.overrides': "Rates replacing the preset's, each 0-1.",
  'outcomeModel.overrides.notInService': 'Share of dials to a number not in service.',
  'outcomeModel.overrides.busy': 'Share of dials that get a busy signal.',
  'outcomeModel.overrides.answeringMachine': 'Share of dials answered by a machine.',
  'outcomeModel.overrides.answered': 'Share of dials a person answers, at an average hour.',
  'outcomeModel.overrides.outcomes': "How connected calls end; with the preset's other shares they must add up to 1.",
  'outcomeModel.overrides.outcomes.rejected': 'Share of connected calls where the callee says no.',
  'outcomeModel.overrides.outcomes.callback': 'Share where the callee asks to be called back (retried 24 h later).',
  'outcomeModel.overrides.outcomes.meeting': 'Share ending in an appointment or a referral.',
  'outcomeModel.overrides.outcomes.sale': 'Share ending in a sale on the call.',
  'outcomeModel.overrides.outcomes.doNotCall': 'Share ending in a do-not-call request: the number joins the internal list at once.',
};

type JsonSchemaNode = { [key: string]: unknown; properties?: Record<string, JsonSchemaNode>; items?: JsonSchemaNode; description?: string };

/**
 * Calls `visit` with every property schema and its field path (`leads[].phone`), through unions and arrays.
 * @example forEachField(JSON.parse(renderScenarioSchema()), (path) => console.log(path)); // title, notes, ...
 */
export function forEachField(node: JsonSchemaNode, visit: (path: string, field: JsonSchemaNode) => void, path = ''): void {
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    for (const branch of (node[key] as JsonSchemaNode[] | undefined) ?? []) forEachField(branch, visit, path);
  }
  if (node.items !== undefined) forEachField(node.items, visit, `${path}[]`);
  for (const [name, field] of Object.entries(node.properties ?? {})) {
    const fieldPath = path === '' ? name : `${path}.${name}`;
    visit(fieldPath, field);
    forEachField(field, visit, fieldPath);
  }
}

/**
 * The JSON Schema of scenario files as committed: draft-07 (what the YAML language server validates with), the
 * input side of the zod schema (fields with defaults are optional), pretty-printed with a final newline.
 * @example writeFileSync('scenarios/schema.json', renderScenarioSchema());
 */
export function renderScenarioSchema(): string {
  const generated = z.toJSONSchema(scenarioSchema, { target: 'draft-07', io: 'input', unrepresentable: 'any' }) as JsonSchemaNode;
  forEachField(generated, (path, field) => {
    if (field.description === undefined && NESTED_DESCRIPTIONS[path] !== undefined) field.description = NESTED_DESCRIPTIONS[path];
  });
  const { $schema, ...rest } = generated;
  return `${JSON.stringify({ $schema, title: 'dialsim scenario', ...rest }, null, 2)}\n`;
}

function main(): number {
  const root = repositoryRoot(import.meta.url);
  writeFileSync(join(root, SCENARIO_SCHEMA_PATH), renderScenarioSchema());
  process.stdout.write(`generate-scenario-schema: wrote ${SCENARIO_SCHEMA_PATH}\n`);
  return 0;
}

runIfMain(import.meta.url, main);
