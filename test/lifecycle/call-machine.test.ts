import { describe, expect, it } from 'vitest';
import { createActor, initialTransition, transition } from 'xstate';
import { callMachine, type CallEvent, type CallOutcome } from '../../src/lifecycle/call-machine.js';

/**
 * Runs `events` from the initial state with xstate's pure `transition()` (actions are returned, not run) and returns
 * the state after each step, the named actions of each step, and the last snapshot.
 */
function run(events: readonly CallEvent[]) {
  let [snapshot] = initialTransition(callMachine);
  const states: string[] = [snapshot.value];
  const actions: string[][] = [];
  for (const event of events) {
    const [next, stepActions] = transition(callMachine, snapshot, event);
    states.push(next.value);
    actions.push(stepActions.map((action) => action.type));
    snapshot = next;
  }
  return { states, actions, last: snapshot, lastActions: actions.at(-1) ?? [] };
}

const toRinging: readonly CallEvent[] = [{ type: 'call.screen' }, { type: 'call.screened', verdict: 'allow' }, { type: 'call.ringing' }];
const toAnswered: readonly CallEvent[] = [...toRinging, { type: 'call.answered' }];
const toPitch: readonly CallEvent[] = [
  ...toAnswered,
  { type: 'agent.connected', waitedMs: 800 },
  { type: 'agent.disclosing' },
  { type: 'agent.pitching' },
];

