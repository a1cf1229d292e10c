import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import { CALL_OUTCOMES, callMachine, type CallEvent, type CallOutcome } from './call-machine.js';

/** A lifecycle state name, e.g. `ringing` (the machine is flat, so a state value is a string). */
export type CallState = string;

export interface LifecycleStep {
  readonly to: CallState;
  /** Named actions the transition runs (`addToInternalList`...), for the simulator to carry out. */
  readonly actions: readonly string[];
}

type CallSnapshot = SnapshotFrom<typeof callMachine>;

// The keys of the events with a finite payload, written once: every attempt is screened and most calls end in an outcome.
const SCREENED_KEYS = { allow: 'call.screened:allow', block: 'call.screened:block' } as const;
const OUTCOME_KEYS = Object.fromEntries(CALL_OUTCOMES.map((outcome) => [outcome, `call.outcome:${outcome}`])) as Record<CallOutcome, string>;

/** The discrete content of an event, which with the state decides the transition (see call-machine.ts). */
function eventKey(event: CallEvent): string {
  switch (event.type) {
    case 'call.screened':
      return SCREENED_KEYS[event.verdict];
    case 'call.outcome':
      return OUTCOME_KEYS[event.outcome];
    case 'call.ring-timeout':
      return `${event.type}:${event.rangMs}`;
    case 'agent.connected':
      return `${event.type}:${event.waitedMs}`;
    default:
      return event.type;
  }
}

/**
 * Steps calls through the lifecycle with xstate's pure `transition()`, caching each (state, event) result. A fresh
 * actor per call runs at ~15,000 calls a second; the cache answers a repeated step with a Map lookup, and every
 * answer still comes from the machine. Returns `null` when the machine ignores the event in that state.
 */
export class LifecycleStepper {
  readonly #snapshots = new Map<CallState, CallSnapshot>();
  /** By state, then by the event's discrete content: no key string is built for a step already seen. */
  readonly #steps = new Map<CallState, Map<string, LifecycleStep | null>>();
  readonly initial: CallState;
  readonly #cache: boolean;

  /** `cache: false` asks xstate for every step: the baseline the benchmark measures the cache against. */
  constructor(options: { cache?: boolean } = {}) {
    this.#cache = options.cache ?? true;
    const [snapshot] = initialTransition(callMachine);
    this.initial = snapshot.value as CallState;
    this.#snapshots.set(this.initial, snapshot);
  }

  step(from: CallState, event: CallEvent): LifecycleStep | null {
    const key = eventKey(event);
    let fromState = this.#steps.get(from);
    if (fromState === undefined) this.#steps.set(from, (fromState = new Map()));
    const cached = this.#cache ? fromState.get(key) : undefined;
    if (cached !== undefined) return cached;
    const snapshot = this.#snapshots.get(from);
    if (snapshot === undefined) throw new Error(`lifecycle: no snapshot for state "${from}" (reach it through step())`);
    const [next, actions] = transition(callMachine, snapshot, event);
    const to = next.value as CallState;
    const step = to === from && actions.length === 0 ? null : { to, actions: actions.map((action) => action.type) };
    if (!this.#snapshots.has(to)) this.#snapshots.set(to, next);
    fromState.set(key, step);
    return step;
  }

  /** Whether `state` is final (the call is over). Read from the machine, so it holds before `step()` has reached it. */
  isFinal(state: CallState): boolean {
    return callMachine.root.states[state]?.type === 'final';
  }
}
