import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { DateTime, type DurationLikeObject } from 'luxon';
import type { CallerKind, ConsentKind, DialMethod, CallPurpose, LineType } from '../core/attempt.js';
import type { CheckRequestInput } from '../core/check-request.js';
import { statesForNanpNumber } from '../resolve/area-code-states.js';

/**
 * The parameters of a drill before they become a check request. Times are relative to the call ("revoked 1 day
 * ago"), so a sampler can move the call without moving its history, and boundaries ("31 days + 1 minute") stay exact.
 */
export interface Situation {
  /** As a lead list writes it: `(208) 555-0142`. */
  readonly to: string;
  /** The zone whose wall clock `localDate` and `localTime` are read in (the callee's, or the floor's). */
  readonly clockZone: string;
  readonly localDate: string;
  /** `HH:mm:ss`. */
  readonly localTime: string;
  readonly floorZone: string;
  readonly seller: string;
  /** A broker-dealer (FINRA member firm) calls under FINRA Rule 3230 and the FCC's rules; a seller when absent. */
  readonly callerKind?: CallerKind;
  readonly method: DialMethod;
  readonly purpose: CallPurpose;
  readonly lineType: LineType;
  readonly business: boolean;
  /** The zone of the lead's address, when the lead list has one. */
  readonly addressZone: string | null;
  readonly registry: RegistrySituation;
  readonly internalListed: boolean;
  readonly consents: readonly ConsentSituation[];
  readonly transactionAgo: DurationLikeObject | null;
  readonly inquiryAgo: DurationLikeObject | null;
  /** The caller knows the lead personally (family, friend, acquaintance). */
  readonly personal?: boolean;
  /** What the call is about, for the states' same-subject call caps. */
  readonly subject?: string;
  /** This seller's earlier calls to the lead, how long before the call; on `subject`. */
  readonly historyAgo?: readonly DurationLikeObject[];
}

export type RegistrySituation =
  | { readonly copy: 'missing' }
  | { readonly copy: 'present'; readonly age: DurationLikeObject; readonly listed: boolean; readonly dateOnly: boolean };

export interface ConsentSituation {
  readonly kind: ConsentKind;
  readonly seller: string;
  /** Before the call; a negative duration ({ hours: -1 }) means after it. */
  readonly grantedAgo: DurationLikeObject;
  readonly revokedAgo: DurationLikeObject | null;
}

/** The instant of the call, in epoch milliseconds. */
export function callInstant(situation: Situation): number {
  const local = DateTime.fromISO(`${situation.localDate}T${situation.localTime}`, { zone: situation.clockZone });
  if (!local.isValid) throw new Error(`training: invalid local time ${situation.localDate} ${situation.localTime} in ${situation.clockZone}`);
  return local.toMillis();
}

function isoBefore(at: number, ago: DurationLikeObject): string {
  return DateTime.fromMillis(at, { zone: 'utc' }).minus(ago).toISO({ suppressMilliseconds: true })!.replace('+00:00', 'Z').replace('.000Z', 'Z');
}

function dateBefore(at: number, ago: DurationLikeObject): string {
  return DateTime.fromMillis(at, { zone: 'utc' }).minus(ago).toISODate()!;
}

/** The number as a registry file lists it (`208-555-0142`); none for a number too short to be listed anywhere. */
function registryForm(to: string): string[] {
  const digits = to.replace(/\D/g, '');
  const national = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
  return national.length === 10 ? [`${national.slice(0, 3)}-${national.slice(3, 6)}-${national.slice(6)}`] : [];
}

/** The check request a situation describes: what `dialsim check` would be asked, and what the engine grades. */
export function situationToRequest(situation: Situation): CheckRequestInput {
  const at = callInstant(situation);
  const atText = DateTime.fromMillis(at, { zone: situation.floorZone }).toISO({ suppressMilliseconds: true, includeOffset: true })!;
  const number = registryForm(situation.to);
  const registry = situation.registry;
  const parsed = parsePhoneNumberFromString(situation.to, 'US');
  const canadian = parsed?.country === 'CA';
  const syncedAt = registry.copy === 'present' ? (registry.dateOnly ? dateBefore(at, registry.age) : isoBefore(at, registry.age)) : undefined;
  // The registry situation is the seller's copy of the number's own country's list (the DNCL for Canada). The
  // seller also keeps current copies of the lists of the lead's states, not listing it: a drill about the national
  // copy must not be decided by a state's list.
  const stateCopies =
    canadian || parsed === undefined || syncedAt === undefined
      ? []
      : statesForNanpNumber(parsed.number, parsed.country ?? null).map((state) => [state, { syncedAt, numbers: [] as string[] }] as const);
  return {
    at: atText,
    to: situation.to,
    method: situation.method,
    purpose: situation.purpose,
    caller: { seller: situation.seller, ...(situation.callerKind !== undefined && { kind: situation.callerKind }) },
    ...(situation.subject !== undefined && { subject: situation.subject }),
    ...(situation.historyAgo !== undefined && {
      history: situation.historyAgo.map((ago) => ({ at: isoBefore(at, ago), ...(situation.subject !== undefined && { subject: situation.subject }) })),
    }),
    callee: {
      lineType: situation.lineType,
      business: situation.business,
      ...(situation.addressZone !== null && { timeZone: situation.addressZone }),
    },
    consents: situation.consents.map((consent) => ({
      kind: consent.kind,
      seller: consent.seller,
      grantedAt: isoBefore(at, consent.grantedAgo),
      revokedAt: consent.revokedAgo === null ? null : isoBefore(at, consent.revokedAgo),
    })),
    relationship: {
      lastTransactionAt: situation.transactionAgo === null ? null : dateBefore(at, situation.transactionAgo),
      lastInquiryAt: situation.inquiryAgo === null ? null : dateBefore(at, situation.inquiryAgo),
      ...(situation.personal === true && { personal: true }),
    },
    registries: {
      ...(registry.copy === 'present' && { [canadian ? 'canada' : 'national']: { syncedAt: syncedAt!, numbers: registry.listed ? number : [] } }),
      ...(stateCopies.length > 0 && { states: Object.fromEntries(stateCopies) }),
      internal: { numbers: situation.internalListed ? number : [] },
    },
  };
}
