import fc from 'fast-check';
import { ABANDON_GRACE_MS, CALL_OUTCOMES, MIN_RING_MS, type CallEvent } from '../../src/lifecycle/call-machine.js';

/** The events without a payload, each once. */
const PLAIN_EVENTS = [
  { type: 'call.screen' },
  { type: 'call.ringing' },
  { type: 'call.not-in-service' },
  { type: 'call.busy' },
  { type: 'call.answered' },
  { type: 'call.machine-answered' },
  { type: 'agent.unavailable' },
  { type: 'agent.disclosing' },
  { type: 'agent.pitching' },
  { type: 'call.wrap-up' },
  { type: 'agent.ready' },
] as const satisfies readonly CallEvent[];

/**
 * One event of every type, with each verdict, each outcome, and durations on both sides of the guards' limits: enough
 * to take every transition of the machine and to see each guard both pass and fail.
 */
export const REPRESENTATIVE_EVENTS: readonly CallEvent[] = [
  ...PLAIN_EVENTS,
  { type: 'call.screened', verdict: 'allow' },
  { type: 'call.screened', verdict: 'block' },
  ...[0, MIN_RING_MS - 1, MIN_RING_MS, 60_000].map((rangMs): CallEvent => ({ type: 'call.ring-timeout', rangMs })),
  ...[0, ABANDON_GRACE_MS, ABANDON_GRACE_MS + 1].map((waitedMs): CallEvent => ({ type: 'agent.connected', waitedMs })),
  ...CALL_OUTCOMES.map((outcome): CallEvent => ({ type: 'call.outcome', outcome })),
];

/** A short stable name for an event in test titles and failure lists: `call.screened(allow)`, `call.ring-timeout(15000)`. */
export function eventName(event: CallEvent): string {
  switch (event.type) {
    case 'call.screened':
      return `${event.type}(${event.verdict})`;
    case 'call.ring-timeout':
      return `${event.type}(${event.rangMs})`;
    case 'agent.connected':
      return `${event.type}(${event.waitedMs})`;
    case 'call.outcome':
      return `${event.type}(${event.outcome})`;
    default:
      return event.type;
  }
}

/** Any measured duration, the guards' boundaries included, and odd doubles (negative, NaN, infinite). */
const arbitraryDurationMs = fc.oneof(
  fc.nat({ max: 60_000 }),
  fc.constantFrom(MIN_RING_MS - 1, MIN_RING_MS, ABANDON_GRACE_MS, ABANDON_GRACE_MS + 1),
  fc.double(),
);

/** Any event of the `CallEvent` union, each type equally likely, with a random verdict, duration or outcome. */
export const arbitraryCallEvent: fc.Arbitrary<CallEvent> = fc.oneof(
  ...PLAIN_EVENTS.map((event) => fc.constant<CallEvent>(event)),
  fc.constantFrom<'allow' | 'block'>('allow', 'block').map((verdict): CallEvent => ({ type: 'call.screened', verdict })),
  arbitraryDurationMs.map((rangMs): CallEvent => ({ type: 'call.ring-timeout', rangMs })),
  arbitraryDurationMs.map((waitedMs): CallEvent => ({ type: 'agent.connected', waitedMs })),
  fc.constantFrom(...CALL_OUTCOMES).map((outcome): CallEvent => ({ type: 'call.outcome', outcome })),
);
