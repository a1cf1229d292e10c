import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import yazl from 'yazl';
import { scratchDir } from '../support/scratch-dir.js';

/** A fresh folder for one test's download files. */
export function downloadFolder(): string {
  return scratchDir('ftc');
}

/** Writes a download file; `lines` are joined with LF and end with one, as the FTC's files do. */
export function writeDownload(folder: string, name: string, lines: readonly string[]): string {
  const path = join(folder, name);
  writeFileSync(path, lines.map((line) => `${line}\n`).join(''));
  return path;
}

/** Writes `lines` as the one text member of a zip named `name`, as the FTC delivers them. */
export async function writeZippedDownload(folder: string, name: string, lines: readonly string[]): Promise<string> {
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(lines.map((line) => `${line}\n`).join('')), name.replace(/\.zip$/, ''));
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  const path = join(folder, name);
  writeFileSync(path, Buffer.concat(chunks));
  return path;
}
