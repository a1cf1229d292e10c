import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { packsInForce } from '../../src/engine/packs-in-force.js';
import { describe, expect, it } from 'vitest';
import { createTrainCommand } from '../../src/cli/commands/train.js';
import { generateDrills } from '../../src/training/generate-drills.js';
import { startTrainerServer } from '../../src/training/trainer-server.js';
import { runCliInMemory } from '../support/run-cli-in-memory.js';
import { scratchDir } from '../support/scratch-dir.js';

/**
 * The answers that get the first three single drills of seed 42 right, and a file holding `lines`. The trainer's
 * workings are the subject, so the drills come from the federal pack alone (`--packs us-federal`).
 */
function setup(lines?: readonly string[]) {
  const drills = generateDrills({ seed: 42, level: 'single', count: 3, pack: packsInForce({ packs: ['us-federal'] }) });
  const rightAnswers = drills.map((drill) => (drill.key.verdict === 'allow' ? 'dial' : `block ${drill.key.rules[0]}`));
  const dir = scratchDir('train');
  const file = join(dir, 'answers.txt');
  writeFileSync(file, `${(lines ?? rightAnswers).join('\n')}\n`);
  return { drills, rightAnswers, file };
}

/** Runs `dialsim train` with a standard input that says it is a terminal, as a person at a keyboard's does. */
function runAtTerminal(argv: readonly string[], typed: readonly string[]) {
  return runCliInMemory(['train', ...argv], `${typed.join('\n')}\n`, { tty: true });
}

