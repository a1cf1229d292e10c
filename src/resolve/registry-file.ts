import { readFileSync } from 'node:fs';
import { InputError, type InputProblem } from '../core/input-error.js';
import { InMemoryRegistry } from './registry.js';
import { defaultStrategy, type ResolutionStrategy } from './resolve-attempt.js';

/** Problems reported before giving up, so a broken file is described without flooding the terminal. */
const MAX_REPORTED_PROBLEMS = 20;

/**
 * Reads a registry file: one number per line, in any format ("303-555-0123", "+13035550123"), or the FTC flat-file
 * form "area code,number" ("303,5550123"). Blank lines and lines starting with # are skipped. Any other line that
 * is not a phone number is an error naming the file and line: dropping it would silently unblock that number.
 */
export function readRegistryFile(path: string, strategy: ResolutionStrategy = defaultStrategy()): InMemoryRegistry {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError([{ path: '', message: `cannot read registry file ${path}: ${(error as Error).message}` }]);
  }
  const registry = new InMemoryRegistry();
  const problems: InputProblem[] = [];
  let lineNumber = 0;
  for (const rawLine of text.split('\n')) {
    lineNumber++;
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    const entry = /^\d{3}\s*,\s*\d{7}$/.test(line) ? line.replace(/\s*,\s*/, '') : line;
    const e164 = strategy.number(entry).e164;
    if (e164 !== null) registry.add(e164);
    else if (problems.length < MAX_REPORTED_PROBLEMS) {
      problems.push({ path: `${path}:${lineNumber}`, message: `${JSON.stringify(line)} is not a valid phone number` });
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return registry;
}
