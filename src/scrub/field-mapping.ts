import { closestKey, InputError, type InputProblem } from '../core/input-error.js';
import { headerKey, readBoolean, SCRUB_FIELD_NAMES, SCRUB_FIELDS, type ScrubFieldName } from './scrub-fields.js';

/** What `--map` and `--values` say, checked against the field list but not yet against a header. */
export interface MappingFlags {
  readonly columns: ReadonlyMap<ScrubFieldName, string>;
  /** Per field, cell (trimmed, lower case) to value. */
  readonly values: ReadonlyMap<ScrubFieldName, ReadonlyMap<string, string | boolean>>;
}

/** Which column gives which field, and how the choice was made, for the mapping printed before the rows. */
export interface FieldMapping {
  readonly columns: ReadonlyMap<ScrubFieldName, number>;
  readonly values: MappingFlags['values'];
  /** `phone <- "Phone Number" (by its name)`, one line per mapped field. */
  readonly lines: readonly string[];
  /** Columns that look like a field but are not read, so a misspelt `Line Tpye` does not pass unnoticed. */
  readonly warnings: readonly string[];
}

const quoted = (names: readonly string[]) => names.map((name) => `"${name}"`).join(', ');

/**
 * Splits `a="b, c",d` at the commas outside double quotes; the quotes themselves are removed. Shells remove the
 * quotes a user types around `--map phone="Phone Number"`, so only quotes that reach us (inside '...') matter.
 */
