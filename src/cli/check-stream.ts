import { StringDecoder } from 'node:string_decoder';
import { parseCheckRequest } from '../core/check-request.js';
import { fastCheckRequest } from '../core/fast-check-request.js';
import type { Decision } from '../core/decision.js';
import { InputError, formatProblem } from '../core/input-error.js';
import { packsInForce } from '../engine/packs-in-force.js';
import { screen, type ScreenOptions } from '../engine/screen.js';
import { checkMessages } from './commands/check-messages.js';
import { writeDecisionLine } from './decision-output.js';
import { OutputBatches } from './output-batches.js';
import { jsonErrorPosition, jsonErrorReason } from './json-syntax-error.js';
import { inputPauses } from './input-pause.js';

export type ScreenedText = { readonly decision: Decision } | { readonly error: string };

/**
 * Screens one request given as JSON text. Input problems (bad JSON, a wrong field) come back as an error string
 * naming the field; anything else thrown is a bug and propagates. With `source` (a file name, or "stdin"), a JSON
 * syntax error names it with the line and column: `(request.json:3:5)`.
 */
export function screenRequestText(text: string, options: ScreenOptions, source?: string): ScreenedText {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    if (source === undefined) {
      // V8 quotes the offending text in its message; keep the error on one line whatever that text holds.
      return { error: checkMessages.notJson((error as Error).message.replace(/\s+/g, ' ')) };
    }
    const { line, column } = jsonErrorPosition(text, error as Error);
    return { error: formatProblem({ path: '', message: checkMessages.notJson(jsonErrorReason(error as Error)), location: `${source}:${line}:${column}` }) };
  }
  return screenParsed(json, options, options);
}

/**
 * Screens a parsed request: with `withDefaultPack` for an attempt that names no packs of its own (the options with
 * the packs in force already put together), with `options` for one that does.
 */
function screenParsed(json: unknown, options: ScreenOptions, withDefaultPack: ScreenOptions): ScreenedText {
  try {
    // The fast path takes the well-formed requests; zod, the reference, the rest, so every error reads as before.
    const attempt = fastCheckRequest(json) ?? parseCheckRequest(json);
    return { decision: screen(attempt, attempt.packs === undefined ? withDefaultPack : options) };
  } catch (error) {
    if (error instanceof InputError) return { error: error.problems.map(formatProblem).join('; ') };
    throw error;
  }
}

/**
 * The options with the packs in force for requests that name none, combined once for the stream rather than looked
 * up per request. Left as they are when they cannot be combined (an unknown pack id): each request then reports it.
 */
function withPacksInForce(options: ScreenOptions): ScreenOptions {
  if (options.pack !== undefined) return options;
  try {
    return { ...options, pack: packsInForce({ ...(options.packs && { packs: options.packs }), ...(options.custom && { custom: options.custom }) }) };
  } catch (error) {
    if (error instanceof InputError) return options;
    throw error;
  }
}

export interface NdjsonCounts {
  answered: number;
  malformed: number;
}

/**
 * Screens `check --ndjson` lines one at a time into output batches, counting answers and malformed lines: the
 * same code in the calling thread and in each worker, so that both give the same bytes.
 */
export class NdjsonLineScreener {
  readonly #options: ScreenOptions;
  readonly #withDefaultPack: ScreenOptions;

  constructor(options: ScreenOptions) {
    this.#options = options;
    this.#withDefaultPack = withPacksInForce(options);
  }

  /** Screens line `lineNumber` (its carriage return already removed); a blank line gets no output line. */
  line(line: string, lineNumber: number, batches: OutputBatches, counts: NdjsonCounts): void {
    // A request starts with a printable ASCII character (`{`), which no blank line does: only other lines are trimmed.
    const first = line.charCodeAt(0);
    if (!(first > 32 && first < 127) && line.trim() === '') return;
    const result = this.#screen(line);
    if ('decision' in result) {
      counts.answered++;
      writeDecisionLine(result.decision, batches);
    } else {
      counts.malformed++;
      batches.line(JSON.stringify({ line: lineNumber, error: result.error }));
    }
  }

