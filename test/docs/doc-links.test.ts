import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    // An example project's installed packages are not docs (and its link to this checkout would loop).
    if (name === 'node_modules') return [];
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

function withoutCodeBlocks(text: string): string {
  return text.replace(/```[\s\S]*?```/g, '');
}

/** Relative link targets of a markdown file (`rules/hours.federal.md`, `glossary.md#safe-harbor`, `#--ndjson`). */
function relativeLinks(text: string): string[] {
  return [...withoutCodeBlocks(text).matchAll(/\]\(([^)\s]+)\)/g)]
    .map((match) => match[1]!)
    .filter((target) => !/^[a-z]+:/i.test(target));
}

/** Heading anchors as GitHub makes them: lower case, punctuation dropped, spaces to hyphens. */
function anchors(text: string): Set<string> {
  return new Set(
    [...withoutCodeBlocks(text).matchAll(/^#+ (.+)$/gm)].map((match) =>
      match[1]!.toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, '').replace(/ /g, '-'),
    ),
  );
}

it('every relative link in docs/ points at a file that exists, and at a heading of it when it names one', () => {
  const broken = markdownFiles(join(root, 'docs')).flatMap((file) =>
    relativeLinks(readFileSync(file, 'utf8'))
      .filter((target) => {
        const [path, anchor] = target.split('#') as [string, string | undefined];
        const destination = path === '' ? file : resolve(dirname(file), path);
        if (!existsSync(destination)) return true;
        return anchor !== undefined && !anchors(readFileSync(destination, 'utf8')).has(anchor);
      })
      .map((target) => `${relative(root, file)} -> ${target}`),
  );
  expect(broken).toEqual([]);
});
