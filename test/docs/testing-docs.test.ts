/**
 * docs/testing.md shows the example project's files and the kit's failure messages. The files are checked against
 * docs/examples/custom-policy (which test/examples runs), and the messages are produced here and must appear in the
 * doc verbatim, so the walkthrough cannot drift from the code.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { definePolicy, pass, violation } from '../../src/core/policy.js';
import { definePack } from '../../src/core/define-pack.js';
import { combinePacks } from '../../src/engine/combine-packs.js';
import { screen } from '../../src/engine/screen.js';
import { hoursFederal } from '../../policies/us-federal/index.js';
import { packsInForce } from '../../src/engine/packs-in-force.js';
import { anAttempt } from '../../src/testing/an-attempt.js';
import { packFor, runPolicyCase } from '../../src/testing/test-policy.js';
import { repoRoot } from '../support/built-package.js';

const DOC = 'docs/testing.md';
const EXAMPLE = 'docs/examples/custom-policy';
const text = readFileSync(join(repoRoot, DOC), 'utf8');

function messageOf(assertion: () => void): string {
  try {
    assertion();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the assertion passed');
}

const textBlocks = [...text.matchAll(/```text\n([\s\S]*?)```/g)].map((match) => match[1]!.replace(/\n$/, ''));

describe(DOC, () => {
  const files = [...text.matchAll(/```ts file=(\S+)\n([\s\S]*?)```/g)].map((match) => ({ path: match[1]!, shown: match[2]! }));

  it('shows the example files whole, as they are in docs/examples/custom-policy', () => {
    expect(files.map((file) => file.path)).toEqual([
      'vitest.setup.ts',
      'vitest.config.ts',
      'policies/company-holidays.ts',
      'test/company-holidays.test.ts',
      'policies/attempt-cap.ts',
      'policies/index.ts',
    ]);
    for (const { path, shown } of files) {
      const file = join(repoRoot, EXAMPLE, path);
      expect(existsSync(file), `${EXAMPLE}/${path}`).toBe(true);
      expect(shown, `${DOC} shows ${path} as it is in ${EXAMPLE}`).toBe(readFileSync(file, 'utf8'));
    }
  });

  it('shows the failure of a testPolicy case as the kit prints it', () => {
    const message = messageOf(() =>
      runPolicyCase(hoursFederal, packFor(hoursFederal), 'blocked', {
        name: '21:30 in Chicago',
        request: { at: '2026-03-10T21:30:00-05:00' },
        findings: [{ messageId: 'beforeWindow' }],
      }),
    );
    expect(textBlocks).toContain(message);
  });

  it('shows the failure of toBeBlockedBy as the matcher prints it', () => {
    const decision = screen(anAttempt({ to: '(303) 555-0123', at: '2026-03-10T20:30:00-07:00' }));
    expect(textBlocks).toContain(messageOf(() => expect(decision).toBeBlockedBy('hours.federal', { messageId: 'beforeWindow' })));
  });

  it('shows the report of a policy that throws, and the duplicate-id error, as they are printed', () => {
    const gulfCoast = definePolicy({
      id: 'acme.gulf-coast',
      title: 'No sales calls to the Gulf Coast in hurricane season',
      citation: 'Acme calling policy §7.4',
      messages: { gulfCoast: 'a Gulf Coast address in hurricane season' },
      evaluate: (facts) => ((facts.callee as unknown as { address: { state: string } }).address.state === 'LA' ? violation('gulfCoast') : pass),
    });
    const pack = combinePacks(packsInForce(), definePack({ id: 'acme', title: 'Acme', policies: [gulfCoast] }));
    expect(textBlocks).toContain(messageOf(() => expect(screen(anAttempt(), { pack })).toBeAllowed()));

    const shadow = definePack({
      id: 'acme-hours',
      title: 'Our own calling hours',
      policies: [definePolicy({ id: 'hours.federal', title: 'Calls 09:00-20:00', citation: 'Acme calling policy §2', messages: { outside: 'outside' }, evaluate: () => pass })],
    });
    expect(textBlocks).toContain(messageOf(() => combinePacks(packsInForce(), shadow)));
  });

  it('documents every export of dialsim/testing', async () => {
    const testing = await import('../../src/testing/index.js');
    const undocumented = Object.keys(testing).filter((name) => !text.includes(`\`${name}`));
    expect(undocumented).toEqual([]);
  });
});
