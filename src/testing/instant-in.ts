import { DateTime, IANAZone } from 'luxon';

export interface InstantInOptions {
  /**
   * Which instant an ambiguous local time means (one the clocks pass twice when they fall back): the `earlier`
   * (still on summer time, the default), the `later`, or `reject` to throw.
   */
  readonly disambiguation?: 'earlier' | 'later' | 'reject';
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const hours = String(Math.floor(Math.abs(minutes) / 60)).padStart(2, '0');
  return `UTC${sign}${hours}:${String(Math.abs(minutes) % 60).padStart(2, '0')}`;
}

/**
 * The instant at which the clocks in `zone` show `local` ("2026-03-08 01:59", seconds optional), as ISO-8601 text
 * with the zone's offset, ready for a request's `at`. A local time that does not exist (skipped when the clocks
 * spring forward) throws; one that happens twice (when they fall back) is the earlier instant unless told otherwise.
 * @example
 * instantIn('2026-03-08 01:59', 'America/New_York') // '2026-03-08T01:59:00-05:00'
 * instantIn('2026-11-01 01:30', 'America/New_York', { disambiguation: 'later' }) // '2026-11-01T01:30:00-05:00'
 */
export function instantIn(local: string, zone: string, options: InstantInOptions = {}): string {
  const match = LOCAL.exec(local);
  if (match === null) throw new Error(`instantIn: "${local}" is not a local date and time such as "2026-03-08 01:59" or "2026-03-08 01:59:30"`);
  if (!IANAZone.isValidZone(zone)) throw new Error(`instantIn: "${zone}" is not an IANA time zone name such as "America/New_York"`);
  const [year, month, day, hour, minute, second = 0, millisecond = 0] = match.slice(1).map((part) => (part === undefined ? undefined : Number(part)));
  const fields = { year: year!, month: month!, day: day!, hour: hour!, minute: minute!, second, millisecond };
  const resolved = DateTime.fromObject(fields, { zone });
  if (!resolved.isValid) throw new Error(`instantIn: ${local} is not a date and time (${resolved.invalidExplanation ?? resolved.invalidReason})`);

  if (resolved.hour !== fields.hour || resolved.minute !== fields.minute || resolved.day !== fields.day) {
    // luxon moves a time in the gap forward; a test that asks for it almost always has a mistake in it.
    const before = resolved.minus({ hours: 6 }).offset;
    throw new Error(
      `instantIn: ${local} does not exist in ${zone}: the clocks spring forward over it that night (${offsetText(before)} to ${offsetText(resolved.offset)}); ` +
        'pick a time before or after the gap',
    );
  }

  const candidates = resolved.getPossibleOffsets().sort((a, b) => a.toMillis() - b.toMillis());
  let chosen = resolved;
  if (candidates.length > 1) {
    const disambiguation = options.disambiguation ?? 'earlier';
    if (disambiguation === 'reject') {
      throw new Error(
        `instantIn: ${local} happens twice in ${zone} (at ${candidates.map((candidate) => offsetText(candidate.offset)).join(' and then at ')}); ` +
          "pass { disambiguation: 'earlier' } or { disambiguation: 'later' }",
      );
    }
    chosen = disambiguation === 'earlier' ? candidates[0]! : candidates[candidates.length - 1]!;
  }
  return chosen.toISO({ suppressMilliseconds: true })!;
}
