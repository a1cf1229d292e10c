import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { setup } from 'xstate';
import {
  LIFECYCLE_DOC_PATH,
  LIFECYCLE_DOCS_COMMAND,
  mermaidStateDiagram,
  renderLifecycleDoc,
} from '../../scripts/generate-lifecycle-diagram.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function committed(path: string): string | undefined {
  const file = join(root, path);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

describe('docs/lifecycle.md (generated from callMachine)', () => {
  it('is what the generator renders today', () => {
    expect(committed(LIFECYCLE_DOC_PATH), `${LIFECYCLE_DOC_PATH} is missing or out of date: run \`${LIFECYCLE_DOCS_COMMAND}\``).toBe(
      renderLifecycleDoc(),
    );
  });

  it('draws the gate, the fallback to blocked, the initial arrow and the final arrows', () => {
    const doc = renderLifecycleDoc();
    expect(doc).toContain('  [*] --> queued\n');
    expect(doc).toContain('  screening --> dialing : call.screened [screeningAllowed]\n');
    expect(doc).toContain('  screening --> blocked : call.screened [else]\n');
    expect(doc).toContain('  done --> [*]\n');
    expect(doc).toContain('  note right of abandoned : entry / playIdentificationMessage\n');
  });
});

describe('mermaidStateDiagram', () => {
  // A small machine of its own shows the diagram is read off the machine object, not written by hand.
  const lampMachine = setup({
    types: { events: {} as { type: 'flip' } | { type: 'break' } },
    guards: { intact: () => true },
    actions: { ding: () => {} },
  }).createMachine({
    initial: 'off',
    states: {
      off: { on: { flip: { guard: 'intact', target: 'on-bright' }, break: 'broken' } },
      'on-bright': { entry: 'ding', on: { flip: 'off' } },
      broken: { type: 'final' },
    },
  });

  it('declares a hyphenated state under a Mermaid-safe id and labels arrows with event and guard', () => {
    expect(mermaidStateDiagram(lampMachine)).toBe(
      [
        'stateDiagram-v2',
        '  state "on-bright" as on_bright',
        '  [*] --> off',
        '  off --> on_bright : flip [intact]',
        '  off --> broken : break',
        '  on_bright --> off : flip',
        '  broken --> [*]',
        '  note right of on_bright : entry / ding',
      ].join('\n'),
    );
  });

  it('refuses a nested state rather than drawing it wrong', () => {
    const nested = setup({}).createMachine({ initial: 'a', states: { a: { initial: 'b', states: { b: {} } } } });
    expect(() => mermaidStateDiagram(nested)).toThrow('state "a" has a compound state; teach the renderer to draw it');
  });
});
