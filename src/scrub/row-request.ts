import type { CheckRequestInput } from '../core/check-request.js';
import { parseCheckRequest } from '../core/check-request.js';
import { fastCheckRequest } from '../core/fast-check-request.js';
import type { CallAttempt, DialMethod } from '../core/attempt.js';
import { InputError, formatProblem, type InputProblem } from '../core/input-error.js';
import type { FieldMapping } from './field-mapping.js';
import { readBoolean, SCRUB_FIELDS, type ScrubFieldName } from './scrub-fields.js';

/** What is the same for every row: the seller, and the flags a column may override. */
export interface RowDefaults {
  readonly seller: string;
  /** `--at` as given (validated), or the current instant for `--dnc-only` without it. */
  readonly at: string | undefined;
  readonly method: DialMethod;
}

/** Why a row could not be screened, by kind, for the summary's counts. */
export type RowErrorKind = 'empty' | 'no number' | 'invalid value' | 'malformed row';

export type RowAttempt =
  | { readonly attempt: CallAttempt }
  | { readonly error: string; readonly kind: RowErrorKind };

/** `lineType (column "Mobile?")`, or the field alone when the column has its name. */
function fieldLabel(field: ScrubFieldName, header: readonly string[], mapping: FieldMapping): string {
  const column = header[mapping.columns.get(field)!];
  return column === field ? field : `${field} (column "${column}")`;
}

const PATH_TO_FIELD = new Map<string, ScrubFieldName>(
  (Object.entries(SCRUB_FIELDS) as [ScrubFieldName, (typeof SCRUB_FIELDS)[ScrubFieldName]][]).map(([field, { requestPath }]) => [requestPath, field]),
);

/**
 * Turns one row into the check request `dialsim check` would screen for it, then validates it with the same schema,
 * so a row's decision is by construction the decision `check` gives. An empty row, an empty phone cell or a value
 * that does not parse is an error naming the field and its column.
 */
export function rowAttempt(cells: readonly string[], header: readonly string[], mapping: FieldMapping, defaults: RowDefaults): RowAttempt {
  const fields = rowFields(cells, header, mapping, defaults);
  return 'error' in fields ? fields : attemptOfFields(fields.value, header, mapping, defaults);
}

/** A row's cells read as the fields they give, before the request is built; `phone` is always there. */
export type RowFields = Partial<Record<ScrubFieldName, string | boolean>> & { readonly phone: string };

/** One mapped field as rowFields reads it: the column, and its value map or its kind. */
export interface FieldReading {
  readonly field: ScrubFieldName;
  readonly column: number;
  readonly map: ReadonlyMap<string, string | boolean> | undefined;
  readonly kind: (typeof SCRUB_FIELDS)[ScrubFieldName]['kind']['kind'];
}

/**
 * How rowFields reads the rows of `mapping`, field by field in mapping order: made once per mapping (RowAttempts
 * keeps it), where reading the mapping's Maps made an iterator and an entry per field per row.
 */
export function fieldReadings(mapping: FieldMapping): readonly FieldReading[] {
  return [...mapping.columns].map(([field, column]) => ({ field, column, map: mapping.values.get(field), kind: SCRUB_FIELDS[field].kind.kind }));
}

