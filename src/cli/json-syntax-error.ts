/** Where a JSON syntax error is, 1-based, for `request.json:3:5`. */
export interface JsonErrorPosition {
  readonly line: number;
  readonly column: number;
}

/** Node 20's JSON.parse says "... in JSON at position 12" for most errors. */
const AT_POSITION = / in JSON at position (\d+)/;

/**
 * The reason JSON.parse gave, without its character offset (the caller names the line and column instead) and on
 * one line whatever text it quotes.
 */
export function jsonErrorReason(error: Error): string {
  return error.message.replace(AT_POSITION, '').replace(/\s+/g, ' ');
}

/**
 * The line and column of the syntax error JSON.parse reported for `text`. The offset comes from the message when
 * it has one; "Unexpected end" is at the end of the text; and "Unexpected token 'o', "..." is not valid JSON",
 * which gives none, is found as the shortest prefix of the text that fails for another reason than ending early.
 */
export function jsonErrorPosition(text: string, error: Error): JsonErrorPosition {
  const stated = AT_POSITION.exec(error.message);
  const offset = stated !== null ? Number(stated[1]) : /^Unexpected end of JSON input/.test(error.message) ? text.length : firstBadOffset(text);
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

/**
 * Binary search over prefix lengths: a prefix "fails early" when its own error lies inside it, not at its end. The
 * first such prefix ends just after the offending character.
 */
function firstBadOffset(text: string): number {
  let low = 0;
  let high = text.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (failsInside(text.slice(0, middle + 1))) high = middle;
    else low = middle + 1;
  }
  return Math.min(low, text.length);
}

function failsInside(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return false;
  } catch (error) {
    const message = (error as Error).message;
    if (/^Unexpected end of JSON input/.test(message)) return false;
    const stated = AT_POSITION.exec(message);
    return stated === null || Number(stated[1]) < prefix.length;
  }
}
