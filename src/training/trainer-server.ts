import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PolicyPack } from '../core/policy.js';
import { packsInForce } from '../engine/packs-in-force.js';
import type { Drill, DrillAnswer } from './drill.js';
import { drillCard } from './drill-card.js';
import { gradeAnswer } from './grade.js';
import { trainerPage } from './trainer-page.js';
import { resultsCsv, resultsJson, type DrillResult, type SessionSettings } from './session.js';

export interface TrainerServerOptions {
  readonly drills: readonly Drill[];
  /** 0 picks a free port. */
  readonly port: number;
  /** The address to listen on; 127.0.0.1 unless a room of trainees should reach it (`0.0.0.0`). */
  readonly host?: string;
  /** Shown in the page header: "5 single drills, seed 42". */
  readonly description: string;
  readonly pack?: PolicyPack;
  /** How the drills were chosen, for the exported results; by default a set of `drills.length` with no seed. */
  readonly settings?: SessionSettings;
}

export interface TrainerServer {
  /** `http://<host>:<port>/`, `http://127.0.0.1:4311/` by default. */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** The trainer could not listen: the port is taken, or not ours to take. Exit 2 with `message`. */
export class TrainerServerError extends Error {
  constructor(
    readonly code: 'port-in-use' | 'port-denied' | 'listen-failed',
    readonly port: number,
    message: string,
  ) {
    super(message);
    this.name = 'TrainerServerError';
  }
}

export const TRAINER_HOST = '127.0.0.1';

/** Whether only this machine can reach `host`: 127.0.0.0/8, ::1 or localhost. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

const MAX_BODY_BYTES = 16_384;

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  response.end(body);
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

/** An export request, posted by the page's form: the trainee's name, `json` or `csv`, and every answer given. */
function parseExportRequest(form: URLSearchParams, ruleIds: readonly string[]): { trainee: string; format: 'json' | 'csv'; answers: { drillId: string; answer: DrillAnswer }[] } | string {
  const format = form.get('format');
  if (format !== 'json' && format !== 'csv') return 'format: expected "json" or "csv"';
  let list: unknown;
  try {
    list = JSON.parse(form.get('answers') ?? '');
  } catch {
    return 'answers: expected a JSON list of {"drillId", "answer"}';
  }
  if (!Array.isArray(list)) return 'answers: expected a JSON list of {"drillId", "answer"}';
  const answers = [];
  for (const [index, item] of list.entries()) {
    const parsed = parseGradeRequest(item, ruleIds);
    if (typeof parsed === 'string') return `answers[${index}].${parsed}`;
    answers.push(parsed);
  }
  return { trainee: (form.get('name') ?? '').trim().slice(0, 200), format, answers };
}

async function readBody(request: IncomingMessage): Promise<string | null> {
  let body = '';
  for await (const chunk of request) {
    body += (chunk as Buffer).toString('utf8');
    if (body.length > MAX_BODY_BYTES) return null;
  }
  return body;
}

/** The answer in a grading request, or why it is not one. */
function parseGradeRequest(value: unknown, ruleIds: readonly string[]): { drillId: string; answer: DrillAnswer } | string {
  if (typeof value !== 'object' || value === null) return 'expected {"drillId": "...", "answer": {"kind": "dial"}}';
  const { drillId, answer } = value as { drillId?: unknown; answer?: { kind?: unknown; rule?: unknown } };
  if (typeof drillId !== 'string') return 'drillId: expected a string';
  if (answer?.kind === 'dial') return { drillId, answer: { kind: 'dial' } };
  if (answer?.kind === 'block') {
    if (typeof answer.rule !== 'string' || !ruleIds.includes(answer.rule)) return `answer.rule: expected one of ${ruleIds.join(', ')}`;
    return { drillId, answer: { kind: 'block', rule: answer.rule } };
  }
  return 'answer.kind: expected "dial" or "block"';
}

/** The repository (or installed package) root, where docs/rules lives. */
function packageRoot(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return process.cwd();
  }
}

/**
 * Starts the web trainer, on 127.0.0.1 unless `host` says otherwise: the page at `/`, drills at `GET /api/drills` (cards, never answers),
 * grading at `POST /api/grade` (the engine screens the drill's request on the server), results as a JSON or CSV
 * download at `POST /api/results` (a form: `name`, `format`, `answers`), rule pages at
 * `/docs/rules/<id>.md`. Resolves once listening; rejects with a `TrainerServerError` when the port is taken.
 * @example
 * const server = await startTrainerServer({ drills, port: 0, description: '5 single drills, seed 42' });
 * console.log(server.url); await server.close();
 */
