/** What a matcher returns to vitest: `actual` and `expected` feed the diff printed under the message. */
export interface MatcherResult {
  readonly pass: boolean;
  readonly message: () => string;
  readonly actual: unknown;
  readonly expected: unknown;
}
