import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, onTestFinished } from 'vitest';
import { InputError } from '../../src/core/input-error.js';
import { packsInForce } from '../../src/engine/packs-in-force.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { scratchDir } from './scratch-dir.js';

/** Writes `files` (scenario.yaml and any data files) into a fresh temp directory, removed after the test. */
export function writeScenarioFiles(files: Record<string, string>): { dir: string; scenario: string } {
  const dir = scratchDir('scenario');
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return { dir, scenario: join(dir, 'scenario.yaml') };
}

/** The lines of the InputError that loading the scenario throws, with the temp directory written as `<dir>`. */
export function loadProblems(files: Record<string, string>): string[] {
  const { dir, scenario } = writeScenarioFiles(files);
  try {
    loadScenario(scenario, { pack: packsInForce() });
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message.replaceAll(dir, '<dir>').split('\n');
  }
  throw new Error('expected loadScenario to refuse the scenario');
}
