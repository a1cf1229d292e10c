import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { screenNdjsonStream } from '../../src/cli/check-stream.js';

const request = (to: string) =>
  JSON.stringify({ at: '2026-03-10T12:00:00-07:00', to, method: 'manual', caller: { seller: 'acme' }, registries: { national: { syncedAt: '2026-03-01' } }, packs: ['us-federal'] });

async function screen(chunks: (string | Buffer)[]): Promise<string[]> {
  let output = '';
  await screenNdjsonStream(Readable.from(chunks), (chunk) => void (output += chunk), {});
  return output.trimEnd().split('\n');
}

describe('the --ndjson stream', () => {
  it('answers lines split across many small chunks, a CRLF split between two, and a last line without a newline', async () => {
    const text = `${request('(303) 555-0123')}\r\n${request('(212) 555-0147')}\n${request('(415) 555-0100')}`;
    const whole = await screen([text]);
    const pieces = text.match(/[\s\S]{1,7}/g)!;
    expect(await screen(pieces)).toEqual(whole);
    expect(whole).toHaveLength(3);
    expect(whole.map((line) => JSON.parse(line).callee.e164)).toEqual(['+13035550123', '+12125550147', '+14155550100']);
  });

  it('decodes a character split between two byte chunks', async () => {
    const bytes = Buffer.from(`${request('(303) 555-0123').replace('acme', 'acmé')}\n`, 'utf8');
    const split = bytes.indexOf(Buffer.from('é', 'utf8')) + 1;
    const lines = await screen([bytes.subarray(0, split), bytes.subarray(split)]);
    expect(JSON.parse(lines[0]!).verdict).toBe('allow');
  });
});
