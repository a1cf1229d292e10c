import { callMachine } from '../lifecycle/call-machine.js';
import { lifecycleModel, mermaidStateDiagram, type LifecycleModel } from '../lifecycle/lifecycle-model.js';

/**
 * The call lifecycle as an inline SVG, drawn from the same machine model as docs/lifecycle.md: states in rows by
 * their distance from `queued`, one arrow per transition. Each state is a `<g id="state-<name>">` so the trainer page
 * can light up the path a drill's call takes (queued → screening → blocked or dialing).
 */

const NODE_W = 132;
const NODE_H = 24;
const ROW_GAP = 44;
const COL_GAP = 12;
const MARGIN = 10;

interface Placed {
  readonly name: string;
  readonly x: number;
  readonly y: number;
  readonly final: boolean;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Rows of states by breadth-first distance from the initial state, each row in discovery order. */
function rows(model: LifecycleModel): string[][] {
  const depth = new Map<string, number>([[model.initial, 0]]);
  const queue = [model.initial];
  while (queue.length > 0) {
    const name = queue.shift()!;
    const state = model.states.find((candidate) => candidate.name === name)!;
    for (const edge of state.edges) {
      if (!depth.has(edge.to)) {
        depth.set(edge.to, depth.get(name)! + 1);
        queue.push(edge.to);
      }
    }
  }
  const result: string[][] = [];
  for (const [name, level] of depth) (result[level] ??= []).push(name);
  return result;
}

export function lifecycleSvg(): string {
  const model = lifecycleModel(callMachine);
  const layout = rows(model);
  const widest = Math.max(...layout.map((row) => row.length));
  const width = MARGIN * 2 + widest * NODE_W + (widest - 1) * COL_GAP;
  const height = MARGIN * 2 + layout.length * NODE_H + (layout.length - 1) * ROW_GAP;
  const placed = new Map<string, Placed>();
  layout.forEach((row, level) => {
    const rowWidth = row.length * NODE_W + (row.length - 1) * COL_GAP;
    row.forEach((name, index) => {
      const final = model.states.find((state) => state.name === name)?.final ?? false;
      placed.set(name, { name, x: (width - rowWidth) / 2 + index * (NODE_W + COL_GAP), y: MARGIN + level * (NODE_H + ROW_GAP), final });
    });
  });

  const edges: string[] = [];
  const seen = new Set<string>();
  for (const state of model.states) {
    for (const edge of state.edges) {
      const key = `${edge.from}>${edge.to}`;
      if (seen.has(key) || edge.from === edge.to) continue;
      seen.add(key);
      const from = placed.get(edge.from)!;
      const to = placed.get(edge.to)!;
      const label = escapeXml(`${edge.from} → ${edge.to}: ${edge.event}${edge.guard ? ` [${edge.guard}]` : ''}`);
      let path: string;
      if (to.y > from.y) {
        const x1 = from.x + NODE_W / 2;
        const y1 = from.y + NODE_H;
        const x2 = to.x + NODE_W / 2;
        const y2 = to.y - 2;
        path = `M${x1},${y1} C${x1},${(y1 + y2) / 2} ${x2},${(y1 + y2) / 2} ${x2},${y2}`;
      } else {
        // Same row (ringing → busy): a short arc over the gap between the two boxes.
        const leftToRight = to.x > from.x;
        const x1 = leftToRight ? from.x + NODE_W : from.x;
        const x2 = leftToRight ? to.x - 2 : to.x + NODE_W + 2;
        const y = from.y + NODE_H / 2;
        path = `M${x1},${y} C${x1},${y - 26} ${x2},${y - 26} ${x2},${y - 4}`;
      }
      edges.push(`<path class="edge" data-from="${edge.from}" data-to="${edge.to}" d="${path}"><title>${label}</title></path>`);
    }
  }
  const nodes = [...placed.values()].map(
    (node) =>
      `<g class="state${node.final ? ' final' : ''}" id="state-${node.name}"><rect x="${node.x}" y="${node.y}" width="${NODE_W}" height="${NODE_H}" rx="${node.final ? 12 : 5}"/>` +
      `<text x="${node.x + NODE_W / 2}" y="${node.y + NODE_H / 2 + 4}">${escapeXml(node.name)}</text></g>`,
  );
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="lifecycle" viewBox="0 0 ${width} ${height}" role="img" aria-label="Call lifecycle state diagram">` +
    `<defs><marker id="arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L8,4 L0,8 z"/></marker></defs>` +
    `${edges.join('')}${nodes.join('')}</svg>`
  );
}

/** The lifecycle as Mermaid text, the same diagram docs/lifecycle.md shows. */
export function lifecycleMermaid(): string {
  return mermaidStateDiagram(callMachine);
}
