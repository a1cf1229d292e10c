import type { AnyStateMachine, AnyStateNode } from 'xstate';

/**
 * The lifecycle machine read as a graph (states, guarded transitions, entry actions) and as a Mermaid state
 * diagram: what docs/lifecycle.md and the web trainer draw, read off the machine's own state nodes.
 */

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
