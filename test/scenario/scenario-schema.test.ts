import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  forEachField,
  renderScenarioSchema,
  SCENARIO_SCHEMA_COMMAND,
  SCENARIO_SCHEMA_PATH,
  SCHEMA_COMMENT,
} from '../../scripts/generate-scenario-schema.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const scenarioFiles = readdirSync(join(root, 'scenarios'))
  .filter((name) => name.endsWith('.yaml'))
  .sort();

describe('scenarios/schema.json (generated from the zod schema)', () => {
  const rendered = renderScenarioSchema();

  it('is what the generator renders today', () => {
    const path = join(root, SCENARIO_SCHEMA_PATH);
    const committed = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    expect(committed, `${SCENARIO_SCHEMA_PATH} is missing or stale: run \`${SCENARIO_SCHEMA_COMMAND}\``).toBe(rendered);
  });

  it('is a draft-07 schema with a title and no $id, so a relative $schema comment can point at it', () => {
    const schema = JSON.parse(rendered) as Record<string, unknown>;
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.title).toBe('dialsim scenario');
    expect(schema).not.toHaveProperty('$id');
    expect(schema.additionalProperties).toBe(false);
  });

  it('gives every field a description, for editor tooltips', () => {
    const undescribed: string[] = [];
    let fields = 0;
    forEachField(JSON.parse(rendered), (path, field) => {
      fields++;
      if (typeof field.description !== 'string' || field.description === '') undescribed.push(path);
    });
    expect(fields).toBeGreaterThan(100);
    expect(undescribed, 'add .meta({ description }) in src/scenario/scenario-schema.ts or a NESTED_DESCRIPTIONS entry').toEqual([]);
  });
});

describe('scenario files', () => {
  it.each(scenarioFiles)('%s starts with the yaml-language-server comment that points at schema.json', (name) => {
    const firstLine = readFileSync(join(root, 'scenarios', name), 'utf8').split('\n')[0];
    expect(firstLine).toBe(SCHEMA_COMMENT);
  });
});
