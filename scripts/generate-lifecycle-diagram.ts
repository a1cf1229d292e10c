import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AnyStateMachine, AnyStateNode } from 'xstate';
import {
  ABANDON_GRACE_MS,
  CALL_OUTCOMES,
  MIN_RING_MS,
  callMachine,
  type CallEvent,
} from '../src/lifecycle/call-machine.js';

/**
 * Generates docs/lifecycle.md from the call lifecycle machine. The diagram and the state table are read off the
 * machine's state nodes, so they cannot drift from it; test/lifecycle/lifecycle-doc.test.ts fails when the committed
 * file differs from this output.
 */

export const LIFECYCLE_DOCS_COMMAND = 'npm run docs:lifecycle';
export const LIFECYCLE_DOC_PATH = 'docs/lifecycle.md';

/** One `on` transition of a state node, as the diagram shows it. */
export interface LifecycleEdge {
  readonly from: string;
  /** The target state; a targetless transition stays in `from`. */
  readonly to: string;
  readonly event: string;
  /** The guard's name (with its params), or null when the transition is unguarded. */
  readonly guard: string | null;
  /** Unguarded, after a guarded candidate for the same event: taken when none of the earlier guards passes. */
  readonly otherwise: boolean;
  readonly actions: readonly string[];
}

export interface LifecycleStateInfo {
  readonly name: string;
  readonly final: boolean;
  readonly entry: readonly string[];
  readonly edges: readonly LifecycleEdge[];
}

export interface LifecycleModel {
  readonly initial: string;
  readonly states: readonly LifecycleStateInfo[];
}

function isNamed(value: unknown): value is { type: string; params?: unknown } {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** The name of an action as xstate stores it: a string, `{ type, params }`, or an inline function. */
function actionName(action: unknown): string {
  if (typeof action === 'string') return action;
  if (isNamed(action)) return action.type;
  if (typeof action === 'function') return action.name === '' ? '(inline action)' : action.name;
  throw new Error(`generate-lifecycle-diagram: cannot name action ${String(action)}`);
}

/** `screeningAllowed`, or `outcomeIs(outcome=sale)` for a guard with params (no colons: Mermaid ends labels there). */
function guardName(guard: unknown): string {
  if (typeof guard === 'string') return guard;
  if (isNamed(guard)) {
    const params = guard.params;
    if (params === undefined || params === null || typeof params !== 'object') return guard.type;
    const args = Object.entries(params).map(([key, value]) => `${key}=${String(value)}`);
    return `${guard.type}(${args.join(', ')})`;
  }
  if (typeof guard === 'function') return guard.name === '' ? '(inline guard)' : guard.name;
  throw new Error(`generate-lifecycle-diagram: cannot name guard ${String(guard)}`);
}

/**
 * Rejects what the renderer does not draw (nested, parallel or history states, eventless and delayed transitions,
 * invoked actors, exit actions), so that a new feature of the machine fails the generation instead of vanishing from
 * the diagram.
 */
function assertFlat(node: AnyStateNode): void {
  const unsupported: string[] = [];
  if (node.type !== 'atomic' && node.type !== 'final') unsupported.push(`a ${node.type} state`);
  if (node.always !== undefined && node.always.length > 0) unsupported.push('eventless (always) transitions');
  if (node.after.length > 0) unsupported.push('delayed (after) transitions');
  if (node.invoke.length > 0) unsupported.push('invoked actors');
  if (node.exit.length > 0) unsupported.push('exit actions');
  if (unsupported.length > 0) {
    throw new Error(`generate-lifecycle-diagram: state "${node.key}" has ${unsupported.join(', ')}; teach the renderer to draw it`);
  }
}

/** Walks the machine's top-level state nodes and their `on` transitions, in definition order. */
export function lifecycleModel(machine: AnyStateMachine): LifecycleModel {
  const initial = machine.root.initial.target[0]?.key;
  if (initial === undefined) throw new Error('generate-lifecycle-diagram: the machine has no initial state');
  const states = Object.values(machine.root.states).map((node): LifecycleStateInfo => {
    assertFlat(node);
    const edges: LifecycleEdge[] = [];
    for (const [event, candidates] of node.transitions) {
      candidates.forEach((transition, index) => {
        const targets = transition.target ?? [];
        if (targets.length > 1) throw new Error(`generate-lifecycle-diagram: ${node.key} on ${event} has several targets`);
        edges.push({
          from: node.key,
          to: targets[0]?.key ?? node.key,
          event,
          guard: transition.guard === undefined ? null : guardName(transition.guard),
          otherwise: transition.guard === undefined && candidates.slice(0, index).some((earlier) => earlier.guard !== undefined),
          actions: transition.actions.map(actionName),
        });
      });
    }
    return { name: node.key, final: node.type === 'final', entry: node.entry.map(actionName), edges };
  });
  return { initial, states };
}

/** A Mermaid state id: its lexer stops an id at `-`, so `no-answer` is declared as `no_answer` with its name as label. */
function mermaidId(state: string): string {
  return state.replace(/[^A-Za-z0-9_]/g, '_');
}

function edgeLabel(edge: LifecycleEdge): string {
  const guard = edge.guard !== null ? ` [${edge.guard}]` : edge.otherwise ? ' [else]' : '';
  const actions = edge.actions.length > 0 ? ` / ${edge.actions.join(', ')}` : '';
  return `${edge.event}${guard}${actions}`;
}

/**
 * Renders a flat machine as a Mermaid `stateDiagram-v2`: `[*]` into the initial state, one arrow per `on`
 * transition labelled `event [guard]`, final states into `[*]`, entry actions as notes.
 * @example
 * mermaidStateDiagram(callMachine).includes('screening --> dialing : call.screened [screeningAllowed]'); // true
 */
export function mermaidStateDiagram(machine: AnyStateMachine): string {
  const model = lifecycleModel(machine);
  const lines = ['stateDiagram-v2'];
  for (const state of model.states) {
    if (mermaidId(state.name) !== state.name) lines.push(`  state "${state.name}" as ${mermaidId(state.name)}`);
  }
  lines.push(`  [*] --> ${mermaidId(model.initial)}`);
  for (const state of model.states) {
    for (const edge of state.edges) lines.push(`  ${mermaidId(edge.from)} --> ${mermaidId(edge.to)} : ${edgeLabel(edge)}`);
    if (state.final) lines.push(`  ${mermaidId(state.name)} --> [*]`);
  }
  for (const state of model.states) {
    if (state.entry.length > 0) lines.push(`  note right of ${mermaidId(state.name)} : entry / ${state.entry.join(', ')}`);
  }
  return lines.join('\n');
}

/** Payload and meaning of each event, read from call-machine.ts; keyed by the event union so none can be missing. */
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

/** The nearest directory at or above `start` that holds a package.json: the repository root, built or not. */
function findRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${start}`);
  }
}

function main(): number {
  const root = findRoot(dirname(fileURLToPath(import.meta.url)));
  writeFileSync(join(root, LIFECYCLE_DOC_PATH), renderLifecycleDoc());
  process.stdout.write(`generate-lifecycle-diagram: wrote ${LIFECYCLE_DOC_PATH}\n`);
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main();
}