/** The first half of rowAttempt: the row's cells read as fields, or the row's error. */
export function rowFields(
  cells: readonly string[],
  header: readonly string[],
  mapping: FieldMapping,
  defaults: RowDefaults,
  readings: readonly FieldReading[] = fieldReadings(mapping),
): { readonly value: RowFields } | { readonly error: string; readonly kind: RowErrorKind } {
  if (isEmptyRow(cells)) return { error: 'the row is empty', kind: 'empty' };
  const problems: InputProblem[] = [];
  const value: Partial<Record<ScrubFieldName, string | boolean>> = {};
  for (let index = 0; index < readings.length; index++) {
    const { field, column, map, kind } = readings[index]!;
    const cell = (cells[column] ?? '').trim();
    if (map !== undefined) {
      const mapped = map.get(cell.toLowerCase());
      if (mapped !== undefined) value[field] = mapped;
      else if (cell !== '') {
        problems.push({ path: fieldLabel(field, header, mapping), message: `"${cell}" is not one of the cells --values ${field} maps (${[...map.keys()].map((key) => `"${key}"`).join(', ')})` });
      }
      continue;
    }
    if (cell === '') continue;
    if (kind === 'boolean') {
      const yes = readBoolean(cell);
      if (yes === undefined) problems.push({ path: fieldLabel(field, header, mapping), message: `expected yes or no (y/n, true/false, 1/0), got "${cell}"` });
      else value[field] = yes;
    } else if (kind === 'choice') value[field] = cell.toLowerCase();
    else if (kind === 'code') value[field] = cell.toUpperCase();
    else value[field] = cell;
  }
  if (value.phone === undefined && problems.length === 0) {
    return { error: `${fieldLabel('phone', header, mapping)}: the cell is empty: no number to screen`, kind: 'no number' };
  }
  if (value.consentGrantedAt === undefined && (value.consentKind !== undefined || value.consentRevokedAt !== undefined)) {
    problems.push({ path: fieldLabel(value.consentKind !== undefined ? 'consentKind' : 'consentRevokedAt', header, mapping), message: 'a consent needs the date it was granted (consentGrantedAt)' });
  }
  if (value.consentGrantedAt !== undefined && value.consentKind === undefined) {
    problems.push({
      path: mapping.columns.has('consentKind') ? fieldLabel('consentKind', header, mapping) : fieldLabel('consentGrantedAt', header, mapping),
      message: 'a consent needs its kind (consentKind: prior-express-written or prior-express); a kind is never assumed',
    });
  }
  if (value.at === undefined && defaults.at === undefined) {
    problems.push({ path: fieldLabel('at', header, mapping), message: 'the cell is empty and no --at was given: a full screening needs the time of the call' });
  }
  if (problems.length > 0) return { error: problems.map(formatProblem).join('; '), kind: 'invalid value' };
  return { value: value as RowFields };
}

function isEmptyRow(cells: readonly string[]): boolean {
  for (let index = 0; index < cells.length; index++) if (cells[index]!.trim() !== '') return false;
  return true;
}

/** The second half of rowAttempt: the row's fields as `check` would screen them, validated by the same schema. */
export function attemptOfFields(value: RowFields, header: readonly string[], mapping: FieldMapping, defaults: RowDefaults): RowAttempt {
  try {
    // As in `check`: the fast path for a well-formed row, zod (and its error messages) for any other.
    const request = checkRequestOf(value, defaults);
    return { attempt: fastCheckRequest(request) ?? parseCheckRequest(request) };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { error: rowProblemText(error, header, mapping), kind: 'invalid value' };
  }
}

/** The check request of a row's fields. */
export function checkRequestOf(value: RowFields, defaults: RowDefaults): CheckRequestInput {
  const request: CheckRequestInput = {
    at: ((value.at as string | undefined) ?? defaults.at)!,
    to: value.phone,
    method: ((value.method as string | undefined) ?? defaults.method) as DialMethod,
    caller: { seller: defaults.seller },
  };
  const mutable = request as Record<string, unknown>;
  if (value.purpose !== undefined) mutable.purpose = value.purpose;
  if (value.subject !== undefined) mutable.subject = value.subject;
  const callee: Record<string, unknown> = {};
  if (value.lineType !== undefined) callee.lineType = value.lineType;
  if (value.business !== undefined) callee.business = value.business;
  if (value.timeZone !== undefined) callee.timeZone = value.timeZone;
  if (value.state !== undefined) callee.state = value.state;
  if (Object.keys(callee).length > 0) mutable.callee = callee;
  const relationship: Record<string, unknown> = {};
  if (value.lastTransactionAt !== undefined) relationship.lastTransactionAt = value.lastTransactionAt;
  if (value.lastInquiryAt !== undefined) relationship.lastInquiryAt = value.lastInquiryAt;
  if (value.personal !== undefined) relationship.personal = value.personal;
  if (Object.keys(relationship).length > 0) mutable.relationship = relationship;
  if (value.consentGrantedAt !== undefined) {
    mutable.consents = [{ kind: value.consentKind, seller: defaults.seller, grantedAt: value.consentGrantedAt, ...(value.consentRevokedAt !== undefined && { revokedAt: value.consentRevokedAt }) }];
  }
  return request;
}

/**
 * A request's input problems in the row's terms: `callee.state` becomes `state (column "Province")`. For problems
 * found while screening too (a Canadian province given for a US number), which `check` reports as malformed.
 */
export function rowProblemText(error: InputError, header: readonly string[], mapping: FieldMapping): string {
  const named = error.problems.map((problem) => {
    const field = PATH_TO_FIELD.get(problem.path);
    return field === undefined || !mapping.columns.has(field) ? problem : { ...problem, path: fieldLabel(field, header, mapping) };
  });
  return named.map(formatProblem).join('; ');
}
