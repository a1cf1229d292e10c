import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';

/**
 * The FTC telemarketer downloads as files: the name says when and for which area code
 * (`YYYY-M-D_AAA_<GUID>.txt[.zip]`, the date not zero-padded), and the content is text, zipped or not, one number
 * a line. Reading yields the text's bytes in chunks; a zipped member is checked against its CRC-32, because a
 * download cut short would otherwise silently mark its missing numbers as not listed.
 */

export interface DownloadName {
  /** The download's date (midnight UTC), when the name starts with the FTC's `YYYY-M-D_`. */
  readonly date?: number;
  /** The area code the file is for, when the name carries one (`_AAA_`). */
  readonly areaCode?: number;
}

const FTC_NAME = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:_(\d{3}))?(?:_|\.|$)/;

export function parseDownloadName(path: string): DownloadName {
  const match = FTC_NAME.exec(basename(path));
  if (match === null) return {};
  const [, year, month, day, areaCode] = match;
  const date = Date.UTC(Number(year), Number(month) - 1, Number(day));
  const valid = new Date(date).getUTCDate() === Number(day) && new Date(date).getUTCMonth() === Number(month) - 1;
  return { ...(valid && { date }), ...(areaCode !== undefined && { areaCode: Number(areaCode) }) };
}

/** A problem with a download file as a whole (not one of its lines). */
export class DownloadFileError extends Error {}

/** Receives a download's text: a plain file is one part; a zip has a part per member, named `file.zip:member`. */
export interface DownloadReader {
  startPart(name: string): void;
  chunk(bytes: Uint8Array): void;
  endPart(): void;
}

export async function readDownload(path: string, reader: DownloadReader): Promise<void> {
  if (path.toLowerCase().endsWith('.zip')) return readZipDownload(path, reader);
  reader.startPart(path);
  await new Promise<void>((resolve, reject) => {
    const stream = createReadStream(path, { highWaterMark: 1 << 20 });
    stream.on('data', (chunk) => {
      try {
        reader.chunk(chunk as Buffer);
      } catch (error) {
        stream.destroy();
        reject(error);
      }
    });
    stream.on('error', (error) => reject(new DownloadFileError(`cannot read ${path}: ${error.message}`)));
    stream.on('end', resolve);
  });
  reader.endPart();
}

async function readZipDownload(path: string, reader: DownloadReader): Promise<void> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, validateEntrySizes: true }, (error, file) =>
      error ? reject(new DownloadFileError(`${path} is not a readable zip archive (${error.message}): the download may have been cut short; download it again`)) : resolve(file),
    ),
  );
  let members = 0;
  await new Promise<void>((resolve, reject) => {
    const fail = (error: Error): void => {
      zip.close();
      reject(error);
    };
    zip.on('error', (error: Error) => fail(new DownloadFileError(`${path}: ${error.message}`)));
    zip.on('end', resolve);
    zip.on('entry', (entry: yauzl.Entry) => {
      if (entry.fileName.endsWith('/')) return zip.readEntry();
      members++;
      zip.openReadStream(entry, (error, stream) => {
        if (error) return fail(new DownloadFileError(`${path}: cannot read member ${entry.fileName} (${error.message})`));
        let checksum = 0;
        // A line the reader refuses may be damage rather than a bad line: read the member to its end first, and
        // report a failed CRC-32 (the real cause) over the line.
        let refused: Error | undefined;
        reader.startPart(`${path}:${entry.fileName}`);
        stream.on('data', (chunk: Buffer) => {
          checksum = crc32(chunk, checksum);
          if (refused !== undefined) return;
          try {
            reader.chunk(chunk);
          } catch (readerError) {
            refused = readerError as Error;
          }
        });
        stream.on('error', (streamError: Error) => fail(new DownloadFileError(`${path}: member ${entry.fileName} is damaged (${streamError.message}): download it again`)));
        stream.on('end', () => {
          if (checksum !== entry.crc32) {
            return fail(new DownloadFileError(`${path}: member ${entry.fileName} fails its CRC-32 check (the download was cut short or corrupted): download it again`));
          }
          if (refused !== undefined) return fail(refused);
          try {
            reader.endPart();
          } catch (readerError) {
            return fail(readerError as Error);
          }
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
  if (members === 0) throw new DownloadFileError(`${path} is a zip archive with no file in it`);
}
