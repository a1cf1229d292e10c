import { z } from 'zod';
import { parseInstant, parseInstantOrDate, type InstantProblem } from './instant.js';

/** zod schemas for instants written as text, with messages that say what is wrong (no offset, out of range). */

const INSTANT_HINT = 'e.g. 2026-03-10T20:30:00-07:00';

function instantProblemMessage(problem: InstantProblem, dateAllowed: boolean): string {
  switch (problem) {
    case 'no-offset':
      return `expected an ISO-8601 instant with an offset or Z (${INSTANT_HINT}); a time without an offset names no instant`;
    case 'out-of-range':
      return 'is not a real date and time (a year before 1900, or a month, day, hour, minute or offset out of range)';
    case 'format':
      return dateAllowed
        ? `expected an ISO-8601 instant with an offset or Z (${INSTANT_HINT}) or a date (2026-03-01)`
        : `expected an ISO-8601 instant with an offset or Z (${INSTANT_HINT})`;
  }
}

/**
 * An instant as text, checked but kept as text: transforms inside the schema cost more than the rest of the
 * validation together, so `toCallAttempt` converts after zod has accepted the request.
 */
function instantSchema(dateAllowed: boolean) {
  const parse = dateAllowed ? parseInstantOrDate : parseInstant;
  return z.string({ error: `expected a string (${INSTANT_HINT})` }).refine((text) => typeof parse(text) === 'number', {
    error: (issue) => instantProblemMessage(parse(issue.input as string) as InstantProblem, dateAllowed),
  });
}

/** ISO-8601 with an offset or Z, e.g. `2026-03-10T20:30:00-07:00`. */
export const instantText = instantSchema(false);
/** The same, or a date alone (`2026-03-01`, 00:00 UTC). */
export const instantOrDateText = instantSchema(true);

