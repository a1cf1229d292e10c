import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { benchRegistries } from '../../bench/check-bench.js';
import { checkRequestChunks } from '../../bench/check-requests.js';
import { nearMisses, type Json } from '../../bench/near-miss-requests.js';
import { screenNdjsonStream } from '../../src/cli/check-stream.js';
import { decisionForOutput } from '../../src/cli/decision-output.js';
import { parseCheckRequest } from '../../src/core/check-request.js';
import { formatProblem, InputError } from '../../src/core/input-error.js';
import { seededRandom } from '../../src/core/seeded-random.js';
import { screen, type ScreenOptions } from '../../src/engine/screen.js';

/** The reference for one line: zod, `screen` with the options as given, and JSON.stringify. */
function referenceLine(line: string, lineNumber: number, options: ScreenOptions): string {
  try {
    return JSON.stringify(decisionForOutput(screen(parseCheckRequest(JSON.parse(line)), options)));
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return JSON.stringify({ line: lineNumber, error: error.problems.map(formatProblem).join('; ') });
  }
}

async function streamed(lines: readonly string[], options: ScreenOptions): Promise<string[]> {
  let output = '';
  await screenNdjsonStream(Readable.from([`${lines.join('\n')}\n`]), (chunk) => void (output += chunk), options);
  return output.trimEnd().split('\n');
}

describe('the --ndjson stream against the reference path', () => {
  it('answers generated requests, their near misses and requests naming their own packs byte for byte as zod, screen and JSON.stringify do', async () => {
    const { context, national, internal } = benchRegistries(11);
    const random = seededRandom(11);
    const lines: string[] = [];
    for await (const chunk of checkRequestChunks({ count: 300, seed: 11, nationalListed: national, internalListed: internal })) {
      for (const line of chunk.split('\n').filter(Boolean)) {
        const request = JSON.parse(line) as { [key: string]: Json };
        lines.push(line, JSON.stringify({ ...request, packs: ['us-federal', 'finra'] }));
        const misses = nearMisses(request, (count) => Math.floor(random() * count));
        lines.push(JSON.stringify(misses[Math.floor(random() * misses.length)]));
      }
    }
    for (const options of [{ registries: context }, { registries: context, packs: ['us-federal'] }, { registries: context, timeRules: 'skip' as const }]) {
      expect(await streamed(lines, options)).toEqual(lines.map((line, index) => referenceLine(line, index + 1, options)));
    }
  });

  it('reports an unknown --packs id on every line, as it would screening each line alone', async () => {
    const line = JSON.stringify({ at: '2026-03-10T12:00:00-07:00', to: '+13035550123', method: 'manual', caller: { seller: 'acme' } });
    expect(await streamed([line, line], { packs: ['nope'] })).toEqual([
      '{"line":1,"error":"packs[0]: unknown pack \\"nope\\": expected one of us-federal|us-states|canada|finra|canada-provinces"}',
      '{"line":2,"error":"packs[0]: unknown pack \\"nope\\": expected one of us-federal|us-states|canada|finra|canada-provinces"}',
    ]);
  });
});