export async function startTrainerServer(options: TrainerServerOptions): Promise<TrainerServer> {
  const pack = options.pack ?? packsInForce();
  const ruleIds = pack.policies.map((policy) => policy.id);
  const byId = new Map(options.drills.map((drill) => [drill.id, drill]));
  const page = trainerPage();
  const drillsPayload = JSON.stringify({
    description: options.description,
    drills: options.drills.map((drill) => ({ id: drill.id, level: drill.level, card: drillCard(drill, pack) })),
    rules: pack.policies.map((policy) => ({ id: policy.id, title: policy.title, citation: policy.citation })),
  });
  const docsDir = join(packageRoot(), 'docs', 'rules');
  const host = options.host ?? TRAINER_HOST;
  const settings = options.settings ?? { seed: null, level: null, count: options.drills.length, from: null };

  const server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, { error: `internal error, this should not happen: ${(error as Error).message}` });
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', `http://${TRAINER_HOST}`);
    if (request.method === 'GET' && url.pathname === '/') return send(response, 200, 'text/html; charset=utf-8', page);
    if (request.method === 'GET' && url.pathname === '/api/drills') return send(response, 200, 'application/json; charset=utf-8', drillsPayload);
    if (url.pathname === '/api/grade') {
      if (request.method !== 'POST') return sendJson(response, 405, { error: 'POST a grading request' });
      const body = await readBody(request);
      if (body === null) return sendJson(response, 413, { error: 'request too large' });
      let value: unknown;
      try {
        value = JSON.parse(body);
      } catch {
        return sendJson(response, 400, { error: 'the body is not JSON' });
      }
      const parsed = parseGradeRequest(value, ruleIds);
      if (typeof parsed === 'string') return sendJson(response, 400, { error: parsed });
      const drill = byId.get(parsed.drillId);
      if (drill === undefined) return sendJson(response, 404, { error: `no drill "${parsed.drillId}" in this session` });
      return sendJson(response, 200, gradeAnswer(drill, parsed.answer, pack));
    }
    if (url.pathname === '/api/results') {
      if (request.method !== 'POST') return sendJson(response, 405, { error: 'POST an export request' });
      const body = await readBody(request);
      if (body === null) return sendJson(response, 413, { error: 'request too large' });
      const parsed = parseExportRequest(new URLSearchParams(body), ruleIds);
      if (typeof parsed === 'string') return sendJson(response, 400, { error: parsed });
      const results: DrillResult[] = [];
      for (const { drillId, answer } of parsed.answers) {
        const drill = byId.get(drillId);
        if (drill === undefined) return sendJson(response, 404, { error: `no drill "${drillId}" in this session` });
        results.push({ drill, grade: gradeAnswer(drill, answer, pack) });
      }
      const text = parsed.format === 'json' ? `${JSON.stringify({ ...(resultsJson(settings, results, pack) as object), trainee: parsed.trainee }, null, 2)}\n` : resultsCsv(results, parsed.trainee);
      response.writeHead(200, {
        'content-type': parsed.format === 'json' ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="dialsim-training-results.${parsed.format}"`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      return void response.end(text);
    }
    const docs = /^\/docs\/rules\/([a-z0-9.-]+)\.md$/.exec(url.pathname);
    if (request.method === 'GET' && docs !== null && ruleIds.includes(docs[1]!)) {
      try {
        return send(response, 200, 'text/plain; charset=utf-8', await readFile(join(docsDir, `${docs[1]}.md`), 'utf8'));
      } catch {
        return send(response, 404, 'text/plain; charset=utf-8', `no page for ${docs[1]} in this installation`);
      }
    }
    return send(response, 404, 'text/plain; charset=utf-8', 'not found');
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const port = options.port;
      if (error.code === 'EADDRINUSE') reject(new TrainerServerError('port-in-use', port, `port ${port} on ${host} is already in use`));
      else if (error.code === 'EACCES') reject(new TrainerServerError('port-denied', port, `not allowed to listen on port ${port} on ${host}`));
      else reject(new TrainerServerError('listen-failed', port, `cannot listen on ${host}:${port}: ${error.message}`));
    });
    server.listen(options.port, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
