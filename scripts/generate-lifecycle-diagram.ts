import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ABANDON_GRACE_MS,
  CALL_OUTCOMES,
  MIN_RING_MS,
  callMachine,
  type CallEvent,
} from '../src/lifecycle/call-machine.js';
import { lifecycleModel, mermaidStateDiagram, type LifecycleModel } from '../src/lifecycle/lifecycle-model.js';
import { repositoryRoot, runIfMain } from './script-support.js';

export { lifecycleModel, mermaidStateDiagram };

/**
 * Generates docs/lifecycle.md from the call lifecycle machine. The diagram and the state table are read off the
 * machine's state nodes, so they cannot drift from it; test/lifecycle/lifecycle-doc.test.ts fails when the committed
 * file differs from this output.
 */

export const LIFECYCLE_DOCS_COMMAND = 'npm run docs:lifecycle';
export const LIFECYCLE_DOC_PATH = 'docs/lifecycle.md';

const EVENT_DOCS: Record<CallEvent['type'], { payload: string; meaning: string }> = {
  'call.screen': { payload: '', meaning: 'The dialer asks the screening engine about this attempt.' },
  'call.screened': {
    payload: "verdict: 'allow' | 'block'",
    meaning: "The screening engine's verdict for this attempt; only `allow` leads into `dialing` (the one gate).",
  },
  'call.ringing': { payload: '', meaning: 'The line is ringing.' },
  'call.not-in-service': { payload: '', meaning: 'The number is not in service.' },
  'call.busy': { payload: '', meaning: 'The line is busy.' },
  'call.answered': { payload: '', meaning: 'A live person answered and completed the greeting.' },
  'call.machine-answered': { payload: '', meaning: 'An answering machine picked up.' },
  'call.ring-timeout': {
    payload: 'rangMs: number',
    meaning: 'The dialer wants to give up on an unanswered call; `rangMs` is how long the line has rung.',
  },
  'agent.connected': {
    payload: 'waitedMs: number',
    meaning: 'An agent took the answered call; `waitedMs` is the time since the completed greeting.',
  },
  'agent.unavailable': { payload: '', meaning: 'No agent will take the answered call.' },
  'agent.disclosing': { payload: '', meaning: 'The agent opens the call; entering `disclosure` runs `discloseIdentity`.' },
  'agent.pitching': { payload: '', meaning: 'The disclosures are done and the agent makes the pitch.' },
  'call.outcome': {
    payload: `outcome: ${CALL_OUTCOMES.map((outcome) => `'${outcome}'`).join(' | ')}`,
    meaning: 'How the pitch ended; `do-not-call` goes to `do-not-call-request`, every other outcome to its namesake.',
  },
  'call.wrap-up': { payload: '', meaning: 'The agent starts the after-call work.' },
  'agent.ready': { payload: '', meaning: 'The agent is free again; the call is done.' },
};

/** The constants of call-machine.ts behind the timing guards, with the rule each carries. */
const TIMING_RULES = [
  {
    constant: 'MIN_RING_MS',
    ms: MIN_RING_MS,
    guard: 'rangLongEnough',
    rule:
      'An unanswered call rings at least 15 seconds or four rings before the dialer gives up. A `call.ring-timeout` ' +
      `with \`rangMs\` below ${MIN_RING_MS} is ignored and the call keeps ringing.`,
    citation: '16 CFR 310.4(b)(4) (safe harbor); 47 CFR 64.1200(a)(6)',
  },
  {
    constant: 'ABANDON_GRACE_MS',
    ms: ABANDON_GRACE_MS,
    guard: 'agentWithinGrace',
    rule:
      `A live answer must reach an agent within ${ABANDON_GRACE_MS / 1000} seconds of the completed greeting. ` +
      `\`agent.connected\` with \`waitedMs\` above ${ABANDON_GRACE_MS} (or \`agent.unavailable\`) abandons the call, ` +
      "and entering `abandoned` plays the prerecorded identification message with the seller's name and number " +
      '(`playIdentificationMessage`).',
    citation: '16 CFR 310.4(b)(1)(iv) and its safe harbor 310.4(b)(4); 47 CFR 64.1200(a)(7)',
  },
] as const;

