import { describe, expect, it } from 'vitest';
import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import { callMachine } from '../../src/lifecycle/call-machine.js';
import { LifecycleStepper } from '../../src/lifecycle/transitions.js';
import { eventName, REPRESENTATIVE_EVENTS } from '../support/call-events.js';

type CallSnapshot = SnapshotFrom<typeof callMachine>;

/** Every state reachable with the representative events, in breadth-first order, each with a snapshot of it. */
function reachableStates(): Map<string, CallSnapshot> {
  const [initial] = initialTransition(callMachine);
  const reached = new Map<string, CallSnapshot>([[initial.value, initial]]);
  const queue = [initial];
  for (let snapshot = queue.shift(); snapshot !== undefined; snapshot = queue.shift()) {
    for (const event of REPRESENTATIVE_EVENTS) {
      const [next] = transition(callMachine, snapshot, event);
      if (!reached.has(next.value)) {
        reached.set(next.value, next);
        queue.push(next);
      }
    }
  }
  return reached;
}

const FINAL_STATES = ['blocked', 'not-in-service', 'no-answer', 'busy', 'answering-machine', 'abandoned', 'done'];

/** A stepper that has stepped every representative event from every reachable state, in breadth-first order. */
function aWalkedStepper(): LifecycleStepper {
  const stepper = new LifecycleStepper();
  for (const state of reachableStates().keys()) for (const event of REPRESENTATIVE_EVENTS) stepper.step(state, event);
  return stepper;
}

describe('LifecycleStepper', () => {
  it('the representative events reach every state of the machine (so the checks below cover them all)', () => {
    expect([...reachableStates().keys()].sort()).toEqual(Object.keys(callMachine.root.states).sort());
  });

  it('every step, first computed and then cached, equals a fresh transition() for each reachable (state, event) pair', () => {
    const stepper = new LifecycleStepper();
    const mismatches: string[] = [];
    let pairs = 0;
    // Breadth-first order: each state is stepped into before it is stepped from, as the stepper requires.
    for (const [state, snapshot] of reachableStates()) {
      for (const event of REPRESENTATIVE_EVENTS) {
        const [next, actions] = transition(callMachine, snapshot, event);
        const fresh = snapshot.can(event) ? { to: next.value, actions: actions.map((action) => action.type) } : null;
        const first = stepper.step(state, event);
        const cached = stepper.step(state, event);
        pairs++;
        if (JSON.stringify(first) !== JSON.stringify(fresh) || cached !== first) {
          mismatches.push(`${state} + ${eventName(event)}: fresh ${JSON.stringify(fresh)}, first ${JSON.stringify(first)}, cached ${JSON.stringify(cached)}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(pairs).toBe(Object.keys(callMachine.root.states).length * REPRESENTATIVE_EVENTS.length);
  });

  it('reports the entry actions with the step: agent.disclosing from connected → disclosure, discloseIdentity', () => {
    const stepper = new LifecycleStepper();
    const path = ['queued', 'screening', 'dialing', 'ringing', 'answered', 'connected'];
    const events = [
      { type: 'call.screen' },
      { type: 'call.screened', verdict: 'allow' },
      { type: 'call.ringing' },
      { type: 'call.answered' },
      { type: 'agent.connected', waitedMs: 800 },
    ] as const;
    events.forEach((event, index) => expect(stepper.step(path[index]!, event)?.to).toBe(path[index + 1]));
    expect(stepper.step('connected', { type: 'agent.disclosing' })).toEqual({ to: 'disclosure', actions: ['discloseIdentity'] });
  });

  it.each([
    ['ringing', { type: 'call.ring-timeout', rangMs: 14_999 }],
    ['ringing', { type: 'call.screen' }],
    ['done', { type: 'call.screened', verdict: 'allow' }],
    ['blocked', { type: 'call.ringing' }],
  ] as const)('returns null for an ignored event: %s + %o', (state, event) => {
    expect(aWalkedStepper().step(state, event)).toBeNull();
  });

  it(`isFinal is true exactly for the final states: ${FINAL_STATES.join(', ')}`, () => {
    const stepper = aWalkedStepper();
    const machineFinals = Object.values(callMachine.root.states)
      .filter((node) => node.type === 'final')
      .map((node) => node.key);
    expect(machineFinals).toEqual(FINAL_STATES);
    const answers = Object.fromEntries(Object.keys(callMachine.root.states).map((state) => [state, stepper.isFinal(state)]));
    const expected = Object.fromEntries(Object.keys(callMachine.root.states).map((state) => [state, FINAL_STATES.includes(state)]));
    expect(answers).toEqual(expected);
  });

  it('isFinal answers for states the stepper has not stepped into yet: a fresh stepper knows done is final', () => {
    const stepper = new LifecycleStepper();
    expect(FINAL_STATES.filter((state) => !stepper.isFinal(state))).toEqual([]);
    expect(stepper.isFinal('queued')).toBe(false);
    expect(stepper.isFinal('pitch')).toBe(false);
  });

  it('step() from a state it has not stepped into throws and names the state', () => {
    expect(() => new LifecycleStepper().step('ringing', { type: 'call.answered' })).toThrow(
      'lifecycle: no snapshot for state "ringing" (reach it through step())',
    );
  });
});
