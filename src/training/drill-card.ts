import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { DateTime, type DurationUnit } from 'luxon';
import type { CheckRequestInput } from '../core/check-request.js';
import type { Decision } from '../core/decision.js';
import { parseInstantOrDate } from '../core/instant.js';
import type { PolicyPack } from '../core/policy.js';
import type { Drill } from './drill.js';
import { screenRequest } from './drill-key.js';

/** One line of a call card: a short label and the facts in sales-floor words. */
export interface CardLine {
  readonly label: string;
  readonly text: string;
}

/** A drill as a rep sees it: the situation only, never the answer. */
export interface DrillCard {
  readonly drillId: string;
  readonly lines: readonly CardLine[];
}

/** "Los Angeles" for America/Los_Angeles: the place a rep says. */
export function placeOf(zone: string): string {
  return zone.split('/').at(-1)!.replace(/_/g, ' ');
}

function wallClock(time: DateTime): string {
  return time.toFormat(time.second === 0 ? 'HH:mm' : 'HH:mm:ss');
}

function day(time: DateTime): string {
  return time.toFormat('cccc d LLLL yyyy');
}

const UNITS = ['months', 'days', 'hours', 'minutes'] as const satisfies readonly DurationUnit[];

/** "18 months 7 days before the call", "2 hours after the call": how far a fact is from the call. */
function relative(at: number, then: number): string {
  if (then === at) return 'at the moment of the call';
  const [early, late] = then < at ? [then, at] : [at, then];
  const diff = DateTime.fromMillis(late, { zone: 'utc' }).diff(DateTime.fromMillis(early, { zone: 'utc' }), [...UNITS]).toObject();
  const parts = UNITS.filter((unit) => (diff[unit] ?? 0) >= 1).map((unit) => {
    const value = Math.floor(diff[unit]!);
    return `${value} ${value === 1 ? unit.slice(0, -1) : unit}`;
  });
  return `${parts.slice(0, 2).join(' ') || 'less than a minute'} ${then < at ? 'before' : 'after'} the call`;
}

function instant(text: string): number {
  return parseInstantOrDate(text) as number;
}

function when(text: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : DateTime.fromMillis(instant(text), { zone: 'utc' }).toFormat("yyyy-MM-dd HH:mm 'UTC'");
}

/** A daylight-saving change within a day of the call in `zone`, said the way the floor would say it. */
function clockChange(zone: string, at: number): string | null {
  const offsets = [-1, 0, 1].map((days) => DateTime.fromMillis(at, { zone }).plus({ days }).offset);
  if (offsets[0] === offsets[2]) return null;
  const forward = offsets[2]! > offsets[0]!;
  const changeDay = offsets[0] !== offsets[1] ? DateTime.fromMillis(at, { zone }) : DateTime.fromMillis(at, { zone }).plus({ days: 1 });
  return `clocks in ${placeOf(zone)} ${forward ? 'spring forward' : 'fall back'} one hour at 02:00 on ${changeDay.toFormat('cccc d LLLL')}`;
}

const LINE_WORDS = { mobile: 'a mobile number', landline: 'a landline', unknown: 'a number of unknown line type' } as const;
const METHOD_WORDS = {
  manual: 'you dial it by hand',
  autodialer: 'you are on the predictive dialer (an autodialer)',
  prerecorded: 'the dialer plays a prerecorded message',
} as const;

/**
 * The call card of a request: the floor's clock, the lead's clock in each zone the engine finds, the number and line,
 * how it is dialed, the registry copy, the internal list, consents and the relationship, in the words of a sales floor.
 */
