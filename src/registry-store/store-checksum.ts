import { readSync } from 'node:fs';
import { crc32 } from 'node:zlib';

/**
 * The registry store's checksum (registry-store.ts describes the file): a CRC-32 of every byte after the 8-byte
 * signature but the checksum's own four, which sit at CHECKSUM_AT in the header. On its own so that the thread that
 * reads a store ahead (store-file-reader.ts) takes it without the rest of the store's code.
 */

const SIGNATURE_BYTES = 8;
/** Where the CRC-32 sits in the header. */
export const CHECKSUM_AT = 20;

/** The CRC-32 of the header's fields (version, section sizes, counts) and of every section. */
export function storeChecksum(bytes: Uint8Array): number {
  return crc32(bytes.subarray(CHECKSUM_AT + 4), crc32(bytes.subarray(SIGNATURE_BYTES, CHECKSUM_AT)));
}

/** Chunks a store file is read in: small enough to stay in the processor's cache for the checksum that follows. */
const READ_CHUNK_BYTES = 1 << 18;

/**
 * Reads the file open at `fd` into `bytes` (as long as the file), chunk by chunk, each checksummed while it is still in
 * the cache; `afterChunk` is told of each. How RegistryStore.open reads a store, and the thread that reads one ahead
 * (store-file-reader.ts). Undefined when the file ends before `bytes` is full.
 */
export function readChecksummed(fd: number, bytes: Uint8Array, afterChunk?: () => void): StoreChecksum | undefined {
  const checksum = new StoreChecksum();
  for (let read = 0; read < bytes.length; ) {
    const n = readSync(fd, bytes, read, Math.min(bytes.length - read, READ_CHUNK_BYTES), read);
    if (n === 0) return undefined;
    checksum.add(bytes, read, read + n);
    read += n;
    afterChunk?.();
  }
  return checksum;
}

/** `storeChecksum` over a file's bytes as they arrive, in order: the same CRC, the same bytes left out. */
export class StoreChecksum {
  #crc = 0;

  /** Adds bytes `from` to `to` (exclusive) of the file, following the bytes added before. */
  add(bytes: Uint8Array, from: number, to: number): void {
    for (const [start, end] of [[SIGNATURE_BYTES, CHECKSUM_AT], [CHECKSUM_AT + 4, to]] as const) {
      const first = Math.max(from, start);
      const last = Math.min(to, end);
      if (first < last) this.#crc = crc32(bytes.subarray(first, last), this.#crc);
    }
  }

  /** The CRC of the bytes added so far. */
  get value(): number {
    return this.#crc;
  }

  /** Whether the whole file has the checksum its header holds (false for a file too short to hold one). */
  matches(bytes: Uint8Array): boolean {
    return bytes.byteLength >= CHECKSUM_AT + 4 && this.#crc === headerChecksum(bytes);
  }
}

/** The checksum the store's header holds. */
export function headerChecksum(bytes: Uint8Array): number {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(CHECKSUM_AT, true);
}
