import { describe, expect, it } from 'vitest';
import { runCliInMemory } from '../support/run-cli-in-memory.js';

describe('a mistyped option: did you mean, exit 2 (issue 13: Node\'s own text had an unbalanced quote)', () => {
  const cases: { argv: string[]; message: string }[] = [
    { argv: ['run', 'scenarios/01-single-call.yaml', '--reprot', 'report.html'], message: 'dialsim run: unknown option --reprot (did you mean --report?)' },
    { argv: ['run', '--audti=out.jsonl', 'scenarios/01-single-call.yaml'], message: 'dialsim run: unknown option --audti (did you mean --audit?)' },
    { argv: ['run', '-reprot', 'report.html', 'scenarios/01-single-call.yaml'], message: 'dialsim run: unknown option -reprot (did you mean --report?)' },
    { argv: ['check', '--JSON'], message: 'dialsim check: unknown option --JSON (did you mean --json?)' },
    { argv: ['check', '--contxt', 'context.json'], message: 'dialsim check: unknown option --contxt (did you mean --context?)' },
    { argv: ['train', '--cuont', '3'], message: 'dialsim train: unknown option --cuont (did you mean --count?)' },
    { argv: ['walkthrough', '--nopause', 'scenarios/01-single-call.yaml'], message: 'dialsim walkthrough: unknown option --nopause (did you mean --no-pause?)' },
    { argv: ['run', '--frobnicate', 'scenarios/'], message: 'dialsim run: unknown option --frobnicate' },
    { argv: ['check', '-x'], message: 'dialsim check: unknown option -x' },
  ];

  for (const { argv, message } of cases) {
    it(`${argv.join(' ')}: ${message}`, async () => {
      const result = await runCliInMemory(argv, '');
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      const [first, blank, usage] = result.stderr.split('\n');
      expect(first).toBe(message);
      // Then the command's help, as for any other argument error.
      expect([blank, usage?.startsWith(`Usage: dialsim ${argv[0]}`)]).toEqual(['', true]);
    });
  }

  it('other argument errors keep their own reason: a string option without its value', async () => {
    const result = await runCliInMemory(['run', 'scenarios/', '--report'], '');
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe("dialsim run: Option '--report <value>' argument missing");
  });
});
