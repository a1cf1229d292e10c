import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Where Debian's chromium package puts the browser; `CHROMIUM_PATH` names another. */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/**
 * The browser the tests drive: `CHROMIUM_PATH` when set, else Debian's. A missing one fails with what to install
 * and how to point at another: browser tests never skip silently; .ci/run installs it.
 */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env, defaultPath = DEFAULT_CHROMIUM): string {
  const fromEnv = env['CHROMIUM_PATH'];
  const path = fromEnv === undefined || fromEnv === '' ? defaultPath : fromEnv;
  if (!existsSync(path)) {
    const named = path === fromEnv ? `CHROMIUM_PATH names ${path}, which does not exist` : `${path} does not exist`;
    throw new Error(
      `${named}: install Chromium (apt-get update && apt-get install -y chromium), or set CHROMIUM_PATH to a Chromium or Chrome executable. .ci/run installs it; browser tests never skip.`,
    );
  }
  return path;
}

/** Chromium, headless, with the flags this closed network needs (no background connections). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Records every request the page makes and every console or page error, for the tests to assert on. */
export function watchPage(page: Page): { requests: string[]; errors: string[] } {
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  return { requests, errors };
}
