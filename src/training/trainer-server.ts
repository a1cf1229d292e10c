import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closestKey } from '../core/input-error.js';
import type { PolicyPack } from '../core/policy.js';
import { packsInForce } from '../engine/packs-in-force.js';
import { FACTS_PAGES, memberOf, rulePage, type FactsPageRef } from '../rule-page/rule-page.js';
import { renderFactsPageHtml } from '../rule-page/facts-page-html.js';
import { renderRuleIndexHtml, renderRulePageHtml, renderUnknownRuleHtml } from '../rule-page/rule-page-html.js';
import { drillCard } from './drill-card.js';
import { gradeAnswer } from './grade.js';
import { DRILL_LEVELS, type Drill, type DrillAnswer } from './drill.js';
import { MAX_DRILL_COUNT, MAX_DRILL_SEED, MIN_DRILL_SEED, RoundOptionError } from './round-options.js';
import { RoundStore, parseRoundQuery, type Round, type RoundChoice } from './trainer-rounds.js';
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

/** The rounds a page may start, as the CLI flags bound them, for the page's form. */
export const ROUND_LIMITS = { levels: DRILL_LEVELS, count: { min: 1, max: MAX_DRILL_COUNT }, seed: { min: MIN_DRILL_SEED, max: MAX_DRILL_SEED } } as const;

function sendHtml(response: ServerResponse, status: number, body: string): void {
  response.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    // A rule page runs no script and loads nothing: everything it shows is in the document.
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
  });
  response.end(body);
}

/** The rule id in a `/rules/<id>` path, or null when the path is not one; a malformed escape is kept as typed. */
function ruleIdOf(pathname: string): string | null {
  const match = /^\/rules\/(.+)$/.exec(pathname);
  if (match === null) return null;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return match[1]!;
  }
}

/** The repository (or installed package) root, where the generated docs/rules pages are. */
function packageRoot(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return process.cwd();
  }
}

/**
 * Starts the web trainer, on 127.0.0.1 unless `host` says otherwise: the page at `/`, drills at `GET /api/drills`
 * (cards, never answers; `?level=edge&count=5&seed=7` starts a new round of generated drills, bounded as the CLI
 * flags are), grading at `POST /api/grade` (the engine screens the drill's request on the server), results as a
 * JSON or CSV download at `POST /api/results` (a form: `name`, `format`, `answers`, and the round's `level`,
 * `count` and `seed` when it is not the session's), and each rule's page, rendered, at `/rules/<id>` (every rule
 * at `/rules`; the facts pages of the packs in force, with their confidence marks, at `/rules/states` and the
 * like). Resolves once listening; rejects with a `TrainerServerError` when the port is taken.
 * @example
 * const server = await startTrainerServer({ drills, port: 0, description: '5 single drills, seed 42' });
 * console.log(server.url); await server.close();
 */
