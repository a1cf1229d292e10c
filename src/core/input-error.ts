import type { z } from 'zod';

/** One thing wrong with an input, at a field path (`callee.lineType`) and, for files, a line. */
export interface InputProblem {
  readonly path: string;
  readonly message: string;
  /** Where in a file: `scenario.yaml:42:5`. */
  readonly location?: string;
  /** The path as keys, for callers that map it to a position in a source file. */
  readonly keys?: readonly PropertyKey[];
}

/**
 * Input the user can fix: malformed JSON, a missing field, a wrong value. Kept apart from findings (normal
 * outcomes) and from internal errors (bugs), so the CLI can exit 2 with a message that names the field.
 */
export class InputError extends Error {
  readonly problems: readonly InputProblem[];

  constructor(problems: readonly InputProblem[], options?: { source?: string }) {
    const where = options?.source ? `${options.source}: ` : '';
    super(problems.map((problem) => `${where}${formatProblem(problem)}`).join('\n'));
    this.name = 'InputError';
    this.problems = problems;
  }
}

export function formatProblem(problem: InputProblem): string {
  const text = problem.path === '' ? problem.message : `${problem.path}: ${problem.message}`;
  return problem.location === undefined ? text : `${text} (${problem.location})`;
}

/** `callee.lineType`, `consents[0].kind`: the path as a user writes it in JSON. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text;
}

/** Turns zod issues into problems, one per unknown field so each can be named. */
export function problemsFromZod(error: z.ZodError, knownKeysAt?: (path: readonly PropertyKey[]) => string[]): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const suggestion = knownKeysAt ? closestKey(key, knownKeysAt(issue.path)) : undefined;
        problems.push({
          path: formatPath([...issue.path, key]),
          message: suggestion ? `unknown field (did you mean "${suggestion}"?)` : 'unknown field',
          keys: [...issue.path, key],
        });
      }
    } else if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && issue.input === undefined) {
      // With reportInput, an absent input means the field itself is absent (JSON has no undefined values).
      problems.push({ path: formatPath(issue.path), message: 'required field is missing', keys: issue.path });
    } else if (issue.path.length > 0 && issue.input !== undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) {
      problems.push({ path: formatPath(issue.path), message: `${issue.message} (got ${describeInput(issue.input)})`, keys: issue.path });
    } else {
      problems.push({ path: formatPath(issue.path), message: issue.message, keys: issue.path });
    }
  }
  return problems;
}

/**
 * The known name closest to `key` for "did you mean" hints: at most two edits away, case aside, and fewer edits
 * than half the shorter name's length, so a short name is not "close" to everything short (`Zip` is not `id`).
 */
export function closestKey(key: string, known: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const distance = candidate.toLowerCase() === lower ? 0 : editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance && distance * 2 < Math.min(lower.length, candidate.length)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}

function describeInput(input: unknown): string {
  const text = JSON.stringify(input) ?? String(input);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