describe('callMachine', () => {
  it('takes a do-not-call request at the greeting or during the disclosure, and puts the number on the list at once', () => {
    const connected = [...toAnswered, { type: 'agent.connected', waitedMs: 0 }] as const;
    const atGreeting = run([...connected, { type: 'call.outcome', outcome: 'do-not-call' }]);
    expect(atGreeting.states.at(-1)).toBe('do-not-call-request');
    expect(atGreeting.lastActions).toEqual(['addToInternalList']);
    const duringDisclosure = run([...connected, { type: 'agent.disclosing' }, { type: 'call.outcome', outcome: 'do-not-call' }]);
    expect(duringDisclosure.states.at(-1)).toBe('do-not-call-request');
    // Any other outcome before the pitch is not a step the machine takes.
    expect(run([...connected, { type: 'call.outcome', outcome: 'sale' }]).states.at(-1)).toBe('connected');
  });

  it('the happy path: queued → screening → dialing → ringing → answered → connected → disclosure → pitch → meeting → wrap-up → done', () => {
    const { states, last } = run([
      ...toPitch,
      { type: 'call.outcome', outcome: 'meeting' },
      { type: 'call.wrap-up' },
      { type: 'agent.ready' },
    ]);
    expect(states).toEqual([
      'queued',
      'screening',
      'dialing',
      'ringing',
      'answered',
      'connected',
      'disclosure',
      'pitch',
      'meeting',
      'wrap-up',
      'done',
    ]);
    expect(last.status).toBe('done');
  });

  it('a block from screening ends the call in blocked, a final state, without dialing', () => {
    const { states, last } = run([{ type: 'call.screen' }, { type: 'call.screened', verdict: 'block' }]);
    expect(states).toEqual(['queued', 'screening', 'blocked']);
    expect(last.status).toBe('done');
  });

  it('a queued call ignores an allow that skips the screening step: it stays queued', () => {
    const { states } = run([{ type: 'call.screened', verdict: 'allow' }, { type: 'call.ringing' }]);
    expect(states).toEqual(['queued', 'queued', 'queued']);
  });

  it('call.ring-timeout after 14 999 ms is ignored: the call keeps ringing', () => {
    const { last, lastActions } = run([...toRinging, { type: 'call.ring-timeout', rangMs: 14_999 }]);
    expect(last.value).toBe('ringing');
    expect(last.status).toBe('active');
    expect(lastActions).toEqual([]);
  });

  it('call.ring-timeout at 15 000 ms ends the call in no-answer, a final state', () => {
    const { last } = run([...toRinging, { type: 'call.ring-timeout', rangMs: 15_000 }]);
    expect(last.value).toBe('no-answer');
    expect(last.status).toBe('done');
  });

  it('a ringing call still answered after an early ring-timeout (14 999 ms) goes to answered', () => {
    const { states } = run([...toRinging, { type: 'call.ring-timeout', rangMs: 14_999 }, { type: 'call.answered' }]);
    expect(states.slice(-2)).toEqual(['ringing', 'answered']);
  });

  it('agent.connected 2 000 ms after the greeting connects the call, with no identification message', () => {
    const { last, lastActions } = run([...toAnswered, { type: 'agent.connected', waitedMs: 2_000 }]);
    expect(last.value).toBe('connected');
    expect(lastActions).toEqual([]);
  });

  it('agent.connected 2 001 ms after the greeting abandons the call and plays the identification message', () => {
    const { last, lastActions } = run([...toAnswered, { type: 'agent.connected', waitedMs: 2_001 }]);
    expect(last.value).toBe('abandoned');
    expect(last.status).toBe('done');
    expect(lastActions).toEqual(['playIdentificationMessage']);
  });

  it('agent.unavailable abandons the answered call and plays the identification message', () => {
    const { last, lastActions } = run([...toAnswered, { type: 'agent.unavailable' }]);
    expect(last.value).toBe('abandoned');
    expect(lastActions).toEqual(['playIdentificationMessage']);
  });

  it('agent.disclosing enters disclosure and runs discloseIdentity', () => {
    const { last, lastActions } = run([...toAnswered, { type: 'agent.connected', waitedMs: 800 }, { type: 'agent.disclosing' }]);
    expect(last.value).toBe('disclosure');
    expect(lastActions).toEqual(['discloseIdentity']);
  });

  it('a do-not-call outcome runs addToInternalList on entering do-not-call-request, before the wrap-up', () => {
    const { states, actions } = run([...toPitch, { type: 'call.outcome', outcome: 'do-not-call' }, { type: 'call.wrap-up' }]);
    expect(states.slice(-2)).toEqual(['do-not-call-request', 'wrap-up']);
    expect(actions.slice(-2)).toEqual([['addToInternalList'], []]);
  });

  const outcomes: Array<[CallOutcome, string]> = [
    ['rejected', 'rejected'],
    ['callback', 'callback'],
    ['meeting', 'meeting'],
    ['sale', 'sale'],
    ['do-not-call', 'do-not-call-request'],
  ];
  it.each(outcomes)('outcome %s goes to %s, then wrap-up and done', (outcome, state) => {
    const { states, last } = run([...toPitch, { type: 'call.outcome', outcome }, { type: 'call.wrap-up' }, { type: 'agent.ready' }]);
    expect(states.slice(-3)).toEqual([state, 'wrap-up', 'done']);
    expect(last.status).toBe('done');
  });

  it('a finished call ignores every further event: done stays done with no actions', () => {
    const finished = run([...toPitch, { type: 'call.outcome', outcome: 'sale' }, { type: 'call.wrap-up' }, { type: 'agent.ready' }]);
    const [after, actions] = transition(callMachine, finished.last, { type: 'call.screened', verdict: 'allow' });
    expect(after.value).toBe('done');
    expect(actions).toEqual([]);
  });

  it('with real implementations provided, an actor runs discloseIdentity and addToInternalList, and an abandoned call playIdentificationMessage', () => {
    const ran: string[] = [];
    const machine = callMachine.provide({
      actions: {
        discloseIdentity: () => void ran.push('discloseIdentity'),
        addToInternalList: () => void ran.push('addToInternalList'),
        playIdentificationMessage: () => void ran.push('playIdentificationMessage'),
      },
    });

    const dnc = createActor(machine).start();
    for (const event of [...toPitch, { type: 'call.outcome', outcome: 'do-not-call' } as const, { type: 'call.wrap-up' } as const]) {
      dnc.send(event);
    }
    expect(dnc.getSnapshot().value).toBe('wrap-up');
    expect(ran).toEqual(['discloseIdentity', 'addToInternalList']);
    dnc.stop();

    ran.length = 0;
    const abandoned = createActor(machine).start();
    for (const event of [...toAnswered, { type: 'agent.connected', waitedMs: 2_001 } as const]) abandoned.send(event);
    expect(abandoned.getSnapshot().status).toBe('done');
    expect(ran).toEqual(['playIdentificationMessage']);
  });
});
