import { readFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import { closestKey, InputError, type InputProblem } from '../core/input-error.js';
import { LEAD_COLUMN_FIELDS, leadSchema, parseLead, type Lead, type LeadColumnField, type LeadFileSource } from '../dialer/campaign-config.js';

/** A lead read from a CSV file, with the place it came from, for problems found later (a duplicate id). */
export interface LeadFromFile {
  readonly lead: Lead;
  /** `data/leads.csv:14 (row 12)`. */
  readonly location: string;
}

const CSV_NUMBERS = new Set<string>(['netWorth', 'income']);
const CSV_BOOLEANS = new Set<string>(['business']);
const REQUIRED: readonly LeadColumnField[] = ['id', 'phone'];

const quoted = (names: readonly string[]) => names.map((name) => `"${name}"`).join(', ');

/**
 * Reads a lead CSV (header row, one lead a row). A header that does not fit is reported once, at line 1, with the
 * columns found and the fields expected, and its rows are not checked one by one; otherwise every bad row is
 * reported with its line and row number, none dropped. `where` gives the scenario line of a field of the source.
 */
export function readLeadFile(
  source: LeadFileSource,
  path: string,
  where: (keys: readonly PropertyKey[]) => string,
  problems: InputProblem[],
): LeadFromFile[] {
  let records: { record: string[]; info: { lines: number; empty_lines: number } }[];
  try {
    records = parseCsv(readFileSync(path, 'utf8'), { skip_empty_lines: true, trim: true, info: true }) as unknown as typeof records;
  } catch (error) {
    problems.push({ path: 'leads.file', message: `cannot read the lead file: ${(error as Error).message}`, location: path });
    return [];
  }
  // csv-parse gives the line a record ends on; a record starts after the previous one and any blank lines between.
  let previousEnd = 0;
  let previousEmpty = 0;
  const lines = records.map(({ info }) => {
    const line = previousEnd + 1 + (info.empty_lines - previousEmpty);
    previousEnd = info.lines;
    previousEmpty = info.empty_lines;
    return line;
  });
  if (records.length === 0) {
    problems.push({ path: 'leads.file', message: 'the lead file is empty: it needs a header row and one lead a row', location: path });
    return [];
  }
  const header = records[0]!.record;
  const headerAt = `${path}:${lines[0]}`;
  const fieldOf = resolveHeader(source, header, headerAt, where, problems);
  if (fieldOf === undefined) return [];
  if (records.length === 1) {
    problems.push({ path: 'leads.file', message: 'the lead file has a header but no leads', location: headerAt });
    return [];
  }

  const leads: LeadFromFile[] = [];
  records.slice(1).forEach(({ record }, index) => {
    const location = `${path}:${lines[index + 1]} (row ${index + 1})`;
    const value: Record<string, unknown> = {};
    const attributes: Record<string, string> = {};
    const rowProblems: InputProblem[] = [];
    record.forEach((cell, column) => {
      const name = header[column]!;
      const field = fieldOf[column];
      if (field === undefined) {
        if (cell !== '') attributes[name] = cell;
        return;
      }
      const map = source.values?.[field];
      if (map !== undefined && Object.hasOwn(map, cell)) value[field] = map[cell];
      else if (cell === '') return;
      else if (map !== undefined) {
        rowProblems.push({ path: fieldPath(field, name), message: `"${cell}" is not one of the cells mapped in leads.values.${field} (${quoted(Object.keys(map))})`, location });
      } else if (CSV_NUMBERS.has(field)) value[field] = Number.isNaN(Number(cell)) ? cell : Number(cell);
      else if (CSV_BOOLEANS.has(field)) value[field] = cell === 'true' ? true : cell === 'false' ? false : cell;
      else value[field] = cell;
    });
    try {
      const lead = parseLead(value, location);
      if (rowProblems.length === 0) leads.push({ lead: Object.keys(attributes).length === 0 ? lead : { ...lead, attributes }, location });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      const columnOf = (field: string) => header[fieldOf.indexOf(field as LeadColumnField)] ?? field;
      rowProblems.push(...error.problems.map((problem) => ({ ...problem, path: fieldPath(problem.path, columnOf(problem.path)), location })));
    }
    problems.push(...rowProblems);
  });
  return leads;
}

/** `lineType`, or `lineType (column "Mobile?")` when the column has another name. */
function fieldPath(field: string, column: string): string {
  return column === field ? field : `${field} (column "${column}")`;
}

/**
 * The lead field each column gives (undefined: an attribute), or undefined when the header does not fit: a required
 * field without a column, a column that looks like a misspelt field name, a column named twice. A `columns` or
 * `values` entry that names no column of the header is reported at its scenario line.
 */
function resolveHeader(
  source: LeadFileSource,
  header: readonly string[],
  headerAt: string,
  where: (keys: readonly PropertyKey[]) => string,
  problems: InputProblem[],
): (LeadColumnField | undefined)[] | undefined {
  const issues: string[] = [];
  const fieldOf: (LeadColumnField | undefined)[] = header.map(() => undefined);
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) issues.push(`column "${name}" appears twice`);
    seen.add(name);
  }
  let sourceProblems = false;
  // Fields whose `columns` entry is wrong: reported at the scenario line, so not again as fields without a column.
  const misnamed = new Set<LeadColumnField>();
  for (const field of LEAD_COLUMN_FIELDS) {
    const name = source.columns?.[field];
    if (name === undefined) continue;
    const column = header.indexOf(name);
    if (column === -1) {
      const suggestion = closestKey(name, header);
      problems.push({
        path: `leads.columns.${field}`,
        message: `the lead file has no column "${name}" (${suggestion === undefined ? `its columns are ${quoted(header)}` : `did you mean "${suggestion}"?`})`,
        location: where(['leads', 'columns', field]),
      });
      misnamed.add(field);
    } else if (fieldOf[column] !== undefined) {
      problems.push({ path: `leads.columns.${field}`, message: `column "${name}" already gives ${fieldOf[column]}`, location: where(['leads', 'columns', field]) });
      misnamed.add(field);
    } else fieldOf[column] = field;
  }
  const mapped = new Set(fieldOf.filter((field) => field !== undefined));
  header.forEach((name, column) => {
    if (fieldOf[column] !== undefined || !(LEAD_COLUMN_FIELDS as readonly string[]).includes(name)) return;
    const field = name as LeadColumnField;
    const other = header[fieldOf.indexOf(field)];
    if (other !== undefined) {
      if (other !== name) issues.push(`column "${name}" and column "${other}" (leads.columns.${field}) both give ${field}`);
    } else if (misnamed.has(field)) return;
    else {
      fieldOf[column] = field;
      mapped.add(field);
    }
  });
  // A column near a field's name is most likely that field misspelt: kept as an attribute, the lead would silently
  // lack the field (a line type read as unknown), so it is refused. Only fields no column gives yet are candidates.
  const unmapped = LEAD_COLUMN_FIELDS.filter((field) => !mapped.has(field));
  header.forEach((name, column) => {
    if (fieldOf[column] !== undefined) return;
    const suggestion = closestKey(name, unmapped);
    if (suggestion !== undefined) issues.push(`column "${name}" is not a lead field (did you mean "${suggestion}"? rename it, or map it with leads.columns: { ${suggestion}: "${name}" })`);
  });
  const missing = REQUIRED.filter((field) => !mapped.has(field) && !misnamed.has(field));
  if (missing.length > 0) issues.unshift(`no column gives ${missing.join(' or ')}, which every lead needs`);
  for (const field of LEAD_COLUMN_FIELDS) {
    const map = source.values?.[field];
    if (map === undefined) continue;
    if (!mapped.has(field) && !misnamed.has(field)) {
      problems.push({ path: `leads.values.${field}`, message: `no column of the lead file gives ${field}`, location: where(['leads', 'values', field]) });
      sourceProblems = true;
    }
    for (const [cell, value] of Object.entries(map)) {
      const checked = leadSchema.shape[field].safeParse(value);
      if (!checked.success) {
        problems.push({ path: `leads.values.${field}.${cell}`, message: checked.error.issues[0]!.message, location: where(['leads', 'values', field, cell]) });
        sourceProblems = true;
      }
    }
  }
  sourceProblems ||= misnamed.size > 0;
  if (issues.length > 0) {
    problems.push({
      path: '',
      message: `the lead file's header does not fit: ${issues.join('; ')}. Columns found: ${quoted(header)}. Lead fields: ${LEAD_COLUMN_FIELDS.join(', ')} (id and phone required); leads.columns maps a field to a column of another name, e.g. columns: { phone: "Phone Number" }; other columns are kept as lead attributes`,
      location: headerAt,
    });
  }
  return issues.length > 0 || sourceProblems ? undefined : fieldOf;
}
