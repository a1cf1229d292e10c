/**
 * vitest must never load when a program imports `dialsim` (STYLE lesson 11): only `dialsim/testing` may import it.
 * This follows the static imports from each entry through the sources and lists every module reached.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/built-package.js';
import { reachable } from '../support/import-graph.js';

describe('entries and what they load', () => {
  it("dialsim's main entry reaches neither vitest nor any module of the testing kit", () => {
    const { files, packages } = reachable(repoRoot, 'src/index.ts');
    expect(files.size).toBeGreaterThan(30);
    expect([...packages]).not.toContain('vitest');
    expect([...files].map((file) => relative(repoRoot, file)).filter((file) => file.startsWith(join('src', 'testing')))).toEqual([]);
  });

  it('dialsim/testing and dialsim/testing/vitest do import vitest (the scanner sees it)', () => {
    expect([...reachable(repoRoot, 'src/testing/index.ts').packages]).toContain('vitest');
    expect([...reachable(repoRoot, 'src/testing/vitest.ts').packages]).toContain('vitest');
  });

  it('package.json exports the three entries, and only them', () => {
    const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { exports: Record<string, { types: string; default: string }> };
    expect(manifest.exports).toEqual({
      '.': { types: './dist/src/index.d.ts', default: './dist/src/index.js' },
      './testing': { types: './dist/src/testing/index.d.ts', default: './dist/src/testing/index.js' },
      './testing/vitest': { types: './dist/src/testing/vitest.d.ts', default: './dist/src/testing/vitest.js' },
    });
  });
});
