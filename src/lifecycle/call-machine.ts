import { setup } from 'xstate';

/**
 * The dial-and-smile lifecycle of one call, as an xstate machine: the single definition of which step may follow
 * which. The campaign simulator drives it with discrete events at virtual times (it is the clock); the machine
 * decides the transitions. Its guards carry the rules that belong to the call itself: no dialing without an allow
 * from the screening engine, no giving up on a ringing line before 15 seconds or four rings, no agent connection
 * more than 2 seconds after the greeting (the call is abandoned instead).
 *
 * Events carry only discrete data (a verdict, an outcome, a duration already measured), so the same state and
 * event always lead to the same transition; the simulator relies on that to cache transitions (./transitions.ts).
 */

/** An unanswered call rings at least this long (15 s or four rings) before the dialer gives up: 16 CFR 310.4(b)(4); 47 CFR 64.1200(a)(6). */
export const MIN_RING_MS = 15_000;
/**
 * A live answer must reach an agent within 2 seconds of the completed greeting, or the call is abandoned and gets
 * the recorded identification message: 16 CFR 310.4(b)(1)(iv), safe harbor 310.4(b)(4); 47 CFR 64.1200(a)(7).
 */
export const ABANDON_GRACE_MS = 2_000;

export const CALL_OUTCOMES = ['rejected', 'callback', 'meeting', 'sale', 'do-not-call'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

export type CallEvent =
  | { type: 'call.screen' }
  | { type: 'call.screened'; verdict: 'allow' | 'block' }
  | { type: 'call.ringing' }
  | { type: 'call.not-in-service' }
  | { type: 'call.busy' }
  | { type: 'call.answered' }
  | { type: 'call.machine-answered' }
  | { type: 'call.ring-timeout'; rangMs: number }
  | { type: 'agent.connected'; waitedMs: number }
  | { type: 'agent.unavailable' }
  | { type: 'agent.disclosing' }
  | { type: 'agent.pitching' }
  | { type: 'call.outcome'; outcome: CallOutcome }
  | { type: 'call.wrap-up' }
  | { type: 'agent.ready' };

export const callMachine = setup({
  types: {
    events: {} as CallEvent,
  },
  guards: {
    /** The one gate: only the screening engine's allow for this attempt leads into `dialing`. */
    screeningAllowed: ({ event }) => event.type === 'call.screened' && event.verdict === 'allow',
    rangLongEnough: ({ event }) => event.type === 'call.ring-timeout' && event.rangMs >= MIN_RING_MS,
    agentWithinGrace: ({ event }) => event.type === 'agent.connected' && event.waitedMs <= ABANDON_GRACE_MS,
    outcomeIs: ({ event }, params: { outcome: CallOutcome }) => event.type === 'call.outcome' && event.outcome === params.outcome,
  },
  actions: {
    /** Plays the recorded message with the seller's name and number that an abandoned call must get. */
    playIdentificationMessage: () => {},
    /** States the caller's name, the seller, that the call is a sales call (and, for broker-dealers, the firm's number or address). */
    discloseIdentity: () => {},
    /** Puts the number on the seller's internal do-not-call list at once. */
    addToInternalList: () => {},
  },
}).createMachine({
  id: 'call',
  initial: 'queued',
  states: {
    queued: { on: { 'call.screen': 'screening' } },
    screening: {
      on: {
        'call.screened': [{ guard: 'screeningAllowed', target: 'dialing' }, { target: 'blocked' }],
      },
    },
    blocked: { type: 'final' },
    dialing: {
      on: { 'call.ringing': 'ringing', 'call.not-in-service': 'not-in-service', 'call.busy': 'busy' },
    },
    'not-in-service': { type: 'final' },
    ringing: {
      on: {
        'call.answered': 'answered',
        'call.machine-answered': 'answering-machine',
        'call.busy': 'busy',
        'call.ring-timeout': { guard: 'rangLongEnough', target: 'no-answer' },
      },
    },
    'no-answer': { type: 'final' },
    busy: { type: 'final' },
    'answering-machine': { type: 'final' },
    answered: {
      on: {
        'agent.connected': [{ guard: 'agentWithinGrace', target: 'connected' }, { target: 'abandoned' }],
        'agent.unavailable': 'abandoned',
      },
    },
    abandoned: { type: 'final', entry: 'playIdentificationMessage' },
    // A do-not-call request can come at any point of the conversation, not only after the pitch.
    connected: {
      on: {
        'agent.disclosing': 'disclosure',
        'call.outcome': { guard: { type: 'outcomeIs', params: { outcome: 'do-not-call' } }, target: 'do-not-call-request' },
      },
    },
    disclosure: {
      entry: 'discloseIdentity',
      on: {
        'agent.pitching': 'pitch',
        'call.outcome': { guard: { type: 'outcomeIs', params: { outcome: 'do-not-call' } }, target: 'do-not-call-request' },
      },
    },
    pitch: {
      on: {
        'call.outcome': [
          { guard: { type: 'outcomeIs', params: { outcome: 'rejected' } }, target: 'rejected' },
          { guard: { type: 'outcomeIs', params: { outcome: 'callback' } }, target: 'callback' },
          { guard: { type: 'outcomeIs', params: { outcome: 'meeting' } }, target: 'meeting' },
          { guard: { type: 'outcomeIs', params: { outcome: 'sale' } }, target: 'sale' },
          { guard: { type: 'outcomeIs', params: { outcome: 'do-not-call' } }, target: 'do-not-call-request' },
        ],
      },
    },
    rejected: { on: { 'call.wrap-up': 'wrap-up' } },
    callback: { on: { 'call.wrap-up': 'wrap-up' } },
    meeting: { on: { 'call.wrap-up': 'wrap-up' } },
    sale: { on: { 'call.wrap-up': 'wrap-up' } },
    'do-not-call-request': { entry: 'addToInternalList', on: { 'call.wrap-up': 'wrap-up' } },
    'wrap-up': { on: { 'agent.ready': 'done' } },
    done: { type: 'final' },
  },
});
