import { readFileSync } from 'node:fs';

let version: string | undefined;

/** dialsim's version, from its package.json (two levels above this module in src/ and in dist/src/). */
export function packageVersion(): string {
  if (version === undefined) {
    for (const relative of ['../../package.json', '../../../package.json']) {
      try {
        const parsed = JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as { name?: string; version?: string };
        if (parsed.name === 'dialsim' && typeof parsed.version === 'string') {
          version = parsed.version;
          break;
        }
      } catch {
        // Not at this level: try the next.
      }
    }
    version ??= 'unknown';
  }
  return version;
}