export function requestCard(drillId: string, request: CheckRequestInput, floorZone: string, callee: Decision['callee']): DrillCard {
  const at = instant(request.at);
  const seller = request.caller.seller;
  const floor = DateTime.fromMillis(at, { zone: floorZone });
  const where = floorZone.startsWith('UTC') ? `by your floor's clock (${floor.toFormat("'UTC'ZZ")})` : `on your floor in ${placeOf(floorZone)} (${floorZone})`;
  const lines: CardLine[] = [{ label: 'Floor clock', text: `It is ${wallClock(floor)} on ${day(floor)} ${where}.` }];

  const address = request.callee?.timeZone;
  let leadClock: string;
  if (callee.timeZones.length === 0) {
    leadClock = "No time zone is known for this number and there is no address on file, so the lead's local time is unknown.";
  } else {
    const times = callee.timeZones.map((zone) => {
      const local = DateTime.fromMillis(at, { zone });
      return `${wallClock(local)} in ${placeOf(zone)} (${zone})`;
    });
    leadClock =
      address !== undefined
        ? `The lead's address is in ${placeOf(address)}: it is ${times[0]}.`
        : times.length === 1
          ? `For the lead it is ${times[0]}.`
          : `The area code covers ${times.length} zones and there is no address on file: it is ${times.join(', ')}.`;
  }
  lines.push({ label: 'Lead clock', text: leadClock });
  const changes = [...new Set([floorZone, ...callee.timeZones])].map((zone) => clockChange(zone, at)).filter((text) => text !== null);
  if (changes.length > 0) lines.push({ label: 'Daylight saving', text: `This weekend ${[...new Set(changes)].join('; ')}.` });

  const lineType = request.callee?.lineType ?? 'unknown';
  const business = request.callee?.business === true;
  const country = parsePhoneNumberFromString(request.to, 'US')?.country;
  const abroad = country !== undefined && country !== 'US' ? ` It is a number in ${new Intl.DisplayNames(['en'], { type: 'region' }).of(country) ?? country}.` : '';
  lines.push({ label: 'Number', text: `${request.to}, ${LINE_WORDS[lineType]}${business ? ' (a business line)' : lineType === 'landline' ? ' at home' : ''}.${abroad}` });
  lines.push({ label: 'Dialing', text: `${METHOD_WORDS[request.method][0]!.toUpperCase()}${METHOD_WORDS[request.method].slice(1)}.` });
  lines.push({
    label: 'Purpose',
    text: request.purpose === 'informational' ? `An informational call for ${seller}: no sales pitch.` : `A sales call for ${seller}.`,
  });
  if (request.caller.kind === 'broker-dealer') {
    lines.push({ label: 'Caller', text: `${seller} is a broker-dealer (a FINRA member firm): you are offering securities.` });
  }

  // A Canadian number is screened against Canada's list; every other against the US registry.
  const canadian = country === 'CA';
  const copy = canadian ? request.registries?.canada : request.registries?.national;
  const listName = canadian ? "Canada's National Do Not Call List (DNCL)" : 'the National Do Not Call Registry';
  const shortName = canadian ? 'DNCL' : 'National Do Not Call';
  let registry: string;
  if (copy === undefined) registry = `No copy of ${listName} is loaded.`;
  else if (copy.syncedAt == null) registry = `A ${shortName} copy is loaded, but it has no sync date.`;
  else {
    const listed = (copy.numbers ?? []).length > 0;
    registry = `Your ${shortName} copy was synced ${when(copy.syncedAt)} (${relative(at, instant(copy.syncedAt))}); the number is ${listed ? '' : 'not '}on it.`;
  }
  lines.push({ label: 'Registry', text: registry });
  const stateCopies = Object.entries(request.registries?.states ?? {});
  if (stateCopies.length > 0) {
    const listed = stateCopies.filter(([, stateCopy]) => (stateCopy.numbers ?? []).length > 0).map(([state]) => state);
    lines.push({
      label: 'State lists',
      text: `You have current copies of the do-not-call lists of ${stateCopies.map(([state]) => state).join(', ')}; the number is ${listed.length === 0 ? 'on none of them' : `on ${listed.join(', ')}`}.`,
    });
  }
  const internal = (request.registries?.internal?.numbers ?? []).length > 0;
  lines.push({ label: 'Internal list', text: `The number is ${internal ? '' : 'not '}on ${seller}'s own do-not-call list.` });

  const consents = request.consents ?? [];
  lines.push({
    label: 'Consent',
    text:
      consents.length === 0
        ? 'None on file.'
        : `${consents
            .map((consent) => {
              const kind = consent.kind === 'prior-express-written' ? 'Prior express written consent' : 'Prior express (not written) consent';
              const granted = `${kind} to ${consent.seller}, given ${when(consent.grantedAt)} (${relative(at, instant(consent.grantedAt))})`;
              return consent.revokedAt == null ? granted : `${granted}, revoked ${when(consent.revokedAt)} (${relative(at, instant(consent.revokedAt))})`;
            })
            .join('; ')}.`,
  });
  const { lastTransactionAt, lastInquiryAt, personal } = request.relationship ?? {};
  const history = [
    lastTransactionAt == null ? null : `last purchase ${when(lastTransactionAt)} (${relative(at, instant(lastTransactionAt))})`,
    lastInquiryAt == null ? null : `last inquiry ${when(lastInquiryAt)} (${relative(at, instant(lastInquiryAt))})`,
    personal === true ? 'you know the lead personally (a friend of the family)' : null,
  ].filter((text) => text !== null);
  lines.push({ label: 'History', text: history.length === 0 ? `No purchase or inquiry with ${seller} on file.` : `With ${seller}: ${history.join('; ')}.` });
  // Earlier calls matter to the states' call caps; a card without any says nothing about them.
  const earlier = request.history ?? [];
  if (earlier.length > 0) {
    const about = request.subject === undefined ? 'The subject of this call is not recorded.' : `This call is about ${request.subject}.`;
    const calls = earlier
      .map((call) => `${when(call.at)} (${relative(at, instant(call.at))})${call.subject === undefined ? '' : `, about ${call.subject}`}`)
      .join('; ');
    lines.push({ label: 'Earlier calls', text: `${about} ${seller} called this lead ${earlier.length} time${earlier.length === 1 ? '' : 's'} before: ${calls}.` });
  }
  return { drillId, lines };
}

/** The call card of a drill; the lead's zones come from the engine's resolution of the same request. */
export function drillCard(drill: Drill, pack?: PolicyPack): DrillCard {
  return requestCard(drill.id, drill.request, drill.floorZone, screenRequest(drill.request, pack).callee);
}

/** The card as plain text, one fact per line, labels aligned. */
export function renderCardText(card: DrillCard): string {
  const width = Math.max(...card.lines.map((line) => line.label.length));
  return card.lines.map((line) => `  ${`${line.label}:`.padEnd(width + 1)} ${line.text}`).join('\n');
}