describe('dialsim train in the terminal', () => {
  it('--answers FILE: each drill is shown with the answer and feedback, then the score and a review of every mistake', async () => {
    const { drills, rightAnswers, file } = setup();
    // Drill 1 is blocked by dnc.registry-stale (seed 42): dial it to make one mistake.
    expect(drills[0]!.key.rules).toEqual(['dnc.registry-stale']);
    writeFileSync(file, ['dial', ...rightAnswers.slice(1)].join('\n'));
    const { code, stdout, stderr } = await runCliInMemory(['train', '--packs', 'us-federal', '--seed', '42', '--count', '3', '--answers', file]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('dialsim train: 3 single drills, seed 42\nThe same set again: dialsim train --seed 42 --level single --count 3 --packs us-federal');
    expect(stdout).toContain('Drill 1 of 3 (single-42-1)');
    expect(stdout).toContain('Your National Do Not Call copy was synced 2026-08-15 (1 month 20 days before the call); the number is not on it.');
    expect(stdout).toContain('  Your answer: dial\n  ✖ Wrong: don\'t dial this call. Blocked by dnc.registry-stale.');
    expect(stdout).toContain('Citation: 47 CFR 64.1200(c)(2)(i); 16 CFR 310.4(b)(3)');
    expect(stdout).toContain('Read: dialsim rules dnc.registry-stale');
    expect(stdout).toContain('Score: 2 of 3 right (66%)');
    expect(stdout).toContain("Review of 1 mistake:\n- single-42-1: you said dial; the answer is don't dial (dnc.registry-stale).");
  });

  it('answers piped on standard input are graded the same way: all right, nothing to review', async () => {
    const { rightAnswers } = setup();
    const { code, stdout } = await runCliInMemory(['train', '--packs', 'us-federal', '--seed', '42', '--count', '3'], `${rightAnswers.join('\n')}\n`);
    expect(code).toBe(0);
    expect(stdout).toContain('Score: 3 of 3 right (100%)\nNo mistakes to review.');
  });

  it('at a terminal: d dials, n shows the rule menu and takes a number; a bad choice asks again; Enter confirms', async () => {
    const { drills } = setup();
    // single-42-1 is dnc.registry-stale (menu 6), single-42-2 number.invalid (menu 1), single-42-3 may be dialed.
    expect(drills.map((drill) => drill.key.rules[0] ?? 'allow')).toEqual(['dnc.registry-stale', 'number.invalid', 'allow']);
    const { code, stdout } = await runAtTerminal(['--packs', 'us-federal', '--seed', '42', '--count', '3'], ['n', '99', '6', '', 'x', 'n', 'number.invalid', '', 'n', '5', '']);
    expect(code).toBe(0);
    expect(stdout).toContain('Dial or not? [d = dial, n = don\'t dial] ');
    expect(stdout).toContain('   6. dnc.registry-stale');
    expect(stdout).toContain('  Type a number from the menu or a rule id.');
    expect(stdout).toContain('  Type d to dial or n for don\'t dial.');
    expect(stdout).toContain('✔ Right: don\'t dial. dnc.registry-stale blocks this call.');
    expect(stdout).toContain('Score: 2 of 3 right (66%)');
    expect(stdout).toContain('- single-42-3: you said don\'t dial (hours.federal); the answer is dial.');
  });

  it('at a terminal the choice is shown before it is graded: c changes it, Enter or y confirms it (issue 13 item 10)', async () => {
    setup();
    // Drill 1 (dnc.registry-stale): dial, then change to n 6. Drill 2: n 1, a stray reply, y. Drill 3: d, c, d, Enter.
    const typed = ['d', 'c', 'n', '6', '', 'n', '1', 'maybe', 'y', 'd', 'c', 'd', ''];
    const { code, stdout, stderr } = await runCliInMemory(['train', '--packs', 'us-federal', '--seed', '42', '--count', '3'], `${typed.join('\n')}\n`, { tty: true });
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toContain("  Your answer: dial. Press Enter to confirm, or c to change it: Dial or not? [d = dial, n = don't dial] ");
    expect(stdout).toContain("  Your answer: don't dial (dnc.registry-stale). Press Enter to confirm, or c to change it:   ✔ Right: don't dial. dnc.registry-stale blocks this call.");
    expect(stdout).toContain('  Press Enter (or y) to confirm the answer, or type c to change it.\n');
    // The changed answers are the ones graded: all three right, though drill 1 was first answered "dial".
    expect(stdout).toContain('Score: 3 of 3 right (100%)\nNo mistakes to review.');
    expect(stdout).not.toContain('✖ Wrong');
  });

  it('at a terminal, input that ends at the confirmation is not taken as a yes', async () => {
    const { code, stdout, stderr } = await runCliInMemory(['train', '--packs', 'us-federal', '--seed', '42', '--count', '1'], 'd\n', { tty: true });
    expect(code).toBe(2);
    expect(stdout).toContain('  Your answer: dial. Press Enter to confirm, or c to change it: ');
    expect(stdout).not.toContain('Wrong');
    expect(stderr).toBe('dialsim train: standard input ended before every drill was answered\n');
  });

  it('--json prints the results a learning system imports: settings, drills with answers and feedback, the score', async () => {
    const { rightAnswers, file } = setup();
    writeFileSync(file, ['dial', ...rightAnswers.slice(1)].join('\n'));
    const { code, stdout } = await runCliInMemory(['train', '--packs', 'us-federal', '--seed', '42', '--count', '3', '--answers', file, '--json']);
    expect(code).toBe(0);
    const results = JSON.parse(stdout);
    expect(results.format).toBe('dialsim.training-results/1');
    expect(results.session).toEqual({ seed: 42, level: 'single', count: 3, from: null });
    expect(results.score).toEqual({ correct: 2, total: 3, percent: 66 });
    expect(results.drills).toHaveLength(3);
    const [first] = results.drills;
    expect(Object.keys(first)).toEqual(['id', 'level', 'source', 'request', 'floorZone', 'card', 'expected', 'answer', 'correct', 'verdictCorrect', 'feedback']);
    expect(first).toMatchObject({ id: 'single-42-1', answer: { kind: 'dial' }, correct: false, verdictCorrect: false, expected: { verdict: 'block', rules: ['dnc.registry-stale'], exemptions: [] } });
    expect(first.card[0]).toEqual({ label: 'Floor clock', text: expect.stringMatching(/^It is 09:05 on Monday 5 October 2026/) });
    expect(first.feedback.violations[0]).toMatchObject({ rule: 'dnc.registry-stale', citation: '47 CFR 64.1200(c)(2)(i); 16 CFR 310.4(b)(3)', docs: 'docs/rules/dnc.registry-stale.md' });
  });

  it('--from a scenario: each scripted dial step is a drill, named by the step id', async () => {
    const { code, stdout } = await runCliInMemory(['train', '--from', 'scenarios/05-autodial-mobile-consent.yaml', '--json'], 'block consent.autodial-wireless\ndial\ndial\nblock consent.autodial-wireless\ndial\ndial\n');
    expect(code).toBe(0);
    const results = JSON.parse(stdout);
    expect(results.drills.map((drill: { id: string }) => drill.id)).toEqual([
      '05-autodial-mobile-consent#lou-autodialed',
      '05-autodial-mobile-consent#lou-by-hand',
      '05-autodial-mobile-consent#mia-autodialed',
      '05-autodial-mobile-consent#olga-autodialed',
      '05-autodial-mobile-consent#ned-monday',
      '05-autodial-mobile-consent#ned-thursday',
    ]);
    expect(results.score).toEqual({ correct: 5, total: 6, percent: 83 });
  });
});

describe('dialsim train: bad input is a clear message and exit 2, never a stack trace', () => {
  it.each([
    [['--level', 'expert'], 'dialsim train: unknown level "expert": choose single, interacting or edge\n'],
    [['--count', '0'], 'dialsim train: --count must be a whole number from 1 to 10000, got "0"\n'],
    [['--count', 'ten'], 'dialsim train: --count must be a whole number from 1 to 10000, got "ten"\n'],
    [['--count', '10001'], 'dialsim train: --count must be a whole number from 1 to 10000, got "10001"\n'],
    [['--seed', '1.5'], 'dialsim train: --seed must be a whole number from -2147483648 to 4294967295, got "1.5"\n'],
    [['--port', '80'], 'dialsim train: --port only applies with --web\n'],
    [['--host', '0.0.0.0'], 'dialsim train: --host only applies with --web\n'],
    [['--web', '--port', '70000'], 'dialsim train: --port must be a whole number from 0 to 65535, got "70000"\n'],
    [['--level', 'edge', '--from', 'scenarios/01-single-call.yaml'], 'dialsim train: choose either --level (generated drills) or --from (drills from a scenario), not both\n'],
  ])('%j', async (args, message) => {
    const { code, stdout, stderr } = await runCliInMemory(['train', ...args]);
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: message });
  });

  it('a malformed answers line names the file and the line', async () => {
    const { file } = setup(['dial', 'block hours.fedral', 'dial']);
    const { code, stderr } = await runCliInMemory(['train', '--packs', 'us-federal', '--seed', '42', '--count', '3', '--answers', file]);
    expect(code).toBe(2);
    expect(stderr).toBe(`dialsim train: ${file}:2: "block hours.fedral": unknown rule id "hours.fedral" (known: number.invalid, jurisdiction.unsupported, timezone.unknown, dnc.internal, hours.federal, dnc.registry-stale, dnc.national, consent.autodial-wireless, consent.prerecorded-residential)\n`);
  });

  it('a malformed line on piped standard input names the line too', async () => {
    const { code, stderr } = await runCliInMemory(['train', '--packs', 'us-federal', '--seed', '42', '--count', '3'], 'dial\ndial\nyes\n');
    expect({ code, stderr }).toEqual({ code: 2, stderr: 'dialsim train: standard input:3: "yes": expected "dial" or "block <rule-id>"\n' });
  });

  it('too few answers for the drills is an error, before anything is graded', async () => {
    const { code, stdout, stderr } = await runCliInMemory(['train', '--packs', 'us-federal', '--seed', '42', '--count', '3'], 'dial\n');
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: 'dialsim train: standard input has 1 answer for 3 drills; give exactly one answer per drill\n' });
  });

  it('an answers file that does not exist', async () => {
    const { code, stderr } = await runCliInMemory(['train', '--answers', '/nonexistent/answers.txt']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^dialsim train: cannot read the answers file \/nonexistent\/answers.txt: ENOENT/);
  });

  it('a scenario that does not load names the file', async () => {
    const { code, stderr } = await runCliInMemory(['train', '--from', 'scenarios/nope.yaml']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^dialsim train: scenarios\/nope.yaml: cannot read scenario/);
  });

  it('--web on a port in use exits 2 and says so', async () => {
    const other = await startTrainerServer({ drills: [], port: 0, description: 'the first trainer' });
    try {
      const { code, stdout, stderr } = await runCliInMemory(['train', '--web', '--port', String(other.port)]);
      expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
      expect(stderr).toBe(`dialsim train: port ${other.port} on 127.0.0.1 is already in use (another trainer?). Pick another with --port N, or --port 0 for a free one\n`);
    } finally {
      await other.close();
    }
  });
});

