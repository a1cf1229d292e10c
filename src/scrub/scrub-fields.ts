import { CALL_PURPOSES, CONSENT_KINDS, DIAL_METHODS, LINE_TYPES } from '../core/attempt.js';

/** How a cell is read into a request field: as text, as one of a few words, as yes/no, or as an instant. */
export type FieldKind =
  | { readonly kind: 'text' }
  | { readonly kind: 'code' }
  | { readonly kind: 'choice'; readonly choices: readonly string[] }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'instant' };

export interface ScrubField {
  readonly kind: FieldKind;
  /** Column names that give the field when no `--map` names its column, compared by `headerKey`. */
  readonly names: readonly string[];
  /** Where the field goes in the check request, for naming the column when the request names a path. */
  readonly requestPath: string;
}

const text = { kind: 'text' } as const;
const instant = { kind: 'instant' } as const;
const boolean = { kind: 'boolean' } as const;
const choice = (choices: readonly string[]) => ({ kind: 'choice', choices }) as const;

/**
 * The request fields a lead list's columns can give, with the column names CRM exports commonly use for each. The
 * seller, the packs and the registries are the same for the whole list and come from flags; `at` and `method`
 * default to the flags and a column overrides them row by row.
 */
export const SCRUB_FIELDS = {
  phone: { kind: text, requestPath: 'to', names: ['phone', 'phone number', 'phone no', 'telephone', 'tel', 'mobile', 'mobile phone', 'mobile number', 'cell', 'cell phone', 'number'] },
  at: { kind: instant, requestPath: 'at', names: ['at', 'call time', 'call at'] },
  method: { kind: choice(DIAL_METHODS), requestPath: 'method', names: ['method', 'dial method'] },
  purpose: { kind: choice(CALL_PURPOSES), requestPath: 'purpose', names: ['purpose', 'call purpose'] },
  lineType: { kind: choice(LINE_TYPES), requestPath: 'callee.lineType', names: ['line type', 'phone type', 'number type'] },
  business: { kind: boolean, requestPath: 'callee.business', names: ['business', 'business line', 'is business'] },
  timeZone: { kind: text, requestPath: 'callee.timeZone', names: ['time zone', 'timezone', 'tz'] },
  state: { kind: { kind: 'code' }, requestPath: 'callee.state', names: ['state', 'province', 'state/province', 'st'] },
  subject: { kind: text, requestPath: 'subject', names: ['subject', 'product'] },
  lastTransactionAt: {
    kind: instant,
    requestPath: 'relationship.lastTransactionAt',
    names: ['last transaction at', 'last transaction', 'last transaction date', 'last purchase', 'last purchase date'],
  },
  lastInquiryAt: { kind: instant, requestPath: 'relationship.lastInquiryAt', names: ['last inquiry at', 'last inquiry', 'last inquiry date'] },
  personal: { kind: boolean, requestPath: 'relationship.personal', names: ['personal', 'personal relationship'] },
  consentKind: { kind: choice(CONSENT_KINDS), requestPath: 'consents[0].kind', names: ['consent kind', 'consent type'] },
  consentGrantedAt: { kind: instant, requestPath: 'consents[0].grantedAt', names: ['consent granted at', 'consent granted', 'consent date'] },
  consentRevokedAt: { kind: instant, requestPath: 'consents[0].revokedAt', names: ['consent revoked at', 'consent revoked', 'consent revoked date'] },
} as const satisfies Record<string, ScrubField>;

export type ScrubFieldName = keyof typeof SCRUB_FIELDS;

export const SCRUB_FIELD_NAMES = Object.keys(SCRUB_FIELDS) as ScrubFieldName[];

/**
 * A column name as compared with the common names: case, spaces and punctuation aside, so `Phone Number`,
 * `phone_number` and `PHONE-NUMBER` are one name.
 */
export function headerKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** `yes`, `Y`, `true`, `1` and their opposites: how CRM exports write a yes/no column. */
const YES = new Set(['yes', 'y', 'true', '1']);
const NO = new Set(['no', 'n', 'false', '0']);

/** The boolean a yes/no cell says, or undefined when it says neither. */
export function readBoolean(cell: string): boolean | undefined {
  const word = cell.trim().toLowerCase();
  return YES.has(word) ? true : NO.has(word) ? false : undefined;
}