export async function startTrainerServer(options: TrainerServerOptions): Promise<TrainerServer> {
  const pack = options.pack ?? packsInForce();
  const ruleIds = pack.policies.map((policy) => policy.id);
  const store = new RoundStore(pack, options.drills);
  const page = trainerPage();
  const host = options.host ?? TRAINER_HOST;
  const settings = options.settings ?? { seed: null, level: null, count: options.drills.length, from: null };
  const session: Round = { drills: options.drills, settings, description: options.description };
  // A new round starts from the session's own choice, so "count" alone changes only the count.
  const sessionChoice: Partial<RoundChoice> = {
    ...(settings.level !== null && { level: settings.level }),
    ...(settings.seed !== null && { seed: settings.seed }),
    count: settings.count,
  };
  const roundPayload = (round: Round): string =>
    JSON.stringify({
      description: round.description,
      settings: round.settings,
      limits: ROUND_LIMITS,
      drills: round.drills.map((drill) => ({ id: drill.id, level: drill.level, card: drillCard(drill, pack) })),
      rules: pack.policies.map((policy) => ({ id: policy.id, title: policy.title, citation: policy.citation })),
    });
  const sessionPayload = roundPayload(session);
  // The facts pages of the packs in force, by name: only these are read from docs/rules, never a path a request names.
  const factsPages = new Map<string, FactsPageRef>();
  for (const member of pack.members ?? [pack]) {
    const facts = FACTS_PAGES[member.id];
    if (facts !== undefined && !factsPages.has(facts.name)) factsPages.set(facts.name, facts);
  }
  const pageHref = (name: string): string | undefined => (ruleIds.includes(name) || factsPages.has(name) ? `/rules/${encodeURIComponent(name)}` : undefined);
  const ruleLinks = { ruleHref: (id: string) => `/rules/${encodeURIComponent(id)}`, indexHref: '/rules', pageHref };
  const factsPageHtml = async (name: string): Promise<string | undefined> => {
    const facts = factsPages.get(name);
    if (facts === undefined) return undefined;
    try {
      return renderFactsPageHtml(await readFile(join(packageRoot(), facts.path), 'utf8'), { pageHref, indexHref: ruleLinks.indexHref });
    } catch {
      return undefined;
    }
  };
  const screenedWith = `this trainer's rules (packs ${(pack.members ?? [pack]).map((member) => member.id).join(', ')})`;
  const rulePages = new Map<string, string>();
  const rulePageHtml = (id: string): string | undefined => {
    const policy = pack.policies.find((candidate) => candidate.id === id);
    if (policy === undefined) return undefined;
    let html = rulePages.get(id);
    if (html === undefined) {
      html = renderRulePageHtml(rulePage(pack, policy), { ...ruleLinks, screenedWith });
      rulePages.set(id, html);
    }
    return html;
  };

  const server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, { error: `internal error, this should not happen: ${(error as Error).message}` });
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', `http://${TRAINER_HOST}`);
    if (request.method === 'GET' && url.pathname === '/') return send(response, 200, 'text/html; charset=utf-8', page);
    if (request.method === 'GET' && url.pathname === '/api/drills') {
      if (url.search === '') return send(response, 200, 'application/json; charset=utf-8', sessionPayload);
      let choice: RoundChoice;
      try {
        choice = parseRoundQuery(url.searchParams, sessionChoice);
      } catch (error) {
        if (error instanceof RoundOptionError) return sendJson(response, 400, { error: error.message, field: error.field });
        throw error;
      }
      return send(response, 200, 'application/json; charset=utf-8', roundPayload(store.round(choice)));
    }
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
      const drill = store.drill(parsed.drillId);
      if (drill === undefined) return sendJson(response, 404, { error: `no drill "${parsed.drillId}" in this session` });
      return sendJson(response, 200, gradeAnswer(drill, parsed.answer, pack));
    }
    if (url.pathname === '/api/results') {
      if (request.method !== 'POST') return sendJson(response, 405, { error: 'POST an export request' });
      const body = await readBody(request);
      if (body === null) return sendJson(response, 413, { error: 'request too large' });
      const form = new URLSearchParams(body);
      const parsed = parseExportRequest(form, ruleIds);
      if (typeof parsed === 'string') return sendJson(response, 400, { error: parsed });
      let roundSettings = settings;
      if (form.has('level') || form.has('count') || form.has('seed')) {
        try {
          roundSettings = store.round(parseRoundQuery(form, sessionChoice)).settings;
        } catch (error) {
          if (error instanceof RoundOptionError) return sendJson(response, 400, { error: error.message, field: error.field });
          throw error;
        }
      }
      const results: DrillResult[] = [];
      for (const { drillId, answer } of parsed.answers) {
        const drill = store.drill(drillId);
        if (drill === undefined) return sendJson(response, 404, { error: `no drill "${drillId}" in this session` });
        results.push({ drill, grade: gradeAnswer(drill, answer, pack) });
      }
      const text = parsed.format === 'json' ? `${JSON.stringify({ ...(resultsJson(roundSettings, results, pack) as object), trainee: parsed.trainee }, null, 2)}\n` : resultsCsv(results, parsed.trainee);
      response.writeHead(200, {
        'content-type': parsed.format === 'json' ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="dialsim-training-results.${parsed.format}"`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      return void response.end(text);
    }
    if (request.method === 'GET' && url.pathname === '/rules') {
      const facts = [...factsPages.values()].map((page) => ({ href: `/rules/${page.name}`, title: page.title }));
      return sendHtml(response, 200, renderRuleIndexHtml(pack.policies.map((policy) => ({ id: policy.id, title: policy.title, pack: memberOf(pack, policy).id })), ruleLinks, facts));
    }
    // The address rule links had before the pages were rendered here: send the reader to the page.
    const oldDocs = /^\/docs\/rules\/(.+)\.md$/.exec(url.pathname);
    if (request.method === 'GET' && oldDocs !== null) {
      response.writeHead(301, { location: `/rules/${oldDocs[1]}`, 'cache-control': 'no-store' });
      return void response.end();
    }
    const ruleId = ruleIdOf(url.pathname);
    if (request.method === 'GET' && ruleId !== null) {
      const html = rulePageHtml(ruleId) ?? (await factsPageHtml(ruleId));
      if (html !== undefined) return sendHtml(response, 200, html);
      return sendHtml(response, 404, renderUnknownRuleHtml(ruleId, closestKey(ruleId, ruleIds), ruleLinks));
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