  /**
   * Screens whole lines of UTF-8, `bytes` holding them each ended by a line feed (the last may lack one), numbered
   * from `firstLine`: a worker's batch. Each line is decoded on its own: one string for the whole batch would outlive
   * a few collections of the young generation and be promoted, and a stream's worth of them filled the old one.
   */
  lines(bytes: Buffer, firstLine: number, batches: OutputBatches, counts: NdjsonCounts): void {
    let lineNumber = firstLine;
    let start = 0;
    while (start < bytes.length) {
      let end = bytes.indexOf(10, start);
      if (end === -1) end = bytes.length;
      // A carriage return is one byte in UTF-8, never part of another character: stripped as the stream strips it.
      const textEnd = end > start && bytes[end - 1] === 13 ? end - 1 : end;
      this.line(bytes.toString('utf8', start, textEnd), lineNumber++, batches, counts);
      start = end + 1;
    }
  }

  #screen(line: string): ScreenedText {
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      return screenRequestText(line, this.#options);
    }
    return screenParsed(json, this.#options, this.#withDefaultPack);
  }
}

/**
 * `dialsim check --ndjson` in the calling thread: one request per line in, one decision (or `{"line": N, "error": ...}`)
 * per line out, in order. Streams: input chunks are split as they arrive and output is flushed in batches of UTF-8,
 * so memory stays flat however long the stream, and (unless `answerOnPause` is false, for a regular file) whenever
 * the input pauses, so a caller that waits for each answer before its next request gets it. Blank lines are skipped and get no output line; lines are numbered
 * from 1. `screenNdjson` (check-workers.ts) spreads the same work over worker threads.
 */
export async function screenNdjsonStream(
  input: AsyncIterable<string | Buffer>,
  output: (chunk: Buffer) => void | Promise<void>,
  options: ScreenOptions,
  { answerOnPause = true }: { readonly answerOnPause?: boolean } = {},
): Promise<NdjsonCounts> {
  const counts: NdjsonCounts = { answered: 0, malformed: 0 };
  let lineNumber = 0;
  const batches = new OutputBatches();
  // Decodes across chunk boundaries, so a character split between two chunks is not corrupted.
  const decoder = new StringDecoder('utf8');
  const screener = new NdjsonLineScreener(options);
  const handle = (line: string): void => screener.line(line, ++lineNumber, batches, counts);

  // The unfinished line is kept as parts and only the new chunk is searched for line ends: re-joining and
  // re-scanning the whole pending text per chunk made a very long line quadratic.
  let pendingParts: string[] = [];
  const endLine = (tail: string): void => {
    const line = pendingParts.length === 0 ? tail : pendingParts.join('') + tail;
    pendingParts = [];
    handle(line.charCodeAt(line.length - 1) === 13 ? line.slice(0, -1) : line);
  };
  // Every answer so far, written: when the input ends or fails, and when it pauses (a caller waiting for an answer).
  const writeAnswered = async (): Promise<void> => {
    for (const batch of batches.take(true)) await output(batch);
  };
  let first = true;
  const chunks = input[Symbol.asyncIterator]();
  for (;;) {
    const pending = chunks.next();
    if (answerOnPause && (await inputPauses(pending))) await writeAnswered();
    let next: IteratorResult<string | Buffer>;
    try {
      next = await pending;
    } catch (error) {
      // An input that cannot be read on (a failing disk, a broken pipe): the lines answered so far are written
      // before the error is told, and the unfinished line is not guessed at.
      await writeAnswered();
      throw error;
    }
    if (next.done === true) break;
    const chunk = next.value;
    let text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    // A byte-order mark from a Windows editor is not part of the first request.
    if (first && text !== '') {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    let start = 0;
    for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', start)) {
      endLine(text.slice(start, newline));
      start = newline + 1;
    }
    if (start < text.length) pendingParts.push(text.slice(start));
    for (const batch of batches.take()) await output(batch);
  }
  const rest = decoder.end();
  if (rest !== '') pendingParts.push(rest);
  if (pendingParts.length > 0) endLine('');
  await writeAnswered();
  return counts;
}
