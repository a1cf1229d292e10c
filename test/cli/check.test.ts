import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliInMemory } from '../support/run-cli-in-memory.js';
import { scratchDir } from '../support/scratch-dir.js';

/**
 * The contract's v1 example. These tests are about the command, not state law, so the request names the federal
 * pack: with it every v1 answer is unchanged (Colorado's own do-not-call list would otherwise want a copy too).
 */
const contractExample = {
  at: '2026-03-10T20:30:00-07:00',
  to: '(303) 555-0123',
  method: 'manual',
  caller: { seller: 'acme' },
  registries: { national: { syncedAt: '2026-03-01', numbers: [] } },
  packs: ['us-federal'],
};

const json = (value: unknown) => JSON.stringify(value);

function tempDir(): string {
  return scratchDir('check');
}

describe('dialsim check --json', () => {
  it('prints the contract decision for 20:30 Pacific to a Denver number: 21:30 local, blocked, exit 0', async () => {
    const result = await runCliInMemory(['check', '--json'], json(contractExample));
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      verdict: 'block',
      violations: [
        {
          rule: 'hours.federal',
          citation: '47 CFR 64.1200(c)(1); 16 CFR 310.4(c)',
          message: '21:30 in America/Denver is at or after 21:00',
        },
      ],
      exemptions: [],
      callee: { e164: '+13035550123', timeZones: ['America/Denver'], localTimes: ['2026-03-10T21:30:00-06:00'], states: ['CO'] },
      nextAllowedAt: '2026-03-11T08:00:00-06:00',
    });
  });

  it('reads the request from a file as well as from standard input', async () => {
    const file = join(tempDir(), 'request.json');
    writeFileSync(file, json({ ...contractExample, at: '2026-03-10T12:00:00-07:00' }));
    const result = await runCliInMemory(['check', '--json', file]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ verdict: 'allow', violations: [], exemptions: [] });
  });

  it('prints the decision for a person without --json: verdict, then a line per violation and exemption', async () => {
    const request = { ...contractExample, relationship: { lastInquiryAt: '2026-02-01' }, registries: { national: { syncedAt: '2026-03-01', numbers: ['303-555-0123'] } } };
    const result = await runCliInMemory(['check'], json(request));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatchInlineSnapshot(`
      "BLOCK  +13035550123
        callee local time: 2026-03-10T21:30:00-06:00 (America/Denver)
        ✖ hours.federal [47 CFR 64.1200(c)(1); 16 CFR 310.4(c)] 21:30 in America/Denver is at or after 21:00
        ↷ dnc.national [47 CFR 64.1200(c)(2); 16 CFR 310.4(b)(1)(iii)(B)] lifted: established business relationship: inquiry on 2026-02-01, within the 3 months before the call
      "
    `);
  });
});

