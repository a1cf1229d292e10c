import { statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { definePack } from '../core/define-pack.js';
import type { PolicyPack } from '../core/policy.js';
import { PolicyDefinitionError } from '../core/policy-definition-error.js';
import { validatePolicyDefinition } from '../core/validate-policy.js';
import { registerTypeScriptHooks, TypeScriptUnavailableError } from './typescript-hooks.js';

/** A policy module that cannot be used: unreadable, failing on import, or exporting something that is not a policy. */
export class PolicyModuleError extends Error {
  override name = 'PolicyModuleError';
  /** The module as the caller named it (`./policies/holidays.ts`). */
  readonly module: string;

  constructor(module: string, problem: string) {
    super(`policy module ${module}: ${problem}`);
    this.module = module;
  }
}

export interface LoadPolicyModulesOptions {
  /** Directory that relative paths are resolved against: the current directory by default, a scenario's own folder for scenarios. */
  readonly baseDir?: string;
}

const JAVASCRIPT = ['.js', '.mjs', '.cjs'];
const TYPESCRIPT = ['.ts', '.mts'];
/** Import failures that mean "this Node.js does not load TypeScript by itself". */
const NO_TYPESCRIPT = ['ERR_UNKNOWN_FILE_EXTENSION', 'ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX', 'ERR_UNSUPPORTED_NODE_MODULES_TYPE_STRIPPING'];

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

async function importTypeScript(file: string): Promise<unknown> {
  const url = pathToFileURL(file).href;
  try {
    // Node 22.18+ strips types itself, and test runners (vitest) load TypeScript their own way.
    return await import(url);
  } catch (error) {
    if (!NO_TYPESCRIPT.includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
  }
  registerTypeScriptHooks(file);
  // Node caches the failed import by URL: a query gives the retry a URL of its own.
  return import(`${url}?typescript`);
}

/** The module's default export as a pack: its own pack, or one named after the module for policies. */
function packOf(exported: unknown, module: string): PolicyPack {
  /** Runs a check; a `PolicyDefinitionError` becomes a `PolicyModuleError` saying where in the export it is. */
  const checked = <T>(where: string, check: () => T): T => {
    try {
      return check();
    } catch (error) {
      if (error instanceof PolicyDefinitionError) throw new PolicyModuleError(module, `default export${where}: ${error.message}`);
      throw error;
    }
  };
  if (typeof exported !== 'object' || exported === null) {
    const shown = typeof exported === 'string' ? JSON.stringify(exported) : String(exported);
    throw new PolicyModuleError(module, `default export: expected a policy (definePolicy), an array of policies or a pack (definePack), got ${shown}`);
  }
  if (!Array.isArray(exported) && 'policies' in exported) return checked('', () => definePack(exported as PolicyPack));
  const policies = Array.isArray(exported)
    ? exported.map((policy: unknown, index) => checked(`[${index}]`, () => validatePolicyDefinition(policy, 'a policy module')))
    : [checked('', () => validatePolicyDefinition(exported, 'a policy module'))];
  return checked('', () => definePack({ id: module, title: `policies from ${module}`, policies }));
}

/**
 * Loads one policy module: a JavaScript or TypeScript file whose default export is a policy (`definePolicy`), an
 * array of policies, or a pack (`definePack`). Anything wrong throws a `PolicyModuleError` naming the module.
 */
export async function loadPolicyModule(path: string, options: LoadPolicyModulesOptions = {}): Promise<PolicyPack> {
  const file = resolve(options.baseDir ?? process.cwd(), path);
  const extension = extname(file);
  try {
    if (!statSync(file).isFile()) throw new PolicyModuleError(path, `${file} is a directory, not a module`);
  } catch (error) {
    if (error instanceof PolicyModuleError) throw error;
    throw new PolicyModuleError(path, `no such file (${file})`);
  }
  if (!JAVASCRIPT.includes(extension) && !TYPESCRIPT.includes(extension)) {
    throw new PolicyModuleError(path, `cannot load a "${extension}" file: give a JavaScript (.js, .mjs, .cjs) or TypeScript (.ts, .mts) module`);
  }

  let namespace: Record<string, unknown>;
  try {
    namespace = (await (TYPESCRIPT.includes(extension) ? importTypeScript(file) : import(pathToFileURL(file).href))) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof TypeScriptUnavailableError) throw new PolicyModuleError(path, error.message);
    throw new PolicyModuleError(path, `failed to load: ${errorText(error)}`);
  }
  if (namespace.default === undefined) {
    const named = Object.keys(namespace);
    throw new PolicyModuleError(
      path,
      `has no default export: export default a policy (definePolicy), an array of policies or a pack (definePack)${named.length > 0 ? `; it exports only ${named.join(', ')}` : ''}`,
    );
  }
  return packOf(namespace.default, path);
}

/**
 * Loads custom policy modules by path, in order, one pack per module, for `combinePacks`. Used by `dialsim check
 * --policy` and meant for scenarios (`baseDir` then being the scenario's folder).
 * @example
 * const pack = combinePacks(usFederalPack, ...(await loadPolicyModules(['./policies/holidays.ts'])));
 */
export async function loadPolicyModules(paths: readonly string[], options: LoadPolicyModulesOptions = {}): Promise<PolicyPack[]> {
  const packs: PolicyPack[] = [];
  for (const path of paths) packs.push(await loadPolicyModule(path, options));
  return packs;
}