export function splitFlagList(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  let inQuotes = false;
  for (const char of text) {
    if (char === '"') inQuotes = !inQuotes;
    else if (char === ',' && !inQuotes) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts.map((part) => part.trim());
}

function fieldNamed(name: string, flag: string, problems: InputProblem[]): ScrubFieldName | undefined {
  if ((SCRUB_FIELD_NAMES as readonly string[]).includes(name)) return name as ScrubFieldName;
  const suggestion = closestKey(name, SCRUB_FIELD_NAMES);
  problems.push({
    path: flag,
    message: `"${name}" is not a field${suggestion === undefined ? '' : ` (did you mean "${suggestion}"?)`}; the fields are ${SCRUB_FIELD_NAMES.join(', ')}`,
  });
  return undefined;
}

/**
 * Reads `--map FIELD=COLUMN,...` and `--values FIELD=CELL:VALUE,...` (both repeatable). A value map is checked
 * against its field: `lineType=yes:mobile` is fine, `lineType=yes:cell` is not, and yes/no fields take yes or no.
 */
export function parseMappingFlags(maps: readonly string[], valueFlags: readonly string[]): MappingFlags {
  const problems: InputProblem[] = [];
  const columns = new Map<ScrubFieldName, string>();
  for (const entry of maps.flatMap(splitFlagList)) {
    const equals = entry.indexOf('=');
    if (equals <= 0 || entry.slice(equals + 1).trim() === '') {
      problems.push({ path: '--map', message: `"${entry}" is not FIELD=COLUMN, e.g. --map phone="Phone Number",lineType=Mobile?` });
      continue;
    }
    const field = fieldNamed(entry.slice(0, equals).trim(), '--map', problems);
    if (field === undefined) continue;
    if (columns.has(field)) problems.push({ path: '--map', message: `${field} is mapped twice ("${columns.get(field)}" and "${entry.slice(equals + 1).trim()}")` });
    else columns.set(field, entry.slice(equals + 1).trim());
  }
  const values = new Map<ScrubFieldName, Map<string, string | boolean>>();
  for (const flag of valueFlags) {
    const equals = flag.indexOf('=');
    const field = equals <= 0 ? undefined : fieldNamed(flag.slice(0, equals).trim(), '--values', problems);
    if (equals <= 0) {
      problems.push({ path: '--values', message: `"${flag}" is not FIELD=CELL:VALUE,..., e.g. --values lineType=yes:mobile,no:landline` });
      continue;
    }
    if (field === undefined) continue;
    if (values.has(field)) {
      problems.push({ path: '--values', message: `${field} has two value maps: give each field one --values` });
      continue;
    }
    const map = new Map<string, string | boolean>();
    const { kind } = SCRUB_FIELDS[field];
    if (kind.kind === 'instant') {
      problems.push({ path: '--values', message: `${field} is an instant: value maps are for yes/no and choice columns (lineType, business, method...)` });
      continue;
    }
    for (const pair of splitFlagList(flag.slice(equals + 1))) {
      const colon = pair.indexOf(':');
      if (colon === -1) {
        problems.push({ path: '--values', message: `"${pair}" in ${field}'s map is not CELL:VALUE, e.g. yes:mobile` });
        continue;
      }
      const cell = pair.slice(0, colon).trim().toLowerCase();
      const written = pair.slice(colon + 1).trim();
      let value: string | boolean | undefined = written;
      if (kind.kind === 'boolean') value = readBoolean(written);
      else if (kind.kind === 'choice' && !kind.choices.includes(written)) value = undefined;
      if (value === undefined) {
        const expected = kind.kind === 'choice' ? kind.choices.join('|') : 'yes or no';
        problems.push({ path: '--values', message: `${field}: "${written}" is not a value of ${field} (expected ${expected})` });
      } else if (map.has(cell)) problems.push({ path: '--values', message: `${field}: the cell "${cell}" is mapped twice` });
      else map.set(cell, value);
    }
    values.set(field, map);
  }
  if (problems.length > 0) throw new InputError(problems);
  return { columns, values };
}

/** The column names dialsim writes after the input's own; an input column of the same name would be ambiguous. */
export type ReservedColumns = readonly string[];

/**
 * Matches the flags and the common names against a header. Problems are collected and thrown as one InputError at
 * the header's line, listing the columns found, so a wrong header is reported once and not once per row.
 */
export function resolveFieldMapping(header: readonly string[], flags: MappingFlags, reserved: ReservedColumns, headerAt: string): FieldMapping {
  const issues: string[] = [];
  const columns = new Map<ScrubFieldName, number>();
  const lines: string[] = [];
  const usedBy = new Map<number, ScrubFieldName>();
  for (const name of header) {
    if (reserved.includes(name)) issues.push(`column "${name}" has the name of a column the scrub adds (is this file already scrubbed? scrub the original export)`);
  }
  const take = (field: ScrubFieldName, index: number, how: string) => {
    const other = usedBy.get(index);
    if (other !== undefined) {
      issues.push(`column "${header[index]}" would give both ${other} and ${field}`);
      return;
    }
    usedBy.set(index, field);
    columns.set(field, index);
    lines.push(`${field} <- "${header[index]}" (${how})`);
  };

  for (const [field, name] of flags.columns) {
    const exact = header.flatMap((column, index) => (column === name ? [index] : []));
    const loose = header.flatMap((column, index) => (column.trim().toLowerCase() === name.toLowerCase() ? [index] : []));
    const found = exact.length > 0 ? exact : loose;
    if (found.length === 1) take(field, found[0]!, '--map');
    else if (found.length > 1) issues.push(`column "${name}" (--map ${field}) appears ${found.length} times in the header: rename one`);
    else {
      const suggestion = closestKey(name, header);
      issues.push(`--map ${field}="${name}": no such column${suggestion === undefined ? '' : ` (did you mean "${suggestion}"?)`}`);
    }
  }
  for (const field of SCRUB_FIELD_NAMES) {
    if (flags.columns.has(field)) continue;
    const keys = new Set([headerKey(field), ...SCRUB_FIELDS[field].names.map(headerKey)]);
    // A column named as a question (`Mobile?`) holds yes or no: it never gives a number or a word by its name.
    const question = SCRUB_FIELDS[field].kind.kind !== 'boolean';
    const candidates = header.flatMap((column, index) =>
      keys.has(headerKey(column)) && !usedBy.has(index) && !(question && /\?\s*$/.test(column)) ? [index] : [],
    );
    if (candidates.length === 1) take(field, candidates[0]!, 'by its name');
    else if (candidates.length > 1) {
      issues.push(`columns ${quoted(candidates.map((index) => header[index]!))} could each give ${field}: choose one with --map ${field}=COLUMN`);
    }
  }
  if (!columns.has('phone') && !flags.columns.has('phone') && !issues.some((issue) => issue.endsWith(`--map phone=COLUMN`))) {
    const answers = header.filter((column) => !/\?\s*$/.test(column));
    const suggestion = closestKey('phone', answers) ?? answers.find((column) => /phone|tel/i.test(column)) ?? answers.find((column) => /mobile|cell/i.test(column));
    issues.unshift(`no column gives phone, which every row needs${suggestion === undefined ? '' : ` (did you mean "${suggestion}"? map it with --map phone="${suggestion}")`}`);
  }
  for (const field of flags.values.keys()) {
    if (!columns.has(field) && !flags.columns.has(field)) issues.push(`--values ${field}: no column gives ${field}`);
  }
  if (issues.length > 0) {
    throw new InputError([
      {
        path: '',
        message: `the header does not fit: ${issues.join('; ')}. Columns found: ${quoted(header)}. Fields: ${SCRUB_FIELD_NAMES.join(', ')} (phone required); --map FIELD=COLUMN names a field's column`,
        location: headerAt,
      },
    ]);
  }

  // A column near a field's name, for a field no column gives, is most likely that field misspelt.
  const warnings: string[] = [];
  const unmapped = SCRUB_FIELD_NAMES.filter((field) => !columns.has(field));
  header.forEach((name, index) => {
    if (usedBy.has(index)) return;
    for (const field of unmapped) {
      const names = [field, ...SCRUB_FIELDS[field].names].map(headerKey);
      if (closestKey(headerKey(name), names) !== undefined) {
        warnings.push(`column "${name}" is not read (did you mean ${field}? --map ${field}="${name}")`);
        return;
      }
    }
  });
  lines.sort((a, b) => SCRUB_FIELD_NAMES.indexOf(a.slice(0, a.indexOf(' ')) as ScrubFieldName) - SCRUB_FIELD_NAMES.indexOf(b.slice(0, b.indexOf(' ')) as ScrubFieldName));
  return { columns, values: flags.values, lines, warnings };
}