describe('dialsim check: bad input exits 2 and names the field', () => {
  const cases: { name: string; input: string; error: string }[] = [
    { name: 'not JSON', input: '{"at": ', error: 'dialsim check: the request is not valid JSON' },
    { name: 'a missing field', input: json({ ...contractExample, method: undefined }), error: 'method: required field is missing' },
    {
      name: 'a wrong enum value',
      input: json({ ...contractExample, callee: { lineType: 'cell' } }),
      error: 'callee.lineType: expected one of mobile|landline|unknown (got "cell")',
    },
    {
      name: '`at` without an offset',
      input: json({ ...contractExample, at: '2026-03-10T20:30:00' }),
      error: 'at: expected an ISO-8601 instant with an offset or Z',
    },
    {
      name: 'an unknown field, with a suggestion',
      input: json({ ...contractExample, callee: { timezone: 'America/Denver' } }),
      error: 'callee.timezone: unknown field (did you mean "timeZone"?)',
    },
    {
      name: 'a number given as a JSON number',
      input: json({ ...contractExample, to: 3035550123 }),
      error: 'to: expected a string: write phone numbers in quotes, e.g. "+13035550123" (got 3035550123)',
    },
    {
      name: 'a time zone that is not an IANA name',
      input: json({ ...contractExample, callee: { timeZone: 'Mountain' } }),
      error: 'callee.timeZone: is not an IANA time zone name',
    },
    {
      name: 'a registry entry that is not a phone number',
      input: json({ ...contractExample, registries: { internal: { numbers: ['303-555-01'] } } }),
      error: 'registries.internal.numbers[0]: "303-555-01" is not a valid phone number',
    },
    {
      name: 'a caller kind outside the enum',
      input: json({ ...contractExample, caller: { seller: 'acme', kind: 'broker' } }),
      error: 'caller.kind: expected one of seller|broker-dealer (got "broker")',
    },
    {
      name: 'a DNCL copy without its download date',
      input: json({ ...contractExample, to: '+1 416 555 0199', registries: { canada: { numbers: [] } } }),
      error: 'registries.canada.syncedAt: required field is missing',
    },
    {
      name: 'a personal relationship that is not true or false',
      input: json({ ...contractExample, relationship: { personal: 'yes' } }),
      error: 'relationship.personal: expected true or false',
    },
    {
      name: 'a province for a US number',
      input: json({ ...contractExample, callee: { state: 'ON' } }),
      error: 'callee.state: "ON" is a Canadian province or territory, but +13035550123 is a US number',
    },
    {
      name: 'a US state for a Canadian number',
      input: json({ ...contractExample, to: '+1 416 555 0199', callee: { state: 'NY' }, packs: undefined }),
      error: 'callee.state: "NY" is a US state or territory, but +14165550199 is a Canadian number',
    },
    { name: 'an empty input', input: '  \n', error: 'no request given' },
  ];

  for (const { name, input, error } of cases) {
    it(`${name}: ${error}`, async () => {
      const result = await runCliInMemory(['check', '--json'], input);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(error);
    });
  }

  it('refuses --json together with --ndjson, and an unknown flag', async () => {
    expect(await runCliInMemory(['check', '--json', '--ndjson'], '{}')).toMatchObject({ code: 2, stderr: 'dialsim check: choose one of --json and --ndjson\n' });
    const unknown = await runCliInMemory(['check', '--jsn'], '{}');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^dialsim check: unknown option --jsn \(did you mean --json\?\)\n\nUsage: dialsim check/);
  });

  it('names a request file that does not exist', async () => {
    const result = await runCliInMemory(['check', '--json', '/nonexistent/request.json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('cannot read /nonexistent/request.json');
  });
});

describe('dialsim check --ndjson', () => {
  it('answers every good line in order and puts an error line in place of a bad one, exit 1', async () => {
    const lines = [
      json(contractExample),
      '{"to": 5}',
      '',
      json({ ...contractExample, at: '2026-03-10T12:00:00-07:00' }),
      'not json',
      json({ ...contractExample, to: '800-555-0100' }),
    ];
    const result = await runCliInMemory(['check', '--ndjson'], `${lines.join('\n')}\n`);
    expect(result.code).toBe(1);
    const output = result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(output).toHaveLength(5);
    expect(output[0]).toMatchObject({ verdict: 'block', violations: [{ rule: 'hours.federal' }] });
    expect(output[1]).toEqual({ line: 2, error: expect.stringContaining('to: expected a string') });
    expect(output[1].error).toContain('at: required field is missing');
    expect(output[2]).toMatchObject({ verdict: 'allow' });
    expect(output[3]).toEqual({ line: 5, error: expect.stringContaining('not valid JSON') });
    expect(output[4]).toMatchObject({ verdict: 'block', violations: [{ rule: 'timezone.unknown' }] });
    expect(result.stderr).toContain('2 of 5 lines were malformed');
  });

  it('exits 0 when every line is good, with CRLF line ends and no final newline', async () => {
    const result = await runCliInMemory(['check', '--ndjson'], `${json(contractExample)}\r\n${json(contractExample)}`);
    expect(result.code).toBe(0);
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(2);
  });
});

describe('dialsim check --context', () => {
  it('shares registries across requests, reads numbers from a file, and adds a request\'s own entries', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'national.txt'), '# FTC copy\n303-555-0123\n\n312,5550188\n');
    writeFileSync(join(dir, 'context.json'), json({ registries: { national: { syncedAt: '2026-03-01', file: 'national.txt' }, internal: { numbers: ['+12125550147'] } } }));
    const request = (to: string, extra: object = {}) => json({ at: '2026-03-10T12:00:00-07:00', to, method: 'manual', caller: { seller: 'acme' }, ...extra });
    const input = [
      request('(303) 555-0123'),
      request('+1 312 555 0188'),
      request('+1 212 555 0147'),
      request('+1 415 555 0100', { registries: { national: { numbers: ['415-555-0100'] } } }),
      request('+1 415 555 0101'),
    ].join('\n');
    const result = await runCliInMemory(['check', '--ndjson', '--packs', 'us-federal', '--context', join(dir, 'context.json')], input);
    expect(result.code).toBe(0);
    const rules = result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line).violations.map((v: { rule: string }) => v.rule));
    expect(rules).toEqual([['dnc.national'], ['dnc.national'], ['dnc.internal'], ['dnc.national'], []]);
  });

  it('names the file and line of a registry entry that is not a phone number', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'national.txt'), '303-555-0123\nnot a number\n');
    writeFileSync(join(dir, 'context.json'), json({ registries: { national: { syncedAt: '2026-03-01', file: 'national.txt' } } }));
    const result = await runCliInMemory(['check', '--json', '--context', join(dir, 'context.json')], json(contractExample));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${join(dir, 'national.txt')}:2: "not a number" is not a valid phone number`);
  });

  it('names the context file and field of a malformed context', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'context.json'), json({ registries: { national: { syncedAt: 'March 1st' } } }));
    const result = await runCliInMemory(['check', '--json', '--context', join(dir, 'context.json')], json(contractExample));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `${join(dir, 'context.json')}: registries.national.syncedAt: expected an ISO-8601 instant with an offset or Z (e.g. 2026-03-10T20:30:00-07:00) or a date (2026-03-01)`,
    );
  });
});

describe('dialsim --help', () => {
  it('describes every flag of check', async () => {
    const result = await runCliInMemory(['check', '--help']);
    expect(result.code).toBe(0);
    for (const flag of ['--json', '--ndjson', '--context', '--help']) expect(result.stdout).toContain(flag);
  });

  it('lists the commands, and refuses an unknown one with exit 2', async () => {
    expect((await runCliInMemory(['--help'])).stdout).toContain('check');
    const unknown = await runCliInMemory(['dial']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "dial"');
  });
});

describe('dialsim check: edges of the input', () => {
  it('a fresh syncedAt on the request does not make an old context copy pass: the older date counts', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'context.json'), json({ registries: { national: { syncedAt: '2025-01-01', numbers: ['303-555-0123'] } } }));
    const request = { at: '2026-03-10T12:00:00-07:00', to: '3035550199', method: 'manual', caller: { seller: 'acme' }, registries: { national: { syncedAt: '2026-03-09' } } };
    const result = await runCliInMemory(['check', '--json', '--packs', 'us-federal', '--context', join(dir, 'context.json')], json(request));
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).violations.map((violation: { rule: string }) => violation.rule)).toEqual(['dnc.registry-stale']);
  });

  it('refuses a year before 1900 (0026 is a typo for 2026, and Date.UTC would read it as 1926)', async () => {
    const result = await runCliInMemory(['check', '--json'], json({ ...contractExample, at: '0026-03-10T20:30:00-07:00' }));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('at: is not a real date and time (a year before 1900');
  });

  it('ignores a byte-order mark at the start of the input', async () => {
    const result = await runCliInMemory(['check', '--json'], `\uFEFF${json(contractExample)}`);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).verdict).toBe('block');
  });
});

describe('dialsim check: a request that is not JSON names the file, line and column (issue 13)', () => {
  // The request on three lines, the comma after "to" missing: the error is at "method", line 3, column 3.
  const missingComma = '{\n  "at": "2026-03-10T20:30:00-07:00", "to": "(303) 555-0123"\n  "method": "manual"\n}\n';

  it('from a file: the file, line 3 and column 3, with the parser\'s reason and no character offset', async () => {
    const file = join(tempDir(), 'request.json');
    writeFileSync(file, missingComma);
    const result = await runCliInMemory(['check', '--json', file]);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `dialsim check: the request is not valid JSON (Expected ',' or '}' after property value) (${file}:3:3)\n`,
    });
  });

  it('from standard input, with or without "-": named "stdin"', async () => {
    for (const args of [['check'], ['check', '-']]) {
      const result = await runCliInMemory(args, missingComma);
      expect(result).toEqual({ code: 2, stdout: '', stderr: "dialsim check: the request is not valid JSON (Expected ',' or '}' after property value) (stdin:3:3)\n" });
    }
  });

  it('an error the parser gives no position for (an unexpected token) is still placed: the "o" of nope, line 2 column 10', async () => {
    const result = await runCliInMemory(['check', '--json'], '{\n  "at": nope\n}');
    expect(result.stderr).toBe('dialsim check: the request is not valid JSON (Unexpected token \'o\', "{ "at": nope }" is not valid JSON) (stdin:2:10)\n');
  });

  it('input that ends too early is placed at its end; a control character inside a string at that character', async () => {
    expect((await runCliInMemory(['check', '--json'], '{"at": ')).stderr).toBe('dialsim check: the request is not valid JSON (Unexpected end of JSON input) (stdin:1:8)\n');
    expect((await runCliInMemory(['check', '--json'], '{"to": "303\n555"}')).stderr).toBe(
      'dialsim check: the request is not valid JSON (Bad control character in string literal) (stdin:1:12)\n',
    );
  });

  it('a --context file with a syntax error is placed too', async () => {
    const context = join(tempDir(), 'context.json');
    writeFileSync(context, '{\n  "registries": {\n    "national": { "syncedAt": "2026-03-01", }\n  }\n}\n');
    const result = await runCliInMemory(['check', '--json', '--context', context], json(contractExample));
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `dialsim check: the context file is not valid JSON (Expected double-quoted property name) (${context}:3:45)\n`,
    });
  });

  it('--ndjson keeps its own form: the line number in the output object', async () => {
    const result = await runCliInMemory(['check', '--ndjson'], 'not json\n');
    expect(result.stdout).toBe('{"line":1,"error":"the request is not valid JSON (Unexpected token \'o\', \\"not json\\" is not valid JSON)"}\n');
  });
});

describe('dialsim check at a terminal: it says it is reading standard input (issue 13)', () => {
  /** Runs `check` with a standard input that says it is a terminal, as process.stdin does at a prompt. */
  const runAtTerminal = (argv: readonly string[], input: string) => runCliInMemory(argv, input, { tty: true });

  it('one request: stderr says what it waits for and that Ctrl-D ends it, then the decision follows as usual', async () => {
    const result = await runAtTerminal(['check', '--json'], json(contractExample));
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('dialsim check: reading a request from standard input; end it with Ctrl-D (or pass a FILE)\n');
    expect(JSON.parse(result.stdout)).toMatchObject({ verdict: 'block' });
  });

  it('--ndjson: one request per line', async () => {
    const result = await runAtTerminal(['check', '--ndjson', '-'], `${json(contractExample)}\n`);
    expect(result.stderr).toBe('dialsim check: reading requests from standard input, one JSON object per line; end with Ctrl-D (or pass a FILE)\n');
  });

  it('says nothing when the request comes from a file, or when standard input is a pipe', async () => {
    const file = join(tempDir(), 'request.json');
    writeFileSync(file, json(contractExample));
    expect((await runAtTerminal(['check', '--json', file], '')).stderr).toBe('');
    expect((await runCliInMemory(['check', '--json'], json(contractExample))).stderr).toBe('');
  });
});
