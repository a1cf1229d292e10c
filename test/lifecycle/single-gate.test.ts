import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import { adjacencyMapToArray, getAdjacencyMap, getShortestPaths, getSimplePaths } from 'xstate/graph';
import { callMachine, type CallEvent } from '../../src/lifecycle/call-machine.js';
import { arbitraryCallEvent, eventName, REPRESENTATIVE_EVENTS } from '../support/call-events.js';

// DESIGN.md, "One gate": a simulated call reaches `dialing` only from `screening`, on the screening engine's allow.
// Proved twice: over the machine's graph (its edges, and its simple paths), and over random event sequences.

const ALLOW: CallEvent = { type: 'call.screened', verdict: 'allow' };

const isAllow = (event: unknown) => JSON.stringify(event) === JSON.stringify(ALLOW);

const NON_FINAL_STATES = Object.values(callMachine.root.states)
  .filter((node) => node.type !== 'final')
  .map((node) => node.key);

describe('one gate into dialing (xstate/graph)', () => {
  const traversal = { events: REPRESENTATIVE_EVENTS };
  const paths = getSimplePaths(callMachine, traversal);

  // A simple path never visits a state twice, so an edge back into `dialing` from a state after it (say ringing →
  // dialing) lies on no simple path: the paths alone would miss it. Every edge of the graph is checked first.
  it('every edge into dialing, cycles included, comes from screening on call.screened with verdict allow', () => {
    const edges = adjacencyMapToArray(getAdjacencyMap(callMachine, traversal));
    const intoDialing = edges.filter((edge) => edge.nextState.value === 'dialing' && edge.state.value !== 'dialing');
    const others = intoDialing.filter((edge) => edge.state.value !== 'screening' || !isAllow(edge.event));
    expect(others.map((edge) => `${edge.state.value} + ${eventName(edge.event)} → dialing`)).toEqual([]);
    expect(intoDialing.length).toBeGreaterThan(0);
  });

  /** Each step of a path that enters `dialing`: the state before it, the event that took it there, and the route. */
  const entries = paths.flatMap((path) =>
    path.steps.flatMap((step, index) => {
      if (step.state.value !== 'dialing') return [];
      const before = index === 0 ? 'nothing (initial state)' : path.steps[index - 1]!.state.value;
      if (before === 'dialing') return [];
      return [{ before, event: step.event, route: path.steps.map((s) => eventName(s.event)).join(' → ') }];
    }),
  );

  it('every simple path that enters dialing does so from screening, on call.screened with verdict allow', () => {
    const violations = entries.filter((entry) => entry.before !== 'screening' || !isAllow(entry.event));
    expect(violations.map((entry) => `${entry.before} + ${eventName(entry.event)} → dialing, on ${entry.route}`)).toEqual([]);
  });

  it('the path check is not vacuous: paths end in dialing, others pass through it, and a block ends in blocked', () => {
    const endInDialing = paths.filter((path) => path.state.value === 'dialing').length;
    expect(endInDialing).toBeGreaterThan(0);
    expect(entries.length).toBeGreaterThan(endInDialing);
    const intoBlocked = paths.filter((path) => path.state.value === 'blocked').map((path) => path.steps.at(-1)!.event);
    expect(intoBlocked).toContainEqual({ type: 'call.screened', verdict: 'block' });
  });

  it('the shortest path into dialing is call.screen, then call.screened with verdict allow', () => {
    const shortest = getShortestPaths(callMachine, { ...traversal, toState: (snapshot) => snapshot.value === 'dialing' });
    expect(shortest.map((path) => path.steps.map((step) => [step.state.value, eventName(step.event)]))).toEqual([
      [
        ['queued', 'xstate.init'],
        ['screening', 'call.screen'],
        ['dialing', 'call.screened(allow)'],
      ],
    ]);
  });
});

type CallSnapshot = SnapshotFrom<typeof callMachine>;

const keepAliveCache = new Map<string, readonly CallEvent[]>();

/**
 * The representative events that `snapshot` accepts and that keep the call alive (none of them enters a final state;
 * all accepted ones where every one would), plus the allow verdict; per state, computed once.
 */
function keepAliveEvents(snapshot: CallSnapshot): readonly CallEvent[] {
  let events = keepAliveCache.get(snapshot.value);
  if (events === undefined) {
    const accepted = REPRESENTATIVE_EVENTS.filter((candidate) => snapshot.can(candidate));
    const alive = accepted.filter((candidate) => transition(callMachine, snapshot, candidate)[0].status === 'active');
    events = [...(alive.length > 0 ? alive : accepted), ALLOW];
    keepAliveCache.set(snapshot.value, events);
  }
  return events;
}

/**
 * One step of a random run: any event of the union (random verdict, durations, outcome), or, when `guided`, one of
 * `keepAliveEvents` picked by `pick`. Random events alone rarely get a call past `answered`, since most of them end a
 * ringing call; the guided steps carry runs deep into the lifecycle and knock on the gate with an allow on the way.
 */
const arbitraryStep = fc.record({ random: arbitraryCallEvent, guided: fc.boolean(), pick: fc.nat() });

describe('one gate into dialing (random event sequences)', () => {
  it('whenever a step enters dialing, the state before was screening and the event was call.screened with verdict allow', () => {
    let sequencesReachingDialing = 0;
    const allowSentIn = new Set<string>();
    fc.assert(
      fc.property(fc.array(arbitraryStep, { maxLength: 40, size: 'max' }), (steps) => {
        let [snapshot] = initialTransition(callMachine);
        let reached = false;
        for (const { random, guided, pick } of steps) {
          const offered = guided ? keepAliveEvents(snapshot) : [random];
          const event = offered[pick % offered.length]!;
          if (isAllow(event)) allowSentIn.add(snapshot.value);
          const [next] = transition(callMachine, snapshot, event);
          if (next.value === 'dialing' && snapshot.value !== 'dialing') {
            reached = true;
            expect(snapshot.value).toBe('screening');
            expect(event).toEqual(ALLOW);
          }
          snapshot = next;
        }
        if (reached) sequencesReachingDialing++;
      }),
      { numRuns: 3_000 },
    );
    // The property means something only if runs get through the gate, and if the allow that opens it was also sent
    // in every other live state, where a second way into dialing would have to start.
    expect(sequencesReachingDialing).toBeGreaterThan(0);
    expect(NON_FINAL_STATES.filter((state) => !allowSentIn.has(state))).toEqual([]);
  });
});