describe('dialsim train --web', () => {
  it('--port 0 picks a free port, prints the URL, serves the page and stops when told to', async () => {
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    let out = '';
    const stdout = new PassThrough();
    stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    const command = createTrainCommand({
      untilStopped: async () => {
        const url = /Open (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out)![1]!;
        const page = await fetch(url);
        expect(page.status).toBe(200);
        expect(await page.text()).toContain('<title>dialsim trainer</title>');
        const drills = (await (await fetch(`${url}api/drills`)).json()) as { drills: { id: string; card: unknown; key?: unknown }[] };
        expect(drills.drills.map((drill) => drill.id)).toEqual(['edge-7-1', 'edge-7-2']);
        expect(drills.drills[0]!.key).toBeUndefined();
        const bad = await fetch(`${url}api/grade`, { method: 'POST', body: JSON.stringify({ drillId: 'edge-7-1', answer: { kind: 'block', rule: 'nope' } }) });
        expect(bad.status).toBe(400);
        stop();
        await stopped;
      },
    });
    const code = await command.run(['--web', '--port', '0', '--level', 'edge', '--seed', '7', '--count', '2'], { stdin: Readable.from([]), stdout, stderr: new PassThrough() });
    expect(code).toBe(0);
    expect(out).toMatch(/^dialsim trainer: 2 edge drills, seed 7\nOpen http:\/\/127\.0\.0\.1:\d+\/ in a browser\. Press Ctrl-C to stop\.\ndialsim trainer: stopped\.\n$/);
  });

  /** Runs `train --web` with `args`, fetching the printed URL once, and returns what it printed. */
  async function serveOnce(args: string[]) {
    let out = '';
    let err = '';
    let status = 0;
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    const command = createTrainCommand({
      untilStopped: async () => {
        const port = /Open http:\/\/[^/]+:(\d+)\//.exec(out)![1]!;
        status = (await fetch(`http://127.0.0.1:${port}/`)).status;
      },
    });
    const code = await command.run(['--web', '--port', '0', '--count', '1', ...args], { stdin: Readable.from([]), stdout, stderr });
    return { code, out, err, status };
  }

  it('--host 0.0.0.0 serves a room of trainees and warns on stderr that anyone on that network can reach it', async () => {
    const { code, out, err, status } = await serveOnce(['--host', '0.0.0.0']);
    expect({ code, status }).toEqual({ code: 0, status: 200 });
    expect(out).toMatch(/^dialsim trainer: 1 single drill, seed 1\nOpen http:\/\/0\.0\.0\.0:\d+\/ in a browser\./);
    expect(err).toBe(
      'dialsim train: warning: the trainer listens on 0.0.0.0, not on loopback: anyone who can reach this machine on that network can open it and see the drills. Use it on a network you trust, and stop it (Ctrl-C) when the session ends.\n',
    );
  });

  it('without --host it listens on 127.0.0.1 and warns about nothing; --host 127.0.0.1 and localhost do not warn either', async () => {
    for (const args of [[], ['--host', '127.0.0.1'], ['--host', 'localhost']]) {
      const { code, out, err, status } = await serveOnce(args);
      expect({ args, code, err, status }).toEqual({ args, code: 0, err: '', status: 200 });
      expect(out).toMatch(args[1] === 'localhost' ? /Open http:\/\/localhost:\d+\// : /Open http:\/\/127\.0\.0\.1:\d+\//);
    }
  });
});
