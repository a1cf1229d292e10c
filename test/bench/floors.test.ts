import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCampaignFloor } from '../../bench/campaign-bench.js';
import { scrubFloorRound } from '../../bench/scrub-bench.js';
import { scratchDir } from '../support/scratch-dir.js';

describe('the bench floors', () => {
  it("scrub's reads every record of the list and writes as many bytes as the scrub did", async () => {
    const list = join(scratchDir('scrub-floor'), 'leads.csv');
    const rows = Array.from({ length: 3_000 }, (_, index) => `${index},"Lead, No. ${index}",303555${String(index).padStart(4, '0')},CO`);
    writeFileSync(list, `Contact ID,Full Name,Phone Number,State\r\n${rows.join('\r\n')}\r\n`);
    const round = await scrubFloorRound(list, 3_000, 3_001 * 120);
    expect(round.workers).toBe(0);
    expect(round.outputBytes).toBe(3_001 * 120);
    await expect(scrubFloorRound(list, 2_999, 100)).rejects.toThrow('3001 records for 2999 rows and a header');
  });

  it("the campaign's generates every lead and stands for as many attempts as the run made", () => {
    const floor = runCampaignFloor(2_000, 7, 3_500, 3_500 * 900 + 400);
    expect(floor.bytesWritten).toBe(3_500 * 900);
    expect(floor.attemptsPerSecond).toBeGreaterThan(0);
  });
});
