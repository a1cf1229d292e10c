import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonErrorPosition, jsonErrorReason } from '../../src/cli/json-syntax-error.js';

function parseError(text: string): Error {
  try {
    JSON.parse(text);
  } catch (error) {
    return error as Error;
  }
  throw new Error(`${text} is valid JSON`);
}

const positionOf = (text: string) => jsonErrorPosition(text, parseError(text));

describe('jsonErrorPosition', () => {
  it('reads the offset the parser states ("at position 13") as line 3, column 3', () => {
    const text = '{\n  "a": 1\n  "b": 2\n}';
    expect(parseError(text).message).toContain('at position 13');
    expect(positionOf(text)).toEqual({ line: 3, column: 3 });
  });

  it('places the errors the parser states no offset for: an unexpected token at its character, an early end at the end', () => {
    expect(positionOf('not json')).toEqual({ line: 1, column: 2 });
    expect(positionOf('{\n  "a": nope\n}')).toEqual({ line: 2, column: 9 });
    expect(positionOf('{\n  "a": tru}')).toEqual({ line: 2, column: 11 });
    expect(positionOf('{"a": [1, 2')).toEqual({ line: 1, column: 12 });
    expect(positionOf('')).toEqual({ line: 1, column: 1 });
  });

  it('a stray "#" between the tokens of any JSON value is placed at the "#"', () => {
    const json = fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value, null, 2)).filter((text) => /\s/.test(text));
    fc.assert(
      fc.property(json, fc.nat(), (text, pick) => {
        // Indentation and line ends only: whitespace between tokens, never inside a string.
        const gaps = [...text.matchAll(/\n */g)].map((match) => match.index);
        fc.pre(gaps.length > 0);
        const at = gaps[pick % gaps.length]!;
        const broken = `${text.slice(0, at)}#${text.slice(at)}`;
        const before = broken.slice(0, at);
        expect(positionOf(broken)).toEqual({ line: before.split('\n').length, column: at - (before.lastIndexOf('\n') + 1) + 1 });
      }),
    );
  });
});

describe('jsonErrorReason', () => {
  it('drops the character offset and keeps the reason on one line', () => {
    expect(jsonErrorReason(parseError('{"a":1,}'))).toBe('Expected double-quoted property name');
    expect(jsonErrorReason(parseError('{\n"a": nope}'))).toBe('Unexpected token \'o\', "{ "a": nope}" is not valid JSON');
  });
});
