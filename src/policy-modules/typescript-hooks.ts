import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';

/**
 * Node.js module hooks that load TypeScript policy modules on Node versions that cannot (Node 20): each `.ts` or
 * `.mts` file is transpiled on its own with the `typescript` package's `transpileModule` (types are erased, not
 * checked), and a relative `./x.js` import from TypeScript finds `./x.ts`, as in a NodeNext project. The hooks
 * are plain JavaScript kept as text, so they run from the built package and from the sources alike.
 */
const HOOKS = `
let ts;
export async function initialize(data) {
  ts = (await import(data.typescript)).default;
}
const TS_FILE = /\\.m?ts$/;
export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (error) {
    const parent = context.parentURL === undefined ? '' : new URL(context.parentURL).pathname;
    if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !TS_FILE.test(parent) || !/^\\.\\.?\\//.test(specifier)) throw error;
    const candidate = specifier.endsWith('.js') ? specifier.slice(0, -3) + '.ts'
      : specifier.endsWith('.mjs') ? specifier.slice(0, -4) + '.mts'
      : /\\.[a-z]+$/.test(specifier) ? null : specifier + '.ts';
    if (candidate === null) throw error;
    return next(candidate, context);
  }
}
export async function load(url, context, next) {
  if (!url.startsWith('file:') || !TS_FILE.test(new URL(url).pathname)) return next(url, context);
  const { readFile } = await import('node:fs/promises');
  const { fileURLToPath } = await import('node:url');
  const file = fileURLToPath(url);
  const output = ts.transpileModule(await readFile(file, 'utf8'), {
    fileName: file,
    reportDiagnostics: true,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  const diagnostic = output.diagnostics?.find((candidate) => candidate.category === ts.DiagnosticCategory.Error);
  if (diagnostic !== undefined) {
    const where = diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start) : undefined;
    const position = where === undefined ? '' : ':' + (where.line + 1) + ':' + (where.character + 1);
    throw new SyntaxError(file + position + ': ' + ts.flattenDiagnosticMessageText(diagnostic.messageText, ' '));
  }
  return { format: 'module', source: output.outputText, shortCircuit: true };
}
`;

let registered = false;

/** Why TypeScript cannot be loaded here, when the `typescript` package cannot be found from `file` nor from dialsim. */
export class TypeScriptUnavailableError extends Error {
  override name = 'TypeScriptUnavailableError';
}

function findTypeScript(file: string): string {
  for (const base of [file, import.meta.url]) {
    try {
      return createRequire(base).resolve('typescript');
    } catch {
      // Not installed next to this base; try the next one.
    }
  }
  throw new TypeScriptUnavailableError(
    'this Node.js cannot load TypeScript by itself and the typescript package is not installed: install it (npm install --save-dev typescript) or compile the module to JavaScript',
  );
}

/** Registers the hooks once per process, with the `typescript` package found from `file` (the user's project first). */
export function registerTypeScriptHooks(file: string): void {
  if (registered) return;
  const typescript = pathToFileURL(findTypeScript(file)).href;
  register(`data:text/javascript,${encodeURIComponent(HOOKS)}`, { data: { typescript } });
  registered = true;
}