function code(text: string): string {
  return `\`${text}\``;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function list(items: readonly string[]): string {
  return items.length === 0 ? '' : items.map(code).join(', ');
}

/** Where a guard is used in the machine, e.g. `ringing` → `no-answer`; a guard the machine lost fails the generation. */
function guardedEdges(model: LifecycleModel, guard: string): string {
  const edges = model.states.flatMap((state) => state.edges).filter((edge) => edge.guard === guard);
  if (edges.length === 0) throw new Error(`generate-lifecycle-diagram: no transition of the machine uses guard "${guard}"`);
  return edges.map((edge) => `${code(edge.from)} → ${code(edge.to)} on ${code(edge.event)}`).join('; ');
}

function statesTable(model: LifecycleModel): string[] {
  return [
    '| State | Final | Entry actions | Leaves on |',
    '|---|---|---|---|',
    ...model.states.map((state) => {
      const events = [...new Set(state.edges.map((edge) => edge.event))];
      const name = state.name === model.initial ? `${code(state.name)} (initial)` : code(state.name);
      return `| ${name} | ${state.final ? 'yes' : ''} | ${list(state.entry)} | ${list(events)} |`;
    }),
  ];
}

function eventsTable(model: LifecycleModel): string[] {
  const handledIn = new Map<string, string[]>();
  for (const edge of model.states.flatMap((state) => state.edges)) {
    const states = handledIn.get(edge.event) ?? [];
    if (!states.includes(edge.from)) states.push(edge.from);
    handledIn.set(edge.event, states);
  }
  // Events in the order the machine first handles them, then any the union declares but no state handles.
  const types = [...new Set([...handledIn.keys(), ...Object.keys(EVENT_DOCS)])];
  return [
    '| Event | Payload | Handled in | Meaning |',
    '|---|---|---|---|',
    ...types.map((type) => {
      const docs = EVENT_DOCS[type as CallEvent['type']];
      if (docs === undefined) throw new Error(`generate-lifecycle-diagram: event "${type}" has no entry in EVENT_DOCS`);
      const states = handledIn.get(type);
      const where = states === undefined ? 'ignored in every state' : list(states);
      return `| ${code(type)} | ${docs.payload === '' ? '' : cell(code(docs.payload))} | ${where} | ${cell(docs.meaning)} |`;
    }),
  ];
}

function timingTable(model: LifecycleModel): string[] {
  return [
    '| Constant | Value | Guard | Rule | Citation |',
    '|---|---|---|---|---|',
    ...TIMING_RULES.map(
      (timing) =>
        `| ${code(timing.constant)} | ${timing.ms} ms (${timing.ms / 1000} s) | ${code(timing.guard)}: ` +
        `${guardedEdges(model, timing.guard)} | ${cell(timing.rule)} | ${timing.citation} |`,
    ),
  ];
}

const INSPECTOR_EXAMPLE = `import { createActor } from 'xstate';
import { createBrowserInspector } from '@statelyai/inspect';
import { callMachine } from 'dialsim';

const { inspect } = createBrowserInspector();
const call = createActor(callMachine, { inspect }).start();
call.send({ type: 'call.screen' });
call.send({ type: 'call.screened', verdict: 'allow' });`;

/**
 * Renders docs/lifecycle.md from `callMachine`. Pure and deterministic: the same machine gives a byte-identical page.
 * @example
 * renderLifecycleDoc().includes('[*] --> queued'); // true
 */
export function renderLifecycleDoc(): string {
  const model = lifecycleModel(callMachine);
  return [
    `<!-- Generated by \`${LIFECYCLE_DOCS_COMMAND}\` from src/lifecycle/call-machine.ts. Do not edit by hand: edit the machine and regenerate. -->`,
    '',
    '# Call lifecycle',
    '',
    'Every simulated call follows one lifecycle: it is queued, screened by the compliance policies, dialed, rings, ' +
      'is answered (or not), reaches an agent (or is abandoned), and ends in an outcome and the wrap-up. The ' +
      `lifecycle is the xstate machine ${code('callMachine')} in [src/lifecycle/call-machine.ts](../src/lifecycle/call-machine.ts), ` +
      'the single definition of which step may follow which. The campaign simulator sends it discrete events at ' +
      'virtual times and steps it with xstate\'s pure `transition()` (through `LifecycleStepper`, which caches each ' +
      '(state, event) result); the machine\'s guards carry the rules that belong to the call itself.',
    '',
    `The diagram and the tables below are generated from the machine definition by ${code(LIFECYCLE_DOCS_COMMAND)}; ` +
      'do not edit this file by hand. A test fails when it differs from what the machine renders.',
    '',
    '## Diagram',
    '',
    'An arrow is labelled `event [guard]`. Where one event has several candidate transitions, xstate takes the first ' +
      'whose guard passes; `[else]` marks the unguarded last candidate. An event a state does not list is ignored ' +
      'there: the call stays where it is.',
    '',
    '```mermaid',
    mermaidStateDiagram(callMachine),
    '```',
    '',
    '## States',
    '',
    ...statesTable(model),
    '',
    '## Events',
    '',
    'Events carry only discrete data (a verdict, an outcome, a duration the simulator has already measured), so the ' +
      'same state and event always lead to the same transition.',
    '',
    ...eventsTable(model),
    '',
    '## Timing rules',
    '',
    'The machine has no timers: the simulator is the clock and reports measured durations in the events. The guards ' +
      `compare them with constants exported from ${code('dialsim')}. See [abandonment](glossary.md#abandonment-abandoned-call) in the glossary.`,
    '',
    ...timingTable(model),
    '',
    '## Viewing the machine in the Stately inspector',
    '',
    `${code('callMachine')} is exported from the package, so it can be run in an actor with any xstate inspector. ` +
      `With [\`@statelyai/inspect\`](https://stately.ai/docs/inspector) (not a dependency of dialsim; install it ` +
      'in your own project), the inspector opens in the browser and shows the state chart and each event as it is sent:',
    '',
    '```ts',
    INSPECTOR_EXAMPLE,
    '```',
    '',
    `The \`inspect\` option also takes a plain observer, e.g. \`createActor(callMachine, { inspect: (event) => ` +
      'console.log(event.type) })`, which needs no extra package.',
    '',
    '## See also',
    '',
    '- [Rules](rules.md): the policies the screening step runs before `call.screened`',
    '- [Glossary](glossary.md)',
    '',
  ].join('\n');
}

function main(): number {
  const root = repositoryRoot(import.meta.url);
  writeFileSync(join(root, LIFECYCLE_DOC_PATH), renderLifecycleDoc());
  process.stdout.write(`generate-lifecycle-diagram: wrote ${LIFECYCLE_DOC_PATH}\n`);
  return 0;
}

runIfMain(import.meta.url, main);
