/**
 * `dialsim scrub` runs its code from one bundle (dist/src/scrub/scrub-command.bundle.js, built by `npm run build`)
 * rather than some 500 module files: the same code, so the same output, with io.js and the stores read ahead shared
 * with run-cli.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SCRUB_BUNDLE, scrubCommand } from '../../src/cli/commands/scrub.js';
import { assertBuildIsFresh, repoRoot } from '../support/built-package.js';
import { capturedIo } from '../support/run-cli-in-memory.js';
import { scratchDir } from '../support/scratch-dir.js';

type ScrubRun = typeof import('../../src/cli/commands/scrub-run.js');

const built = (path: string): string => pathToFileURL(join(repoRoot, 'dist', path)).href;

/** What `runScrub` prints, run from `module`. */
async function scrubWith(module: ScrubRun, argv: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { io, printed } = capturedIo(Readable.from([]));
  const code = await module.runScrub(scrubCommand, argv, io);
  return { code, ...printed() };
}

describe("the scrub command's bundle", () => {
  it("holds every module but Node's own and the ones it shares with run-cli, which it imports from dist/src/", () => {
    assertBuildIsFresh();
    const bundle = readFileSync(join(repoRoot, 'dist', SCRUB_BUNDLE.bundle), 'utf8');
    // Minified: `import{write}from"../cli/io.js";`, several to a line and after any character; dynamic ones too.
    const imported = new Set([...bundle.matchAll(/\bimport\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/g)].map((match) => (match[1] ?? match[2])!));
    expect(imported.size).toBeGreaterThan(5);
    expect([...imported].filter((specifier) => !specifier.startsWith('node:') && !builtinModules.includes(specifier)).sort()).toEqual(['../cli/io.js', '../registry-store/store-file-prefetch.js']);
  });

  it('scrubs a list as the module files do: the same output and summary, error rows and duplicates included', async () => {
    assertBuildIsFresh();
    const dir = scratchDir('scrub-bundle');
    writeFileSync(join(dir, 'context.json'), JSON.stringify({ registries: { national: { syncedAt: '2026-03-01', numbers: ['720-555-0199'] }, internal: { numbers: [] } } }));
    writeFileSync(
      join(dir, 'leads.csv'),
      'Name,Phone,State,Mobile?\n"Ortiz, Ana",(303) 555-0123,CO,Yes\n=HYPERLINK(1),720-555-0199,CO,No\nDana,+1 416 555 0147,NY,No\nSam,,CO,Yes\nAna,303.555.0123,CO,maybe\n',
    );
    const argv = ['leads.csv', '--seller', 'acme', '--context', join(dir, 'context.json'), '--dnc-only', '--at', '2026-03-10T17:00:00Z', '--map', 'lineType=Mobile?', '--values', 'lineType=yes:mobile,no:landline'];
    const fromFiles = await scrubWith((await import(built('src/cli/commands/scrub-run.js'))) as ScrubRun, [join(dir, argv[0]!), ...argv.slice(1)]);
    const fromBundle = await scrubWith((await import(built(SCRUB_BUNDLE.bundle))) as ScrubRun, [join(dir, argv[0]!), ...argv.slice(1)]);
    expect(fromFiles.stdout.split('\n')).toHaveLength(7);
    expect(fromBundle).toEqual(fromFiles);
  });
});
